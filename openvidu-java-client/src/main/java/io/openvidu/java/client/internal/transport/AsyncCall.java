package io.openvidu.java.client.internal.transport;

import io.openvidu.java.client.OpenViduJavaClientException;
import io.openvidu.java.client.internal.transport.endpoints.Endpoint;
import io.openvidu.java.client.internal.transport.endpoints.Responsiveness;
import io.openvidu.java.client.internal.transport.endpoints.Route;
import io.openvidu.java.client.internal.transport.hedging.Hedge;
import io.openvidu.java.client.internal.transport.hedging.Hedger;
import io.openvidu.java.client.internal.transport.http.Cancellation;
import io.openvidu.java.client.internal.transport.policy.AttemptResult;
import io.openvidu.java.client.internal.transport.policy.StopReason;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logical call of {@link FailoverTransport#executeAsync}: the blocking call loop's steps (route
 * → wait → attempt → verdict) driven by events instead of a thread. It reads the same decisions
 * from the same objects: the {@code Router}'s {@link Route}, the {@link Pause} before an attempt,
 * the {@code Hedger}'s {@link Hedge}, and the transport's {@link Verdict}s ({@link
 * FailoverTransport#outcome}, {@link FailoverTransport#raceAttemptEnded}, {@link
 * FailoverTransport#raceHedgeEnded}); only the waiting differs:
 *
 * <ul>
 *   <li>an attempt is an OkHttp asynchronous call, whose outcome continues the loop on the HTTP
 *       dispatcher's thread;
 *   <li>a backoff, the call's deadline while it waits for a hedge, and the decision to send a hedge
 *       are tasks of the transport's timer thread;
 *   <li>a hedge is an OkHttp asynchronous call too, whose outcome continues the loop on the HTTP
 *       dispatcher's thread ({@link Hedge#whenHedgeEnded}).
 * </ul>
 *
 * <p>Each step runs on one of those threads, one after the other: the {@link CallProgress} is
 * handed from thread to thread (each hand-off, an enqueue or a task submission, orders the steps),
 * never shared. {@link #cancel} is the only method called from elsewhere: it cancels the attempt in
 * flight and makes the next step end the call instead of going on.
 *
 * <p>The {@link #result} is completed on one of the SDK's threads: whoever depends on it must not
 * block and must not run user code (the API layer hands the final result to the user's executor).
 */
final class AsyncCall {

  private static final Logger LOG = LoggerFactory.getLogger(AsyncCall.class);

  private final FailoverTransport transport;
  private final CallProgress call;
  private final ApiRequest request;
  private final String idempotencyKey;
  private final List<Endpoint> order;
  private final Result result = new Result();

  // Guarded by this: what cancel() must reach.
  private boolean cancelled;
  private Cancellation attemptInFlight;
  private Hedge hedgeInFlight;

  AsyncCall(
      FailoverTransport transport,
      CallProgress call,
      ApiRequest request,
      String idempotencyKey,
      List<Endpoint> order) {
    this.transport = transport;
    this.call = call;
    this.request = request;
    this.idempotencyKey = idempotencyKey;
    this.order = order;
  }

  /**
   * The call's answer: completed with the final attempt's answer, whatever its status, or
   * exceptionally with the {@link OpenViduJavaClientException} the blocking call would throw.
   * Cancelling it cancels the call ({@link #cancel}).
   */
  CompletableFuture<ApiResponse> result() {
    return result;
  }

  /** Starts the call on the calling thread: the first route, and the first attempt sent. */
  void start() {
    step(this::next);
  }

  /**
   * Cancels the call: the attempt in flight and its hedge are cancelled (their connections closed,
   * so the server sees them go), and no further attempt is made. A backoff under way ends when due,
   * and then ends the call. Idempotent; from any thread.
   */
  void cancel() {
    Cancellation attempt;
    Hedge hedge;
    synchronized (this) {
      if (cancelled) {
        return;
      }
      cancelled = true;
      attempt = attemptInFlight;
      hedge = hedgeInFlight;
    }
    if (attempt != null) {
      attempt.cancel();
    }
    if (hedge != null) {
      hedge.hedgeCancellation().cancel();
    }
  }

  private synchronized boolean cancelled() {
    return cancelled;
  }

  /** 1. Where, 2. when: the router's route and the pause before the attempt. */
  private void next() {
    if (endIfCancelled()) {
      return;
    }
    long now = transport.time.nanoTime();
    Route route = transport.router.route(call, order, now);
    if (route.isRefused()) {
      giveUp(route.refusal(), now);
      return;
    }
    Pause pause = Pause.before(call, route, now);
    if (pause.tooLate()) {
      giveUp(StopReason.NEXT_ATTEMPT_TOO_LATE, now);
      return;
    }
    if (pause.nanos() > 0) {
      transport
          .timer()
          .schedule(() -> step(() -> send(route)), pause.nanos(), TimeUnit.NANOSECONDS);
      return;
    }
    send(route);
  }

  /** 3. How long, and the attempt (hedged if it may be), sent without holding this thread. */
  private void send(Route route) {
    if (endIfCancelled()) {
      return;
    }
    long now = transport.time.nanoTime();
    long remaining = call.deadlineNanos() - now;
    if (remaining <= 0) {
      giveUp(StopReason.CALL_TIMEOUT, now);
      return;
    }
    long timeoutNanos = Math.min(transport.attemptTimeoutNanos, remaining);
    StartedAttempt started =
        transport.startAttempt(
            Hedger.Driver.ASYNCHRONOUS, call, route, order, request, idempotencyKey, timeoutNanos);
    Endpoint endpoint = started.endpoint;
    int attempt = started.number;
    Responsiveness.Pending pending = started.pending;
    Hedge hedge = started.hedge;
    Cancellation cancellation = hedge == null ? new Cancellation() : hedge.attemptCancellation();
    boolean cancelNow;
    synchronized (this) {
      attemptInFlight = cancellation;
      hedgeInFlight = hedge;
      cancelNow = cancelled;
    }
    if (cancelNow) {
      cancellation.cancel(); // the attempt ends at once, and its outcome ends the call
    }
    transport.sender.sendAsync(
        endpoint,
        pending,
        request,
        idempotencyKey,
        timeoutNanos,
        cancellation,
        attemptResult -> step(() -> attemptEnded(route, attempt, hedge, attemptResult)));
  }

  /** 4. What came of it, on the HTTP dispatcher's thread. */
  private void attemptEnded(Route route, int attempt, Hedge hedge, AttemptResult attemptResult) {
    Route hedgeRoute = hedge == null ? null : hedge.attemptEnded();
    if (cancelled()) {
      // Cancelled by the caller: not the endpoint's failure, and nothing to go on with.
      if (hedge != null) {
        hedge.hedgeCancellation().cancel();
      }
      endCancelled();
      return;
    }
    if (hedgeRoute == null) {
      verdict(transport.outcome(call, route, request, attempt, attemptResult));
      return;
    }
    int hedgeAttempt = call.startHedge(hedgeRoute.endpoint());
    Verdict first =
        transport.raceAttemptEnded(call, route, request, attempt, attemptResult, hedge, hedgeRoute);
    if (first.kind() != Verdict.Kind.AWAIT_HEDGE) {
      verdict(first);
      return;
    }
    awaitHedge(route, attempt, hedge, hedgeRoute, hedgeAttempt);
  }

  /** The hedge is the next attempt: its outcome, or the call's deadline, whichever comes first. */
  private void awaitHedge(
      Route route, int attempt, Hedge hedge, Route hedgeRoute, int hedgeAttempt) {
    AtomicBoolean settled = new AtomicBoolean();
    long left = call.deadlineNanos() - transport.time.nanoTime();
    ScheduledFuture<?> deadline =
        transport
            .timer()
            .schedule(
                () ->
                    step(
                        () -> {
                          if (settled.compareAndSet(false, true)) {
                            hedge.hedgeCancellation().cancel();
                            verdict(Verdict.stop(StopReason.CALL_TIMEOUT_AWAITING_HEDGE));
                          }
                        }),
                Math.max(0, left),
                TimeUnit.NANOSECONDS);
    hedge.whenHedgeEnded(
        hedgeResult ->
            step(
                () -> {
                  if (!settled.compareAndSet(false, true)) {
                    return;
                  }
                  deadline.cancel(false);
                  if (endIfCancelled()) {
                    return;
                  }
                  verdict(
                      transport.raceHedgeEnded(
                          call,
                          route,
                          request,
                          attempt,
                          hedge,
                          hedgeRoute,
                          hedgeAttempt,
                          hedgeResult));
                }));
  }

  private void verdict(Verdict verdict) {
    switch (verdict.kind()) {
      case ANSWERED:
        end(call.response(), null);
        return;
      case STOP:
        giveUp(verdict.reason(), transport.time.nanoTime());
        return;
      case GO_ON:
      default:
        next();
    }
  }

  private void giveUp(StopReason reason, long now) {
    ApiResponse response;
    try {
      response = FailoverTransport.giveUp(call, reason, now);
    } catch (OpenViduJavaClientException e) {
      end(null, e);
      return;
    }
    end(response, null);
  }

  private boolean endIfCancelled() {
    if (cancelled()) {
      endCancelled();
      return true;
    }
    return false;
  }

  private void endCancelled() {
    LOG.debug("{} cancelled after {} attempt(s)", request.operation(), call.attempts());
    if (transport.reportsCallEnded) {
      transport.listener.callEnded(call.cancelled(transport.time.nanoTime()));
    }
    result.cancelledByCaller();
  }

  private void end(ApiResponse response, Throwable failure) {
    if (transport.reportsCallEnded) {
      transport.listener.callEnded(call.ended(failure != null, transport.time.nanoTime()));
    }
    if (failure != null) {
      result.completeExceptionally(failure);
    } else {
      result.complete(response);
    }
  }

  /**
   * Runs one step, so that a defect in it fails the call instead of leaving its future pending
   * forever on a thread that swallowed the exception.
   */
  private void step(Runnable step) {
    try {
      step.run();
    } catch (RuntimeException | Error e) {
      LOG.error("{}: asynchronous call failed unexpectedly", request.operation(), e);
      result.completeExceptionally(
          new OpenViduJavaClientException(request.operation() + " failed unexpectedly: " + e, e));
    }
  }

  /** The call's future: cancelling it cancels the call. */
  private final class Result extends CompletableFuture<ApiResponse> {

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelledNow = super.cancel(mayInterruptIfRunning);
      AsyncCall.this.cancel();
      return cancelledNow;
    }

    void cancelledByCaller() {
      super.cancel(false);
    }
  }
}
