package io.openvidu.java.client.transport;

import java.time.Duration;

/**
 * Observes what the transport does: attempts that failed, endpoints ejected and restored, calls
 * that succeeded only after several attempts. Implement the methods you need; every method has an
 * empty default.
 *
 * <p>Methods are called on the calling thread of the API method that caused the event, possibly
 * from many threads at once, except the outcome of a background probe (an endpoint ejected again,
 * restored, or answering again after a silence), which arrives on an OkHttp dispatcher thread, and
 * {@link #hedgeStarted}. Methods must return quickly; an exception thrown by a listener is logged
 * and otherwise ignored. Endpoints are named by their base URL; events never carry the secret, the
 * Authorization header or a token.
 */
public interface OpenViduEventListener {

  /** A listener that ignores every event. */
  OpenViduEventListener NONE = new OpenViduEventListener() {};

  /**
   * An attempt is about to be sent.
   *
   * @param endpoint the base URL of the endpoint chosen
   * @param operation the operation's name, such as {@code createSession}
   * @param attempt the attempt's number within its call, from 1
   */
  default void attemptStarted(String endpoint, String operation, int attempt) {}

  /**
   * A hedge is about to be sent: the same GET (or write, where the servers announce that they
   * honour {@code Idempotency-Key}; a POST with the same key) again, to another endpoint, because
   * the call's attempt has been unanswered for a second. Unlike a failover, the earlier attempt is
   * not abandoned: the first answer wins and the other attempt is cancelled without being reported
   * as failed. At most one per call. Called on the transport's timer thread. By default reported as
   * {@link #attemptStarted}.
   *
   * @param endpoint the base URL of the endpoint chosen
   * @param operation the operation's name, such as {@code getSession}
   * @param attempt the hedge's attempt number within its call, one more than the attempt it hedges
   */
  default void hedgeStarted(String endpoint, String operation, int attempt) {
    attemptStarted(endpoint, operation, attempt);
  }

  /**
   * An attempt failed; the call may still be repeated elsewhere.
   *
   * @param failure what failed and why
   */
  default void attemptFailed(AttemptFailure failure) {}

  /**
   * An endpoint failed and is skipped by new calls for a while; after that one background request
   * probes it, and calls use it again once it answers.
   *
   * @param endpoint the endpoint's base URL
   * @param ejectedFor how long it is skipped
   * @param consecutiveFailures how many times in a row it failed (the period grows with it)
   */
  default void endpointEjected(String endpoint, Duration ejectedFor, int consecutiveFailures) {}

  /**
   * An ejected endpoint answered again (a call forced to it for want of another, or a probe) and
   * takes calls as before.
   *
   * @param endpoint the endpoint's base URL
   */
  default void endpointRestored(String endpoint) {}

  /**
   * An endpoint has answered nothing for over a second while attempts wait on it (a master that
   * hangs, or a network that drops its packets): new calls avoid it, and one background request
   * probes it. Its attempts in flight are left to finish or time out. Reported once per silence;
   * {@link #endpointAnswersAgain} or, if the probe fails, {@link #endpointEjected} follows.
   *
   * @param endpoint the endpoint's base URL
   */
  default void endpointSilent(String endpoint) {}

  /**
   * A silent endpoint answered again (a call or its probe) and takes new calls as before.
   *
   * @param endpoint the endpoint's base URL
   */
  default void endpointAnswersAgain(String endpoint) {}

  /**
   * A call ended, answered or not: one event per call of the API, for metrics (counts by outcome,
   * latency histograms by operation and endpoint) without parsing logs. Called on the calling
   * thread, after the call's other events, before the API method returns or throws.
   *
   * @param call what the call was and how it ended
   */
  default void callEnded(CallEnded call) {}

  /**
   * A call got its answer after more than one attempt.
   *
   * @param operation the operation's name
   * @param attempts how many attempts it took
   */
  default void callSucceededAfterRetries(String operation, int attempts) {}
}
