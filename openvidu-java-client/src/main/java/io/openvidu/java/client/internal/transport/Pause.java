package io.openvidu.java.client.internal.transport;

import io.openvidu.java.client.internal.transport.endpoints.Route;

/**
 * When a routed attempt may be sent: at once, after a wait (a backoff or a {@code Retry-After}), or
 * never, because the wait would outlast the call. The first attempt goes ahead at once even if a
 * {@code Retry-After} asks for more than the call has. Read by both call loops, blocking and
 * asynchronous. Immutable.
 */
final class Pause {

  private static final Pause NONE = new Pause(0, false);
  private static final Pause TOO_LATE = new Pause(0, true);

  private final long nanos;
  private final boolean tooLate;

  private Pause(long nanos, boolean tooLate) {
    this.nanos = nanos;
    this.tooLate = tooLate;
  }

  static Pause before(CallProgress call, Route route, long now) {
    long wait = route.waitNanos();
    if (wait <= 0) {
      return NONE;
    }
    if (now + wait - call.deadlineNanos() >= 0) {
      return call.attempts() > 0 ? TOO_LATE : NONE;
    }
    return new Pause(wait, false);
  }

  /** Whether the call must stop instead: {@code StopReason.NEXT_ATTEMPT_TOO_LATE}. */
  boolean tooLate() {
    return tooLate;
  }

  /** How long to wait first; 0 for not at all. */
  long nanos() {
    return nanos;
  }
}
