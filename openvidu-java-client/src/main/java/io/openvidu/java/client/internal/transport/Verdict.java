package io.openvidu.java.client.internal.transport;

import io.openvidu.java.client.internal.transport.policy.StopReason;

/**
 * What the call loop does after an attempt: return the answer, go on to the next attempt, wait for
 * the attempt's hedge, or stop for a reason (after which the call returns the last answer if there
 * was one, else throws). Immutable.
 */
final class Verdict {

  enum Kind {
    ANSWERED,
    GO_ON,
    /** The attempt raced a hedge, and the call needs the hedge's outcome to go on. */
    AWAIT_HEDGE,
    STOP
  }

  static final Verdict ANSWERED = new Verdict(Kind.ANSWERED, null);
  static final Verdict GO_ON = new Verdict(Kind.GO_ON, null);
  static final Verdict AWAIT_HEDGE = new Verdict(Kind.AWAIT_HEDGE, null);

  private final Kind kind;
  private final StopReason reason;

  private Verdict(Kind kind, StopReason reason) {
    this.kind = kind;
    this.reason = reason;
  }

  static Verdict stop(StopReason reason) {
    return new Verdict(Kind.STOP, reason);
  }

  Kind kind() {
    return kind;
  }

  /** Why the call stops; only for {@link Kind#STOP}. */
  StopReason reason() {
    return reason;
  }
}
