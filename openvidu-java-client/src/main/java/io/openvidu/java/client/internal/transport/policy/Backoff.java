package io.openvidu.java.client.internal.transport.policy;

import io.openvidu.java.client.transport.RetryPolicy;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: the n-th wait (from 0) is uniformly random between zero and
 * {@code min(maxBackoff, initialBackoff * 2^n)}. Randomising the whole interval spreads callers
 * that failed together better than adding a little jitter to a fixed delay. Thread-safe.
 */
public final class Backoff {

  private final long initialNanos;
  private final long maxNanos;

  public Backoff(RetryPolicy policy) {
    this.initialNanos = policy.initialBackoff().toNanos();
    this.maxNanos = policy.maxBackoff().toNanos();
  }

  /**
   * @return the wait before the {@code n}-th (from 0) repeat of a call, in nanoseconds
   */
  public long delayNanos(int n) {
    long cap = initialNanos;
    for (int i = 0; i < n && cap < maxNanos; i++) {
      cap *= 2;
    }
    cap = Math.min(cap, maxNanos);
    return cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1);
  }
}
