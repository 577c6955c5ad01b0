package io.openvidu.java.client.internal.transport;

import io.openvidu.java.client.OpenViduJavaClientException;
import io.openvidu.java.client.internal.transport.endpoints.Endpoint;
import io.openvidu.java.client.internal.transport.endpoints.RoutedCall;
import io.openvidu.java.client.internal.transport.policy.AttemptResult;
import io.openvidu.java.client.internal.transport.policy.StopReason;
import io.openvidu.java.client.transport.AttemptFailure;
import io.openvidu.java.client.transport.CallEnded;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The state of one logical call while the transport works on it: its deadline, which endpoints it
 * tried, every failed attempt, and whether an earlier attempt may have taken effect. Confined to
 * one thread at a time: the calling thread of a blocking call; for an asynchronous call, the thread
 * of its current step ({@link AsyncCall}), each step handed to the next.
 */
final class CallProgress implements RoutedCall {

  private final ApiRequest request;
  private final long startNanos;
  private final long deadlineNanos;
  private final long callTimeoutNanos;
  private final boolean[] tried;
  private final List<AttemptFailure> failures = new ArrayList<>();
  private int attempts;
  private int repeats;
  private boolean hedged;
  private boolean reliesOnKey;
  private boolean earlierAttemptMayHaveTakenEffect;
  private AttemptResult lastResult;
  private Endpoint lastEndpoint;

  CallProgress(ApiRequest request, long startNanos, long callTimeoutNanos, int endpointCount) {
    this.request = request;
    this.startNanos = startNanos;
    this.callTimeoutNanos = callTimeoutNanos;
    this.deadlineNanos = startNanos + callTimeoutNanos;
    this.tried = new boolean[endpointCount];
  }

  long deadlineNanos() {
    return deadlineNanos;
  }

  @Override
  public int attempts() {
    return attempts;
  }

  @Override
  public boolean tried(Endpoint endpoint) {
    return tried[endpoint.index()];
  }

  @Override
  public boolean reliesOnKey() {
    return reliesOnKey;
  }

  /** From now on the call goes on only to endpoints trusted to honour its key. */
  void relyOnKey() {
    reliesOnKey = true;
  }

  @Override
  public int nextRepeat() {
    return repeats++;
  }

  /** Counts an attempt about to be sent. */
  int startAttempt(Endpoint endpoint) {
    tried[endpoint.index()] = true;
    return ++attempts;
  }

  /** Counts a hedge that was sent beside the last attempt: it is the next attempt. */
  int startHedge(Endpoint endpoint) {
    hedged = true;
    return startAttempt(endpoint);
  }

  /**
   * @return whether the call has sent its hedge (one at most)
   */
  boolean hedged() {
    return hedged;
  }

  void finished(Endpoint endpoint, AttemptResult result) {
    this.lastEndpoint = endpoint;
    this.lastResult = result;
  }

  /**
   * Records a failed attempt. An outcome-unknown failure, a 502 or 504 (a gateway that may have
   * passed the request on) or a 503 (a master whose store stopped answering mid-commit says 503,
   * and the commit may have happened) means a later "already done" answer may be this call's own
   * doing.
   */
  void failed(AttemptFailure failure) {
    failures.add(failure);
    if (failure.kind() == AttemptFailure.Kind.OUTCOME_UNKNOWN
        || failure.status() == 502
        || failure.status() == 503
        || failure.status() == 504) {
      earlierAttemptMayHaveTakenEffect = true;
    }
  }

  /**
   * Records that a hedged write's other copy, cancelled, may have acted: the call's "already done"
   * answer may be its own doing.
   */
  void mayHaveTakenEffectElsewhere() {
    earlierAttemptMayHaveTakenEffect = true;
  }

  /**
   * @return whether the last attempt got an HTTP answer (of any status)
   */
  boolean lastAttemptAnswered() {
    return lastResult != null && lastResult.isAnswered();
  }

  /** The last attempt's answer as the call's response; only when {@link #lastAttemptAnswered()}. */
  ApiResponse response() {
    return new ApiResponse(
        lastResult.status(),
        lastResult.body(),
        lastResult.headers(),
        lastEndpoint.name(),
        attempts,
        earlierAttemptMayHaveTakenEffect);
  }

  /**
   * @param failed whether the call ends without an answer
   * @return the event that reports how the call ended
   */
  /**
   * How the call ended when its caller cancelled it (an asynchronous call's future): whatever its
   * attempts returned, {@link CallEnded.Outcome#CANCELLED}, without a status.
   */
  CallEnded cancelled(long now) {
    return callEnded(CallEnded.Outcome.CANCELLED, 0, now);
  }

  CallEnded ended(boolean failed, long now) {
    CallEnded.Outcome outcome;
    int status = 0;
    if (failed || lastResult == null || !lastResult.isAnswered()) {
      outcome = CallEnded.Outcome.FAILED;
    } else {
      status = lastResult.status();
      outcome =
          status >= 200 && status < 300
              ? CallEnded.Outcome.SUCCEEDED
              : CallEnded.Outcome.ERROR_STATUS;
    }
    return callEnded(outcome, status, now);
  }

  private CallEnded callEnded(CallEnded.Outcome outcome, int status, long now) {
    return new CallEnded(
        request.operation(),
        lastEndpoint == null ? null : lastEndpoint.name(),
        attempts,
        Duration.ofNanos(now - startNanos),
        outcome,
        status);
  }

  long elapsedMillis(long now) {
    return TimeUnit.NANOSECONDS.toMillis(now - startNanos);
  }

  /**
   * @param reason why no further attempt is made
   * @return the exception that ends the call, naming every endpoint tried and why it failed; its
   *     cause is the last I/O failure, with the earlier ones suppressed
   */
  OpenViduJavaClientException failure(StopReason reason, long now) {
    StringBuilder message =
        new StringBuilder()
            .append(request.operation())
            .append(" failed after ")
            .append(attempts)
            .append(attempts == 1 ? " attempt" : " attempts")
            .append(" in ")
            .append(elapsedMillis(now))
            .append(" ms (call timeout ")
            .append(TimeUnit.NANOSECONDS.toMillis(callTimeoutNanos))
            .append(" ms)");
    if (!failures.isEmpty()) {
      message
          .append(": ")
          .append(
              failures.stream().map(AttemptFailure::toString).collect(Collectors.joining("; ")));
    }
    message.append(". Gave up: ").append(reason.description());
    IOException cause = null;
    List<IOException> earlier = new ArrayList<>();
    for (AttemptFailure failure : failures) {
      if (failure.cause() != null) {
        if (cause != null) {
          earlier.add(cause);
        }
        cause = failure.cause();
      }
    }
    OpenViduJavaClientException exception =
        new OpenViduJavaClientException(message.toString(), cause, failures);
    earlier.forEach(exception::addSuppressed);
    return exception;
  }
}
