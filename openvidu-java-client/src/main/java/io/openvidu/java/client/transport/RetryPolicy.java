package io.openvidu.java.client.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how often a failed attempt of an API call is repeated.
 *
 * <p>Which failures may be repeated at all is not configurable: the transport repeats a call whose
 * attempt could not connect (for any HTTP method), repeats an attempt whose outcome is unknown
 * (sent, then reset or timed out) or that was answered 502, 503, 504 or 429 only for GET, PATCH and
 * DELETE and for a POST that guarantees it is safe to repeat, and never repeats any other answer.
 * This policy bounds how much repeating happens:
 *
 * <ul>
 *   <li>{@linkplain Builder#maxAttempts(int) max attempts}: attempts per call, the first included;
 *   <li>backoff: moving to an endpoint the call has not tried yet is immediate; trying an endpoint
 *       again waits a random time between zero and {@code initialBackoff * 2^n} (capped at {@code
 *       maxBackoff}), "full jitter", so that callers who failed together do not come back together;
 *   <li>{@linkplain Builder#retryBudget(int, double) retry budget}: a token bucket in the manner of
 *       gRPC's retry throttling, shared by every call of one client. Each failed attempt takes a
 *       token, each answered call gives back {@code tokenRatio}; while the bucket holds half its
 *       capacity or less, a call no longer tries endpoints known to be failing, so a dead cluster
 *       is not hammered. Moving to an endpoint believed healthy is always allowed: that is what
 *       makes one master's death invisible;
 *   <li>{@linkplain Builder#idempotencyKeyTrust(IdempotencyKeyTrust) trust in idempotency keys}:
 *       every POST carries an {@code Idempotency-Key} header; where a server honours it (the
 *       reference cluster does; real OpenVidu ignores it), every POST becomes safe to repeat. By
 *       default ({@link IdempotencyKeyTrust#ANNOUNCED}) an endpoint is trusted once it announces it
 *       with the response header {@value IdempotencyKeyTrust#ANNOUNCEMENT_HEADER}; {@link
 *       Builder#trustIdempotencyKeys(boolean)} forces either way.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class RetryPolicy {

  private static final RetryPolicy DEFAULTS = builder().build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final int budgetMaxTokens;
  private final double budgetTokenRatio;
  private final IdempotencyKeyTrust idempotencyKeyTrust;

  private RetryPolicy(Builder builder) {
    this.maxAttempts = builder.maxAttempts;
    this.initialBackoff = builder.initialBackoff;
    this.maxBackoff = builder.maxBackoff;
    this.budgetMaxTokens = builder.budgetMaxTokens;
    this.budgetTokenRatio = builder.budgetTokenRatio;
    this.idempotencyKeyTrust = builder.idempotencyKeyTrust;
  }

  /**
   * @return the default policy: 5 attempts, backoff from 100 ms up to 2 s, a budget of 10 tokens
   *     refilled by 0.1 per answered call, idempotency keys trusted where the server announces that
   *     it honours them
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * @return a builder starting from the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return a policy that makes a single attempt per call and never retries
   */
  public static RetryPolicy noRetries() {
    return builder().maxAttempts(1).build();
  }

  /**
   * @return a builder starting from this policy's values
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * @return the most attempts one call makes, the first included
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * @return the cap of the first backoff before an endpoint is tried again
   */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /**
   * @return the cap no backoff exceeds
   */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /**
   * @return the retry budget's capacity in tokens
   */
  public int budgetMaxTokens() {
    return budgetMaxTokens;
  }

  /**
   * @return the tokens an answered call gives back to the retry budget
   */
  public double budgetTokenRatio() {
    return budgetTokenRatio;
  }

  /**
   * @return whether every POST is repeated as if the servers honoured its {@code Idempotency-Key},
   *     whatever they announce ({@link IdempotencyKeyTrust#ALWAYS})
   */
  public boolean trustIdempotencyKeys() {
    return idempotencyKeyTrust == IdempotencyKeyTrust.ALWAYS;
  }

  /**
   * @return when the servers are trusted to honour {@code Idempotency-Key}
   */
  public IdempotencyKeyTrust idempotencyKeyTrust() {
    return idempotencyKeyTrust;
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts="
        + maxAttempts
        + ", initialBackoff="
        + initialBackoff.toMillis()
        + "ms, maxBackoff="
        + maxBackoff.toMillis()
        + "ms, budget="
        + budgetMaxTokens
        + "/"
        + budgetTokenRatio
        + ", idempotencyKeyTrust="
        + idempotencyKeyTrust
        + "}";
  }

  /** Builds a {@link RetryPolicy}. Not thread-safe. */
  public static final class Builder {

    private int maxAttempts = 5;
    private Duration initialBackoff = Duration.ofMillis(100);
    private Duration maxBackoff = Duration.ofSeconds(2);
    private int budgetMaxTokens = 10;
    private double budgetTokenRatio = 0.1;
    private IdempotencyKeyTrust idempotencyKeyTrust = IdempotencyKeyTrust.ANNOUNCED;

    private Builder() {}

    private Builder(RetryPolicy policy) {
      this.maxAttempts = policy.maxAttempts;
      this.initialBackoff = policy.initialBackoff;
      this.maxBackoff = policy.maxBackoff;
      this.budgetMaxTokens = policy.budgetMaxTokens;
      this.budgetTokenRatio = policy.budgetTokenRatio;
      this.idempotencyKeyTrust = policy.idempotencyKeyTrust;
    }

    /**
     * @param maxAttempts attempts per call, the first included; 1 disables retries
     * @return this builder
     * @throws IllegalArgumentException if {@code maxAttempts} is less than 1
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * @param initialBackoff the cap of the first random wait before an endpoint is tried again;
     *     doubles with each further wait of the same call
     * @param maxBackoff the cap no wait exceeds
     * @return this builder
     * @throws IllegalArgumentException if a duration is negative or {@code maxBackoff <
     *     initialBackoff}
     */
    public Builder backoff(Duration initialBackoff, Duration maxBackoff) {
      Objects.requireNonNull(initialBackoff, "initialBackoff");
      Objects.requireNonNull(maxBackoff, "maxBackoff");
      if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException(
            "backoff needs 0 <= initialBackoff <= maxBackoff, was "
                + initialBackoff.toMillis()
                + " ms and "
                + maxBackoff.toMillis()
                + " ms");
      }
      this.initialBackoff = initialBackoff;
      this.maxBackoff = maxBackoff;
      return this;
    }

    /**
     * @param maxTokens the bucket's capacity (it starts full); retries of failing endpoints stop
     *     while it holds {@code maxTokens / 2} or less
     * @param tokenRatio tokens an answered call gives back, in (0, 1]
     * @return this builder
     * @throws IllegalArgumentException if {@code maxTokens} is outside [1, 1000] or {@code
     *     tokenRatio} outside (0, 1]
     */
    public Builder retryBudget(int maxTokens, double tokenRatio) {
      if (maxTokens < 1 || maxTokens > 1000) {
        throw new IllegalArgumentException("maxTokens must be in [1, 1000], was " + maxTokens);
      }
      if (!(tokenRatio > 0 && tokenRatio <= 1)) {
        throw new IllegalArgumentException("tokenRatio must be in (0, 1], was " + tokenRatio);
      }
      this.budgetMaxTokens = maxTokens;
      this.budgetTokenRatio = tokenRatio;
      return this;
    }

    /**
     * Forces trust in idempotency keys either way, whatever the servers announce.
     *
     * @param trust true ({@link IdempotencyKeyTrust#ALWAYS}) when every server honours the {@code
     *     Idempotency-Key} header (replays the first answer to a repeated key), so that any POST
     *     may be repeated after an unknown outcome; false ({@link IdempotencyKeyTrust#NEVER}) to
     *     never rely on it, even where a server announces it. Without this call, keys are trusted
     *     where a server announces them ({@link IdempotencyKeyTrust#ANNOUNCED})
     * @return this builder
     */
    public Builder trustIdempotencyKeys(boolean trust) {
      this.idempotencyKeyTrust = trust ? IdempotencyKeyTrust.ALWAYS : IdempotencyKeyTrust.NEVER;
      return this;
    }

    /**
     * @param trust when the servers are trusted to honour {@code Idempotency-Key}; {@link
     *     IdempotencyKeyTrust#ANNOUNCED} by default
     * @return this builder
     */
    public Builder idempotencyKeyTrust(IdempotencyKeyTrust trust) {
      this.idempotencyKeyTrust = Objects.requireNonNull(trust, "trust");
      return this;
    }

    /**
     * @return the policy
     */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }
  }
}
