package io.openvidu.java.client.internal.transport.policy;

/**
 * The retry table's answer about one failed attempt: the call may go on; it may go on only to
 * endpoints trusted to honour its {@code Idempotency-Key}; or it stops for a {@link StopReason}.
 * Immutable.
 */
public final class RetryDecision {

  /** The failure may be repeated, on another endpoint or after a backoff. */
  public static final RetryDecision GO_ON = new RetryDecision(null, false);

  /**
   * The failure may be repeated only because the key is honoured: a POST whose outcome is unknown.
   * Its next attempts go only to endpoints trusted to honour keys, or a repeat could act twice.
   */
  public static final RetryDecision GO_ON_RELYING_ON_KEY = new RetryDecision(null, true);

  private final StopReason refusal;
  private final boolean reliesOnKey;

  private RetryDecision(StopReason refusal, boolean reliesOnKey) {
    this.refusal = refusal;
    this.reliesOnKey = reliesOnKey;
  }

  public static RetryDecision refused(StopReason reason) {
    return new RetryDecision(reason, false);
  }

  /** Whether the next attempts must go to endpoints trusted to honour the call's key. */
  public boolean reliesOnKey() {
    return reliesOnKey;
  }

  public boolean mayGoOn() {
    return refusal == null;
  }

  /** Why the call stops; only when not {@link #mayGoOn()}. */
  public StopReason refusal() {
    if (refusal == null) {
      throw new IllegalStateException("the call may go on");
    }
    return refusal;
  }
}
