package io.openvidu.ha.benchmarks.load;

import java.time.Duration;

/** Lets a measurement window pass on the controlling thread. */
public final class Pause {
  private Pause() {}

  /**
   * Sleeps for {@code duration}; an interrupt ends the run (the benchmark has no use for a partial
   * window).
   */
  public static void of(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
