package io.openvidu.ha.server.recording;

import io.openvidu.ha.server.config.ClusterSettings;
import io.openvidu.ha.server.store.ClusterStore;
import io.openvidu.ha.server.store.RecordingState;
import io.openvidu.ha.server.store.RecordingStatus;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a recording's files in line with its state, in whichever process gets there first: writes
 * the files of a recording that started or stopped, and finishes a {@code stopped} recording once
 * its processing time is over ({@code ready} with its final size, duration and url, or {@code
 * failed} when its media node crashed or its files cannot be made). The store transition decides
 * which process finishes a recording; that process then writes the final files. The files are a
 * pure function of the stored state, so a file found missing later (its writer died) is simply
 * written again. Thread-safe.
 */
final class RecordingProcessor {

  private static final Logger log = LoggerFactory.getLogger(RecordingProcessor.class);

  /** The stop reason of a recording whose media node crashed: its files are lost (issue #5). */
  static final String NODE_CRASHED = "nodeCrashed";

  private final ClusterStore store;
  private final RecordingFolder folder;
  private final ClusterSettings cluster;
  private final RecordingSettings settings;

  RecordingProcessor(
      ClusterStore store,
      RecordingFolder folder,
      ClusterSettings cluster,
      RecordingSettings settings) {
    this.store = store;
    this.folder = folder;
    this.cluster = cluster;
    this.settings = settings;
  }

  /** The cluster's public URL with a trailing slash, as recording urls start. */
  String publicUrl() {
    return cluster.publicUrlText() + "/";
  }

  /**
   * Writes the metadata (and for composed recordings the growing media file) of a recording that
   * started.
   */
  void writeStarted(RecordingState recording) {
    folder.writeStarted(recording, RecordingJson.metadata(recording, publicUrl()));
  }

  /** Rewrites the metadata of a recording, e.g. once it stopped. */
  void writeMetadata(RecordingState recording) {
    folder.writeMetadata(recording, RecordingJson.metadata(recording, publicUrl()));
  }

  /**
   * Finishes {@code recording} if it is {@code stopped} and due at {@code now}.
   *
   * @return the recording as it is after this call: finished by this call or by another process, or
   *     unchanged
   */
  RecordingState finishIfDue(RecordingState recording, long now) {
    if (recording.status() != RecordingStatus.STOPPED || !isDue(recording, now)) {
      return recording;
    }
    Optional<RecordingArtifacts> artifacts = artifactsOf(recording);
    RecordingStatus outcome =
        artifacts.isPresent() ? RecordingStatus.READY : RecordingStatus.FAILED;
    long size = artifacts.map(RecordingArtifacts::size).orElse(0L);
    double duration = artifacts.map(RecordingArtifacts::duration).orElse(0.0);
    String url = RecordingJson.url(recording.finished(outcome, size, duration, null), publicUrl());
    Optional<RecordingState> finishedHere =
        store.atomically(
            tx ->
                tx.recordings()
                    .find(recording.id())
                    .filter(current -> current.status() == RecordingStatus.STOPPED)
                    .map(
                        current ->
                            tx.recordings().finish(current.id(), outcome, size, duration, url)));
    if (finishedHere.isEmpty()) {
      // another process finished it, or it was deleted meanwhile
      return store.atomically(tx -> tx.recordings().find(recording.id())).orElse(recording);
    }
    RecordingState finished = finishedHere.get();
    // A deletion racing these writes ends them early (FOLDER_REMOVED); what they wrote after its
    // passes goes below
    if (artifacts.isPresent()) {
      folder.writeFinal(finished, artifacts.get(), RecordingJson.metadata(finished, publicUrl()));
    } else {
      writeMetadata(finished);
    }
    forgetIfDeleted(finished.id());
    log.debug("Recording {} is {}", finished.id(), finished.status().wireName());
    return finished;
  }

  /**
   * Writes the final files of a {@code ready} recording if any is missing: its writer died, or has
   * not got to them yet (the store turns ready before the files are written).
   */
  void repairIfMissing(RecordingState recording) {
    if (recording.status() != RecordingStatus.READY) {
      return;
    }
    artifactsOf(recording)
        .filter(artifacts -> !folder.hasAll(recording.id(), artifacts.files().keySet()))
        .ifPresent(
            artifacts ->
                folder.writeFinal(
                    recording, artifacts, RecordingJson.metadata(recording, publicUrl())));
  }

  /** Removes the files of a deleted recording. */
  void deleteFiles(String recordingId) {
    folder.delete(recordingId);
  }

  private boolean isDue(RecordingState recording, long now) {
    // A crashed node has nothing to process: its recordings fail at once.
    return NODE_CRASHED.equals(recording.reason())
        || now >= recording.stoppedAt() + settings.processingTime().toMillis();
  }

  /**
   * The final files, or none when the recording cannot have any: its node crashed or its name is no
   * file name.
   */
  private static Optional<RecordingArtifacts> artifactsOf(RecordingState recording) {
    if (NODE_CRASHED.equals(recording.reason())) {
      return Optional.empty();
    }
    if (!RecordingFolder.isPlainName(RecordingJson.mediaFileName(recording))) {
      log.warn("Recording {} fails: its name cannot be a file name", recording.id());
      return Optional.empty();
    }
    return Optional.of(RecordingArtifacts.of(recording));
  }

  /** A deletion that raced the writing of the files would leave them behind: remove them. */
  private void forgetIfDeleted(String recordingId) {
    if (isDeleted(recordingId)) {
      folder.delete(recordingId);
    }
  }

  private boolean isDeleted(String recordingId) {
    return store.atomically(tx -> tx.recordings().find(recordingId)).isEmpty();
  }
}
