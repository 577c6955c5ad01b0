/**
 * Recordings (recordings.md, rest-api.md §5.7-5.11) for every master and every process of the
 * cluster, without media.
 *
 * <p>How it fits: a recording's state is a document of the shared store, moved through the state
 * machine of recordings.md §6 by store transactions ({@code tx.recordings()}); the store's publish,
 * unpublish and leave transitions keep the stream periods of {@code INDIVIDUAL} recordings and mark
 * {@code ALWAYS} sessions that want a recording. {@link
 * io.openvidu.ha.server.recording.RecordingModule} installs the REST routes into each master and
 * runs a sweeper in each process that does what is due in time (processing a stopped recording, the
 * automatic stop, {@code ALWAYS} starts, failures of crashed nodes), so no master's or process's
 * death stops a recording. The files are a pure function of the stored state, written under the
 * recordings directory (shared by every process) by whichever process moves the recording, and
 * written again when found missing. Participants hear {@code recordingStarted}/{@code
 * recordingStopped} through {@link io.openvidu.ha.server.store.ClusterEvent}s that the {@code rpc}
 * package delivers.
 *
 * <p>What the emulator does differently from OpenVidu 2.20 Enterprise, or not at all:
 *
 * <ul>
 *   <li>No media: containers are structurally valid (MP4 boxes, WebM elements, JPEG) with the
 *       recording's duration and picture size, but hold no frames; the thumbnail is a test card.
 *       Sizes grow with the duration.
 *   <li>A start is {@code starting} for an emulated launch time ({@link RecordingSettings}): a
 *       COMPOSED container launches at each start, a COMPOSED_QUICK_START container when its
 *       session's first participant joins (its starts then wait only for the recorder), INDIVIDUAL
 *       and audio-only starts wait for their recorders. Meanwhile {@code GET} reports {@code
 *       starting} for COMPOSED with video and 404 for the other modes (OpenVidu has no metadata
 *       file for them yet), {@code stop} answers 406, {@code DELETE} 409; the start answers once
 *       the recording is {@code started}. A start is two store transactions ({@link
 *       RecordingLaunches}): any process completes a start whose master died. A start fails (500)
 *       only when its files cannot be written, when its session closes while it starts, or when its
 *       media node is gone; never 503.
 *   <li>{@code stop} answers {@code stopped} (Enterprise); {@code ready} follows after {@link
 *       RecordingSettings#processingTime()}. The store turns {@code ready} just before the files
 *       are written; a download in between writes them itself.
 *   <li>A COMPOSED recording's {@code duration} is the wall time from start to stop; its
 *       resolution, frame rate and tracks are the requested ones. The {@code mediaNode} property of
 *       a start is type-checked and ignored: a recording always runs on the node hosting its
 *       session, and the Recording object always names that node.
 *   <li>{@code INDIVIDUAL}: no transient per-stream files ({@code .stream.<fileName>}, growing
 *       {@code .webm}) while it records: the folder holds the metadata until the zip is written.
 *       {@code ignoreFailedStreams} has no effect (no recorder fails). A recording without any
 *       recorded stream is {@code ready} with size and duration 0.
 *   <li>{@code recordingStarted} is sent at once for every output mode (there is no {@code
 *       RECORDER} participant). Participants hear it after the REST answer, as it travels through
 *       the store.
 *   <li>The automatic stop and {@code ALWAYS} starts happen up to one {@link
 *       RecordingSettings#sweepInterval()} late; period ends recorded by unpublish and leave
 *       transitions take the store's clock.
 *   <li>A crashed media node's recordings end {@code failed} with size 0 (its sessions close with
 *       reason {@code nodeCrashed}); a recording already {@code stopped} and being processed when
 *       its node crashed still becomes {@code ready}. A node removed with {@code
 *       deletion-strategy=now} stops its recordings with reason {@code mediaServerDisconnect}, and
 *       they become {@code ready}.
 *   <li>Not done: CDR events, S3 storage, custom layouts ({@code /openvidu/layouts}) and {@code
 *       OPENVIDU_RECORDING_DEBUG} files. ({@code recordingStatusChanged} webhooks are staged by the
 *       store's transitions.)
 *   <li>A deletion racing the processing of the same recording, immediately followed by a new
 *       recording taking the same id, could leave the old files in the new recording's folder (the
 *       window is the time to write the files).
 * </ul>
 */
package io.openvidu.ha.server.recording;
