package io.openvidu.java.client.internal.transport.policy;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The retry throttle shared by every call of one transport, after gRPC's: a bucket of tokens, full
 * at the start; each failed attempt takes one, each answered call gives back a fraction; retries of
 * endpoints known to fail are allowed only while the bucket is more than half full. Tokens are kept
 * in thousandths so the bucket is a single atomic number.
 *
 * <p>Thread-safe and lock-free.
 */
public final class RetryBudget {

  private static final long SCALE = 1000;

  private final long capacity;
  private final long refill;
  private final AtomicLong tokens;

  public RetryBudget(int maxTokens, double tokenRatio) {
    this.capacity = maxTokens * SCALE;
    this.refill = Math.max(1, Math.round(tokenRatio * SCALE));
    this.tokens = new AtomicLong(capacity);
  }

  public void onFailure() {
    tokens.updateAndGet(t -> Math.max(0, t - SCALE));
  }

  public void onSuccess() {
    tokens.updateAndGet(t -> Math.min(capacity, t + refill));
  }

  /** Gives back the token a hedge took when it was sent: the hedge won, so it was needed. */
  public void refund() {
    tokens.updateAndGet(t -> Math.min(capacity, t + SCALE));
  }

  public boolean allowsRetry() {
    return tokens.get() * 2 > capacity;
  }
}
