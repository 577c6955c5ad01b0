package io.openvidu.java.client.internal.transport.policy;

/**
 * Why a call makes no further attempt: a kind to decide on and a sentence for the call's exception
 * message. Immutable.
 */
public final class StopReason {

  /** The kinds of reasons, each a rule of the retry table or a bound of the call. */
  public enum Kind {
    /** A POST whose outcome is unknown, without an idempotency guarantee. */
    NOT_REPEATABLE,
    /** The policy's {@code maxAttempts} is reached. */
    MAX_ATTEMPTS,
    /** The retry budget forbids trying endpoints known to fail, and no other is left. */
    BUDGET_EXHAUSTED,
    /** The call timeout is reached, or would be before the next attempt starts. */
    CALL_TIMEOUT,
    /** The calling thread was interrupted. */
    INTERRUPTED
  }

  public static final StopReason NOT_REPEATABLE =
      new StopReason(
          Kind.NOT_REPEATABLE,
          "a POST that may have reached the server is not repeated without an idempotency"
              + " guarantee");
  public static final StopReason NO_TRUSTED_ENDPOINT =
      new StopReason(
          Kind.NOT_REPEATABLE,
          "a POST that may have reached the server is repeated only on an endpoint that announced"
              + " it honours Idempotency-Key, and none did");
  public static final StopReason BUDGET_EXHAUSTED =
      new StopReason(
          Kind.BUDGET_EXHAUSTED,
          "retry budget exhausted (too many recent failures: endpoints known to be failing are not"
              + " tried again until calls succeed)");
  public static final StopReason NEXT_ATTEMPT_TOO_LATE =
      new StopReason(Kind.CALL_TIMEOUT, "the next attempt would start after the call timeout");
  public static final StopReason CALL_TIMEOUT =
      new StopReason(Kind.CALL_TIMEOUT, "call timeout reached");
  public static final StopReason CALL_TIMEOUT_AWAITING_HEDGE =
      new StopReason(
          Kind.CALL_TIMEOUT, "call timeout reached while a hedged attempt was unanswered");
  public static final StopReason INTERRUPTED_BEFORE_RETRY =
      new StopReason(Kind.INTERRUPTED, "interrupted while waiting to retry");
  public static final StopReason INTERRUPTED_AWAITING_HEDGE =
      new StopReason(Kind.INTERRUPTED, "interrupted while waiting for a hedged attempt");

  private final Kind kind;
  private final String description;

  private StopReason(Kind kind, String description) {
    this.kind = kind;
    this.description = description;
  }

  /** The policy allows {@code maxAttempts} attempts per call, and they are all made. */
  public static StopReason maxAttempts(int maxAttempts) {
    return new StopReason(
        Kind.MAX_ATTEMPTS,
        "at most " + maxAttempts + (maxAttempts == 1 ? " attempt" : " attempts") + " per call");
  }

  public Kind kind() {
    return kind;
  }

  /** A sentence for the call's exception message; names no secret. */
  public String description() {
    return description;
  }

  @Override
  public String toString() {
    return description;
  }
}
