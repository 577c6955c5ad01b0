package io.openvidu.ha.server.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Recording transitions inside one {@link Transaction}, following recordings.md: one active ({@code
 * starting} or {@code started}) recording per session, ids {@code sessionId}, {@code sessionId-1},
 * … (the first free one among every stored recording), stop frees the session at once. Every method
 * validates before it stages anything.
 */
public final class RecordingOperations {
  private final Transaction tx;
  private final Keys keys;

  RecordingOperations(Transaction tx, Keys keys) {
    this.tx = tx;
    this.keys = keys;
  }

  /** The recording with that id, if it exists. */
  public Optional<RecordingState> find(String recordingId) {
    return tx.read(keys.recording(recordingId), RecordingState.class);
  }

  /**
   * The recording with that id; rejected with {@link Rejection#RECORDING_NOT_FOUND} when there is
   * none.
   */
  public RecordingState get(String recordingId) {
    return find(recordingId).orElseThrow(() -> notFound(recordingId));
  }

  /** Every stored recording, of any status and any session (also closed ones). */
  public List<RecordingState> list() {
    List<String> ids = new ArrayList<>(tx.members(keys.recordings()));
    return tx.readAll(ids.stream().map(keys::recording).toList(), RecordingState.class);
  }

  /**
   * The recordings not finished yet ({@code starting}, {@code started} or {@code stopped}): those
   * that still have work due, without reading every recording ever made.
   */
  public List<RecordingState> unfinished() {
    List<String> ids = new ArrayList<>(tx.members(keys.unfinishedRecordings()));
    return tx.readAll(ids.stream().map(keys::recording).toList(), RecordingState.class);
  }

  /**
   * The sessions in which somebody published while the session was {@code ALWAYS}, not recorded and
   * never stopped by hand: candidates for an automatic recording (rest-api.md §6.3). The caller
   * re-checks each one and {@linkplain #dropAutomaticCandidate drops} it.
   */
  public List<String> automaticCandidates() {
    return new ArrayList<>(tx.members(keys.automaticRecordingCandidates()));
  }

  /** Forgets a candidate for an automatic recording (started, or no longer wanting one). */
  public void dropAutomaticCandidate(String sessionId) {
    tx.removeMember(keys.automaticRecordingCandidates(), sessionId);
  }

  /**
   * Starts a recording of a session in {@code starting} status, with the preconditions of
   * rest-api.md §5.7 in OpenVidu's order: a session that is not active is rejected with {@link
   * Rejection#SESSION_NOT_ROUTED} or {@link Rejection#SESSION_ALREADY_RECORDING} when those apply,
   * else {@link Rejection#SESSION_NOT_ACTIVE}; an active one with those two, or {@link
   * Rejection#NO_PARTICIPANTS} when nobody is connected. An empty {@code properties.name()} becomes
   * the recording id. Two concurrent starts: exactly one wins. {@code launchEndsAt} is when its
   * emulated launch is over (see {@link RecordingState}).
   */
  public RecordingState start(
      String sessionId, RecordingProperties properties, long now, long launchEndsAt) {
    SessionState session = tx.sessions().get(sessionId);
    if (session.mediaMode() != MediaMode.ROUTED) {
      throw new TransitionRejectedException(
          Rejection.SESSION_NOT_ROUTED, "Session " + sessionId + " is not ROUTED");
    }
    if (session.isBeingRecorded()) {
      throw new TransitionRejectedException(
          Rejection.SESSION_ALREADY_RECORDING,
          "Session " + sessionId + " is already being recorded");
    }
    if (!session.active()) {
      throw new TransitionRejectedException(
          Rejection.SESSION_NOT_ACTIVE, "Session " + sessionId + " has no connected participants");
    }
    if (session.activeConnections().isEmpty()) {
      throw new TransitionRejectedException(
          Rejection.NO_PARTICIPANTS, "Session " + sessionId + " has no connected participants");
    }
    String id = freeId(sessionId);
    RecordingProperties named =
        properties.name() == null || properties.name().isEmpty()
            ? properties.withName(id)
            : properties;
    List<RecordedStreamState> periods = new ArrayList<>();
    if (named.outputMode() == OutputMode.INDIVIDUAL) {
      for (ConnectionState connection : session.activeConnections()) {
        for (PublisherState publisher : connection.publishers()) {
          period(named, connection, publisher, now, periods).ifPresent(periods::add);
        }
      }
    }
    RecordingState recording =
        RecordingState.starting(id, sessionId, named, session.mediaNodeId(), now, launchEndsAt)
            .withUniqueSessionId(sessionId + "_" + session.createdAt())
            .withStreams(periods);
    tx.put(keys.recording(id), recording, null);
    tx.addMember(keys.recordings(), id);
    tx.addMember(keys.unfinishedRecordings(), id);
    tx.put(keys.session(sessionId), session.with(b -> b.activeRecordingId(id)), null);
    return recording;
  }

  /** Moves a recording from {@code starting} to {@code started}. */
  public RecordingState markStarted(String recordingId) {
    RecordingState recording = get(recordingId);
    requireStatus(recording, RecordingStatus.STARTING);
    RecordingState started = save(recording.started());
    tx.webhooks().recordingStatusChanged(started, System.currentTimeMillis());
    return started;
  }

  /**
   * Stops a {@code started} recording: it becomes {@code stopped} with {@code reason} and its
   * session is free to record again at once. {@code manual} marks the session as manually stopped
   * (an {@code ALWAYS} session then never restarts recording by itself). Rejected as rest-api.md
   * §5.8: {@link Rejection#RECORDING_NOT_FOUND} when there is no active recording with that id,
   * {@link Rejection#RECORDING_STARTING} while it is still starting, {@link
   * Rejection#RECORDING_SESSION_MISMATCH} when its session does not consider it active.
   */
  public RecordingState stop(String recordingId, String reason, boolean manual, long now) {
    RecordingState recording =
        find(recordingId)
            .filter(r -> r.status().isActive())
            .orElseThrow(() -> notFound(recordingId));
    if (recording.status() == RecordingStatus.STARTING) {
      throw new TransitionRejectedException(
          Rejection.RECORDING_STARTING, "Recording " + recordingId + " is still starting");
    }
    SessionState session =
        tx.sessions()
            .find(recording.sessionId())
            .filter(s -> recordingId.equals(s.activeRecordingId()))
            .orElseThrow(
                () ->
                    new TransitionRejectedException(
                        Rejection.RECORDING_SESSION_MISMATCH,
                        "Session " + recording.sessionId() + " is not being recorded"));
    return stopActive(session, reason, manual, now);
  }

  /**
   * Moves a recording to a final status: {@code ready} or {@code failed} from {@code stopped}, or
   * {@code failed} from {@code starting} (a start that did not succeed; its session is freed).
   */
  public RecordingState finish(
      String recordingId, RecordingStatus finalStatus, long size, double duration, String url) {
    if (finalStatus != RecordingStatus.READY && finalStatus != RecordingStatus.FAILED) {
      throw new IllegalArgumentException("not a final status: " + finalStatus);
    }
    RecordingState recording = get(recordingId);
    boolean failedStart =
        recording.status() == RecordingStatus.STARTING && finalStatus == RecordingStatus.FAILED;
    if (!failedStart) {
      requireStatus(recording, RecordingStatus.STOPPED);
    }
    if (failedStart) {
      tx.sessions()
          .find(recording.sessionId())
          .filter(s -> recordingId.equals(s.activeRecordingId()))
          .ifPresent(
              s -> tx.put(keys.session(s.id()), s.with(b -> b.activeRecordingId(null)), null));
    }
    tx.removeMember(keys.unfinishedRecordings(), recordingId);
    RecordingState finished = save(recording.finished(finalStatus, size, duration, url));
    if (!failedStart) {
      tx.webhooks().recordingStatusChanged(finished, System.currentTimeMillis());
    }
    return finished;
  }

  /**
   * Replaces a recording by {@code change} applied to it (for fields no dedicated transition
   * covers).
   */
  public RecordingState update(String recordingId, UnaryOperator<RecordingState> change) {
    RecordingState updated = change.apply(get(recordingId));
    if (!updated.id().equals(recordingId)) {
      throw new IllegalArgumentException("a recording's id cannot change");
    }
    return save(updated);
  }

  /**
   * Deletes a recording that is not active; its id becomes free. Rejected with {@link
   * Rejection#RECORDING_ACTIVE} while it is {@code starting} or {@code started}.
   */
  public RecordingState delete(String recordingId) {
    RecordingState recording = get(recordingId);
    if (recording.status().isActive()) {
      throw new TransitionRejectedException(
          Rejection.RECORDING_ACTIVE,
          "Recording " + recordingId + " is " + recording.status().wireName());
    }
    tx.delete(keys.recording(recordingId));
    tx.removeMember(keys.recordings(), recordingId);
    tx.removeMember(keys.unfinishedRecordings(), recordingId);
    return recording;
  }

  /**
   * Adds a period for a stream published while the session's recording runs, when the recording is
   * {@code INDIVIDUAL}, the connection is recorded and the stream has a track the recording records
   * (recordings.md §1). Nothing happens when the stream already has an open period. In an {@code
   * ALWAYS} session not being recorded, the session becomes a candidate for an automatic recording
   * instead.
   */
  void streamPublished(SessionState session, ConnectionState owner, PublisherState publisher) {
    if (session.activeRecordingId() == null) {
      if (session.recordingMode() == RecordingMode.ALWAYS && !session.recordingManuallyStopped()) {
        tx.addMember(keys.automaticRecordingCandidates(), session.id());
      }
      return;
    }
    RecordingState recording = get(session.activeRecordingId());
    openPeriod(recording, owner, publisher, Math.max(publisher.createdAt(), recording.createdAt()));
  }

  /**
   * A connection's {@code record} flag changed (Pro's {@code PATCH}, recordings.md §3.4): while a
   * running {@code INDIVIDUAL} recording lasts, turning it off closes the periods of its streams at
   * {@code at}, turning it on opens new ones ({@code <streamId>-N}) from {@code at}.
   */
  void recordFlagChanged(SessionState session, ConnectionState connection, long at) {
    if (session.activeRecordingId() == null) {
      return;
    }
    if (!connection.record()) {
      streamsEnded(
          session, connection.publishers().stream().map(PublisherState::streamId).toList(), at);
      return;
    }
    for (PublisherState publisher : connection.publishers()) {
      openPeriod(get(session.activeRecordingId()), connection, publisher, at);
    }
  }

  private void openPeriod(
      RecordingState recording, ConnectionState owner, PublisherState publisher, long startTime) {
    if (recording.properties().outputMode() != OutputMode.INDIVIDUAL
        || recording.streams().stream()
            .anyMatch(p -> p.isOpen() && p.streamId().equals(publisher.streamId()))) {
      return;
    }
    period(recording.properties(), owner, publisher, startTime, recording.streams())
        .ifPresent(
            added -> {
              List<RecordedStreamState> periods = new ArrayList<>(recording.streams());
              periods.add(added);
              save(recording.withStreams(periods));
            });
  }

  /**
   * Closes at {@code at} the open periods of streams that the session's recording no longer
   * receives.
   */
  void streamsEnded(SessionState session, Collection<String> streamIds, long at) {
    if (session.activeRecordingId() == null || streamIds.isEmpty()) {
      return;
    }
    RecordingState recording = get(session.activeRecordingId());
    if (recording.streams().stream()
        .noneMatch(p -> p.isOpen() && streamIds.contains(p.streamId()))) {
      return;
    }
    save(
        recording.withStreams(
            recording.streams().stream()
                .map(p -> streamIds.contains(p.streamId()) ? p.closedAt(at) : p)
                .toList()));
  }

  /**
   * Stops the session's active recording (used by {@link #stop} and by closing a session). A
   * recording still {@code starting} (only a closing session stops one) ends {@code failed} at
   * once, with the webhooks OpenVidu sends for it: {@code stopped}, {@code started}, {@code failed}
   * (recordings.md §6, observed for an interrupted COMPOSED_QUICK_START start).
   */
  RecordingState stopActive(SessionState session, String reason, boolean manual, long now) {
    RecordingState recording = get(session.activeRecordingId());
    RecordingState stopped = recording.stopped(reason, now);
    if (recording.status() == RecordingStatus.STARTING) {
      tx.webhooks().recordingStatusChanged(stopped, now);
      tx.webhooks().recordingStatusChanged(stopped.withStatus(RecordingStatus.STARTED), now);
      stopped = stopped.finished(RecordingStatus.FAILED, 0, 0, null);
      tx.removeMember(keys.unfinishedRecordings(), recording.id());
    }
    save(stopped);
    tx.webhooks().recordingStatusChanged(stopped, now);
    tx.put(
        keys.session(session.id()),
        session.with(
            b ->
                b.activeRecordingId(null)
                    .recordingManuallyStopped(session.recordingManuallyStopped() || manual)),
        null);
    return stopped;
  }

  private String freeId(String sessionId) {
    // Read candidates in batches: one round trip usually settles it, and every candidate read is
    // version-checked
    // at commit, so two starts can never take the same id.
    for (int start = 0; ; start += 8) {
      List<String> candidates = new ArrayList<>();
      for (int n = start; n < start + 8; n++) {
        candidates.add(n == 0 ? sessionId : sessionId + "-" + n);
      }
      List<RecordingState> taken =
          tx.readAll(candidates.stream().map(keys::recording).toList(), RecordingState.class);
      for (String candidate : candidates) {
        if (taken.stream().noneMatch(r -> r.id().equals(candidate))) {
          return candidate;
        }
      }
    }
  }

  /**
   * The period that records {@code publisher} from {@code startTime}, or none when the connection
   * is not recorded or the stream has no track the recording records. A stream already recorded
   * before gets the next {@code -N} name.
   */
  private static Optional<RecordedStreamState> period(
      RecordingProperties properties,
      ConnectionState owner,
      PublisherState publisher,
      long startTime,
      List<RecordedStreamState> existing) {
    MediaOptions media = publisher.mediaOptions();
    boolean audio = properties.hasAudio() && media != null && media.hasAudio();
    boolean video = properties.hasVideo() && media != null && media.hasVideo();
    if (!owner.record() || !audio && !video) {
      return Optional.empty();
    }
    long earlier = existing.stream().filter(p -> p.streamId().equals(publisher.streamId())).count();
    String fileName = earlier == 0 ? publisher.streamId() : publisher.streamId() + "-" + earlier;
    return Optional.of(
        new RecordedStreamState(
            fileName,
            publisher.streamId(),
            owner.id(),
            owner.clientData(),
            owner.serverData(),
            audio,
            video,
            video ? media.typeOfVideo() : null,
            video ? media.videoDimensions() : null,
            startTime,
            null));
  }

  private RecordingState save(RecordingState recording) {
    tx.put(keys.recording(recording.id()), recording, null);
    return recording;
  }

  private static void requireStatus(RecordingState recording, RecordingStatus expected) {
    if (recording.status() != expected) {
      throw new TransitionRejectedException(
          Rejection.RECORDING_WRONG_STATUS,
          "Recording "
              + recording.id()
              + " is "
              + recording.status().wireName()
              + ", not "
              + expected.wireName());
    }
  }

  private static TransitionRejectedException notFound(String recordingId) {
    return new TransitionRejectedException(
        Rejection.RECORDING_NOT_FOUND, "Recording " + recordingId + " not found");
  }
}
