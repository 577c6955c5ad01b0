package io.openvidu.ha.server.recording;

import io.openvidu.ha.server.config.ClusterSettings;
import io.openvidu.ha.server.config.RuntimeConfig;
import io.openvidu.ha.server.store.ClusterStore;
import io.openvidu.ha.server.store.MediaMode;
import io.openvidu.ha.server.store.MediaNodeState;
import io.openvidu.ha.server.store.RecordingMode;
import io.openvidu.ha.server.store.RecordingState;
import io.openvidu.ha.server.store.RecordingStatus;
import io.openvidu.ha.server.store.SessionState;
import io.openvidu.ha.server.store.StoreUnavailableException;
import io.openvidu.ha.server.store.TransitionRejectedException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recording work that is due at a time rather than on a request, done by every process of the
 * cluster from the shared state alone, so that no process's death stops any of it (the surviving
 * ones carry on). Each sweep:
 *
 * <ul>
 *   <li>completes the starts whose launch has been over for a sweep interval (their starter, which
 *       completes them sooner, may have died), fails those still {@code starting} a start timeout
 *       after it, and those whose media node is gone;
 *   <li>stops, with reason {@code nodeCrashed}, recordings whose media node is gone or
 *       disconnected, and fails them;
 *   <li>runs the automatic-stop countdown of rest-api.md §6.4: arms it when the last participant
 *       has left, disarms it when somebody publishes, and on expiry stops the recording ({@code
 *       automaticStop}), closing the session too when nobody is connected;
 *   <li>starts a recording of the {@code ALWAYS} sessions in which somebody published while they
 *       were not recorded (§6.3), as the store's publish transition marks them;
 *   <li>finishes stopped recordings whose processing time is over.
 * </ul>
 *
 * It reads only unfinished recordings and marked sessions, not everything ever stored. Every change
 * is a store transaction that re-checks its condition, so processes sweeping at the same moment do
 * each thing once. Work is at most one {@link RecordingSettings#sweepInterval()} late. Thread-safe;
 * one thread.
 */
final class RecordingSweeper implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RecordingSweeper.class);

  private final ClusterStore store;
  private final ClusterSettings cluster;
  private final RecordingSettings settings;
  private final RecordingTransitions transitions;
  private final RecordingLaunches launches;
  private final RecordingProcessor processor;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "recording-sweeper");
            thread.setDaemon(true);
            return thread;
          });

  RecordingSweeper(
      ClusterStore store,
      ClusterSettings cluster,
      RecordingSettings settings,
      RecordingTransitions transitions,
      RecordingLaunches launches,
      RecordingProcessor processor) {
    this.store = store;
    this.cluster = cluster;
    this.settings = settings;
    this.transitions = transitions;
    this.launches = launches;
    this.processor = processor;
  }

  void start() {
    long period = settings.sweepInterval().toMillis();
    timer.scheduleWithFixedDelay(this::sweepSafely, period, period, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void sweepSafely() {
    try {
      sweep();
    } catch (StoreUnavailableException e) {
      log.debug("Recording sweep skipped: the store is unavailable", e);
    } catch (RuntimeException e) {
      log.warn("Recording sweep failed", e);
    }
  }

  /** One sweep over every recording and session. */
  void sweep() {
    long now = System.currentTimeMillis();
    for (RecordingState recording : store.atomically(tx -> tx.recordings().unfinished())) {
      try {
        sweep(recording, now);
      } catch (StoreUnavailableException e) {
        throw e;
      } catch (RuntimeException e) {
        // One recording's trouble (say, its files cannot be written) must not hold the others up.
        log.warn("Recording {}: due work failed, to be tried again", recording.id(), e);
      }
    }
    startAutomaticRecordings(now);
  }

  private void sweep(RecordingState recording, long now) {
    switch (recording.status()) {
      case STARTING -> {
        if (nodeGone(recording)) {
          launches.fail(recording, "its media node is gone", null);
        } else {
          launches.completeIfOverdue(recording, settings.sweepInterval());
        }
      }
      case STARTED -> {
        if (!stopIfNodeCrashed(recording, now)) {
          runAutoStop(recording, now);
        }
      }
      case STOPPED -> processor.finishIfDue(recording, now);
      default -> {
        // final: nothing due
      }
    }
  }

  /**
   * @return whether the recording's media node is gone (the recording is then stopped, to fail)
   */
  private boolean stopIfNodeCrashed(RecordingState recording, long now) {
    if (!nodeGone(recording)) {
      return false;
    }
    Optional<RecordingState> stopped =
        attempt(
            () ->
                store.atomically(
                    tx ->
                        tx.recordings()
                            .find(recording.id())
                            .filter(r -> r.status() == RecordingStatus.STARTED)
                            .map(
                                r ->
                                    transitions.stop(
                                        tx, r.id(), RecordingProcessor.NODE_CRASHED, false, now))));
    stopped.ifPresent(r -> processor.finishIfDue(r, now));
    return true;
  }

  /** Whether the recording's media node is gone or disconnected. */
  private boolean nodeGone(RecordingState recording) {
    if (recording.mediaNodeId() == null) {
      return false;
    }
    Optional<MediaNodeState> node =
        store.atomically(tx -> tx.mediaNodes().find(recording.mediaNodeId()));
    return node.isEmpty() || !node.get().connected();
  }

  private void runAutoStop(RecordingState recording, long now) {
    Optional<RecordingState> stopped =
        attempt(
            () ->
                store.atomically(
                    tx -> {
                      Optional<RecordingState> current =
                          tx.recordings()
                              .find(recording.id())
                              .filter(r -> r.status() == RecordingStatus.STARTED);
                      Optional<SessionState> session =
                          current.flatMap(r -> tx.sessions().find(r.sessionId()));
                      if (current.isEmpty() || session.isEmpty()) {
                        return Optional.<RecordingState>empty();
                      }
                      RecordingState r = current.get();
                      boolean publishing = RecordingTransitions.publisherCount(session.get()) > 0;
                      if (r.autoStopAt() != null && publishing) {
                        tx.recordings().update(r.id(), x -> x.withAutoStopAt(null));
                      } else if (r.autoStopAt() == null
                          && session.get().activeConnections().isEmpty()) {
                        long deadline = now + transitions.autoStopMillis(tx);
                        tx.recordings().update(r.id(), x -> x.withAutoStopAt(deadline));
                      } else if (r.autoStopAt() != null && r.autoStopAt() <= now) {
                        return Optional.of(
                            transitions.stop(tx, r.id(), "automaticStop", false, now));
                      }
                      return Optional.<RecordingState>empty();
                    }));
    stopped.ifPresent(processor::writeMetadata);
  }

  private void startAutomaticRecordings(long now) {
    List<String> candidates = store.atomically(tx -> tx.recordings().automaticCandidates());
    if (candidates.isEmpty()) {
      return;
    }
    boolean enabled = store.atomically(tx -> RuntimeConfig.read(tx, cluster).recordingEnabled());
    for (String sessionId : candidates) {
      Optional<RecordingState> started =
          attempt(
              () ->
                  store.atomically(
                      tx -> {
                        tx.recordings().dropAutomaticCandidate(sessionId);
                        return tx.sessions()
                            .find(sessionId)
                            .filter(s -> enabled && wantsAutomaticRecording(s))
                            .map(
                                s -> transitions.start(tx, s, s.defaultRecordingProperties(), now));
                      }));
      if (started.isPresent()) {
        log.debug("Recording {} started automatically", started.get().id());
        launches.completeIfDue(started.get());
      } else {
        // A start another process won, or one refused: either way nothing is left to do for this
        // candidate.
        store.atomically(
            tx -> {
              tx.recordings().dropAutomaticCandidate(sessionId);
              return null;
            });
      }
    }
  }

  /**
   * Whether a marked session still wants its automatic recording when the sweep gets to it: {@code
   * ALWAYS} and {@code ROUTED}, not recorded, never stopped by hand, and somebody publishes (the
   * publisher that marked it may have gone meanwhile).
   */
  private static boolean wantsAutomaticRecording(SessionState session) {
    return session.recordingMode() == RecordingMode.ALWAYS
        && session.mediaMode() == MediaMode.ROUTED
        && session.active()
        && !session.isBeingRecorded()
        && !session.recordingManuallyStopped()
        && RecordingTransitions.publisherCount(session) > 0;
  }

  /**
   * Runs a transition that another process may have made impossible meanwhile: then nothing is due.
   */
  private static Optional<RecordingState> attempt(TransitionCall call) {
    try {
      return call.run();
    } catch (TransitionRejectedException e) {
      log.debug("Recording transition no longer applies: {}", e.getMessage());
      return Optional.empty();
    }
  }

  @FunctionalInterface
  private interface TransitionCall {
    Optional<RecordingState> run();
  }
}
