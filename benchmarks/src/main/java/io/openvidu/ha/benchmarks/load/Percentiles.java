package io.openvidu.ha.benchmarks.load;

import java.util.Arrays;

/**
 * Order statistics of a set of durations (nanoseconds), by the nearest-rank method: the p-th
 * percentile is the smallest value that at least p % of the values do not exceed. Immutable.
 */
public final class Percentiles {
  private final long[] sorted;

  private Percentiles(long[] sorted) {
    this.sorted = sorted;
  }

  /** The statistics of {@code values} (copied; the array is left as it is). */
  public static Percentiles of(long[] values) {
    long[] copy = values.clone();
    Arrays.sort(copy);
    return new Percentiles(copy);
  }

  /** How many values there are. */
  public int count() {
    return sorted.length;
  }

  /**
   * @param percent from 0 (exclusive) to 100
   * @return the value at that percentile, 0 when there are no values
   */
  public long at(double percent) {
    if (percent <= 0 || percent > 100) {
      throw new IllegalArgumentException("percentile out of (0, 100]: " + percent);
    }
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  /** The largest value, 0 when there are none. */
  public long max() {
    return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
  }
}
