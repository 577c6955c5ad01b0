package io.openvidu.ha.server.cluster;

import io.openvidu.ha.server.store.StoreUnavailableException;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a starting process's steps against the store (opening it, adding the simulated media nodes)
 * again while the store is unavailable, until a deadline: a master started while Redis restarts, or
 * while the sentinels promote a replica, waits for the store instead of exiting. One deadline
 * covers every step of one start. Not thread-safe: one per start.
 */
final class StoreAtStart {
  /** How long a start waits for an unavailable store unless told otherwise. */
  static final Duration DEFAULT_PATIENCE = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(StoreAtStart.class);

  private static final long FIRST_PAUSE_MILLIS = 100;

  private static final long LONGEST_PAUSE_MILLIS = 1_000;

  private final long deadline;

  StoreAtStart(Duration patience) {
    this.deadline = System.nanoTime() + patience.toNanos();
  }

  /**
   * The result of {@code step}, run again after a pause each time it finds the store unavailable.
   *
   * @throws StoreUnavailableException the last refusal, once the deadline has passed
   */
  <T> T run(String step, Supplier<T> work) {
    long pause = FIRST_PAUSE_MILLIS;
    for (int attempt = 1; ; attempt++) {
      try {
        return work.get();
      } catch (StoreUnavailableException e) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw e;
        }
        // The first refusal is worth a line; a store that stays away is reported every tenth try.
        if (attempt == 1 || attempt % 10 == 0) {
          log.warn(
              "The store is unavailable while {} ({}); trying again for up to {} ms",
              step,
              e.getMessage(),
              Duration.ofNanos(left).toMillis());
        }
        sleep(Math.min(pause, Duration.ofNanos(left).toMillis() + 1));
        pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the store", e);
    }
  }
}
