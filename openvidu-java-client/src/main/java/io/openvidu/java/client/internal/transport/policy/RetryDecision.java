package io.openvidu.java.client.internal.transport.policy;

/**
 * The retry table's answer about one failed attempt: the call may go on, or it stops for a {@link
 * StopReason}. Immutable.
 */
public final class RetryDecision {

  /** The failure may be repeated, on another endpoint or after a backoff. */
  public static final RetryDecision GO_ON = new RetryDecision(null);

  private final StopReason refusal;

  private RetryDecision(StopReason refusal) {
    this.refusal = refusal;
  }

  public static RetryDecision refused(StopReason reason) {
    return new RetryDecision(reason);
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
