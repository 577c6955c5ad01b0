package io.openvidu.ha.server.recording;

import io.openvidu.ha.server.store.ClusterStore;
import io.openvidu.ha.server.store.RecordingState;
import io.openvidu.ha.server.store.RecordingStatus;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second half of a recording start: once a {@code starting} recording's launch is over (on the
 * cluster's clock), its files are written and it turns {@code started} in a transaction of its own.
 * Whoever gets there first does it: the master that took the start request, a master replaying it
 * for a retried {@code Idempotency-Key}, a read of the recording, or any process's sweeper, so a
 * master that dies between the two transactions leaves nothing {@code starting} for ever. Each
 * completion re-checks the status in its transaction, so a start completes once. A start whose
 * files cannot be written ends {@code failed}, and so does one whose request has waited {@link
 * RecordingSettings#startTimeout()} of real time past its launch time (only a clock that does not
 * move, a test's, makes it wait that long). Thread-safe.
 */
final class RecordingLaunches {

  private static final Logger log = LoggerFactory.getLogger(RecordingLaunches.class);

  /** How often a waiting start looks at its recording again: the clock may be a test's. */
  private static final long POLL_MILLIS = 10;

  private final ClusterStore store;
  private final RecordingTransitions transitions;
  private final RecordingProcessor processor;
  private final RecordingSettings settings;
  private final Clock clock;

  RecordingLaunches(
      ClusterStore store,
      RecordingTransitions transitions,
      RecordingProcessor processor,
      RecordingSettings settings,
      Clock clock) {
    this.store = store;
    this.transitions = transitions;
    this.processor = processor;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Completes {@code recording}'s start if it is {@code starting} and its launch is over.
   *
   * @return the recording as it is after this call (unchanged when nothing was due)
   */
  RecordingState completeIfDue(RecordingState recording) {
    if (recording.status() != RecordingStatus.STARTING) {
      return recording;
    }
    if (clock.millis() < launchEnd(recording)) {
      return recording;
    }
    try {
      // The files first: a start that cannot write them never turns started.
      processor.writeStarted(recording.started());
    } catch (UncheckedIOException | IllegalArgumentException e) {
      return fail(recording, "its files could not be written", e);
    }
    long now = System.currentTimeMillis();
    RecordingState after =
        store.atomically(
            tx ->
                tx.recordings()
                    .find(recording.id())
                    .map(
                        r ->
                            r.status() == RecordingStatus.STARTING
                                ? transitions.complete(tx, r.id(), now)
                                : r)
                    .orElse(recording));
    if (after.status() != RecordingStatus.STARTED) {
      // Closed or failed meanwhile by another process: the files say what the store says.
      writeMetadataQuietly(after);
    }
    return after;
  }

  /**
   * Completes {@code recording}'s start, as {@link #completeIfDue} does, once its launch has been
   * over for {@code requesterGrace}: the master that took the request polls it far more often, and
   * a sweeper that completed it at the same moment would write its files twice and re-run one of
   * the two transactions. A start whose requester died is completed that much later.
   */
  RecordingState completeIfOverdue(RecordingState recording, Duration requesterGrace) {
    if (recording.status() != RecordingStatus.STARTING
        || clock.millis() < launchEnd(recording) + requesterGrace.toMillis()) {
      return recording;
    }
    return completeIfDue(recording);
  }

  private static long launchEnd(RecordingState recording) {
    return recording.launchEndsAt() == null ? recording.createdAt() : recording.launchEndsAt();
  }

  /**
   * Waits until the recording's start is over, completing it when due, or until {@code abandoned}
   * says the waiter goes away (its master stops; the start goes on without it).
   *
   * @return the recording once it left {@code starting} ({@code started} or later, or a {@linkplain
   *     RecordingState#isFailedStart() failed start}), or still {@code starting} when abandoned;
   *     empty if it no longer exists
   */
  Optional<RecordingState> awaitStart(String recordingId, BooleanSupplier abandoned) {
    long giveUpAt = 0;
    while (true) {
      Optional<RecordingState> current =
          store.atomically(tx -> tx.recordings().find(recordingId)).map(this::completeIfDue);
      if (current.isEmpty()
          || current.get().status() != RecordingStatus.STARTING
          || abandoned.getAsBoolean()) {
        return current;
      }
      long launchEndsAt = current.get().launchEndsAt() == null ? 0 : current.get().launchEndsAt();
      if (giveUpAt == 0) {
        // Real time, so that a clock that does not move (a test's) cannot hold a request for ever.
        giveUpAt =
            System.nanoTime()
                + TimeUnit.MILLISECONDS.toNanos(Math.max(0, launchEndsAt - clock.millis()))
                + settings.startTimeout().toNanos();
      } else if (System.nanoTime() - giveUpAt > 0) {
        return Optional.of(
            fail(current.get(), "it did not start within " + settings.startTimeout(), null));
      }
      long wait = Math.max(1, Math.min(POLL_MILLIS, launchEndsAt - clock.millis()));
      try {
        TimeUnit.MILLISECONDS.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return current;
      }
    }
  }

  /**
   * Fails a start still {@code starting}: its session is free to record again.
   *
   * @return the recording as it is after this call
   */
  RecordingState fail(RecordingState recording, String why, RuntimeException cause) {
    String recordingId = recording.id();
    Optional<RecordingState> failed =
        store.atomically(
            tx ->
                tx.recordings()
                    .find(recordingId)
                    .filter(r -> r.status() == RecordingStatus.STARTING)
                    .map(
                        r ->
                            tx.recordings()
                                .finish(
                                    r.id(),
                                    RecordingStatus.FAILED,
                                    0,
                                    0,
                                    RecordingJson.url(
                                        r.finished(RecordingStatus.FAILED, 0, 0, null),
                                        processor.publicUrl()))));
    if (failed.isEmpty()) {
      return store.atomically(tx -> tx.recordings().find(recordingId)).orElse(recording);
    }
    if (cause == null) {
      log.warn("Recording {} failed: {}", recordingId, why);
    } else {
      log.error("Recording {} failed: {}", recordingId, why, cause);
    }
    writeMetadataQuietly(failed.get());
    return failed.get();
  }

  private void writeMetadataQuietly(RecordingState recording) {
    try {
      processor.writeMetadata(recording);
    } catch (UncheckedIOException | IllegalArgumentException e) {
      log.warn(
          "Recording {}: its metadata could not be written: {}", recording.id(), e.getMessage());
    }
  }
}
