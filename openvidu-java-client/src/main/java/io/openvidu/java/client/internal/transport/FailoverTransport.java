package io.openvidu.java.client.internal.transport;

import io.openvidu.java.client.OpenViduJavaClientException;
import io.openvidu.java.client.internal.transport.endpoints.Balancer;
import io.openvidu.java.client.internal.transport.endpoints.Endpoint;
import io.openvidu.java.client.internal.transport.endpoints.EndpointMonitor;
import io.openvidu.java.client.internal.transport.endpoints.Responsiveness;
import io.openvidu.java.client.internal.transport.endpoints.Route;
import io.openvidu.java.client.internal.transport.endpoints.Router;
import io.openvidu.java.client.internal.transport.hedging.Hedge;
import io.openvidu.java.client.internal.transport.hedging.Hedger;
import io.openvidu.java.client.internal.transport.http.AttemptExecutor;
import io.openvidu.java.client.internal.transport.http.TransportSettings;
import io.openvidu.java.client.internal.transport.policy.AttemptResult;
import io.openvidu.java.client.internal.transport.policy.Backoff;
import io.openvidu.java.client.internal.transport.policy.IdempotencyKeys;
import io.openvidu.java.client.internal.transport.policy.RetryAfter;
import io.openvidu.java.client.internal.transport.policy.RetryBudget;
import io.openvidu.java.client.internal.transport.policy.RetryDecision;
import io.openvidu.java.client.internal.transport.policy.RetryTable;
import io.openvidu.java.client.internal.transport.policy.StopReason;
import io.openvidu.java.client.internal.transport.policy.TimeSource;
import io.openvidu.java.client.transport.AttemptFailure;
import io.openvidu.java.client.transport.OpenViduEventListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport that makes one master's death invisible: it spreads calls over the endpoints, moves
 * a call to another endpoint when an attempt fails in a way that allows it, and never repeats what
 * could turn one call into two side effects. This class is the call loop; each decision it reads is
 * a value made elsewhere:
 *
 * <ol>
 *   <li>where, and after how long a wait: a {@link Route} from the {@link Router} (the first
 *       healthy endpoint the call has not tried, at once; endpoints known to fail only while the
 *       retry budget allows, after a backoff), or its refusal. Which endpoint is healthy, silent or
 *       ejected, and the probes that bring one back, are the {@link EndpointMonitor}'s;
 *   <li>how long: the smaller of the attempt timeout and what is left of the call timeout;
 *   <li>whether a second attempt races the first: the {@link Hedger}'s {@link Hedge}, for a GET, or
 *       a write where keys are trusted, still unanswered after {@link #HEDGE_DELAY}; the first
 *       answer that ends the call wins;
 *   <li>what came of it: a {@link Verdict} (answered, go on, or stop for a {@link StopReason}),
 *       from the {@link RetryTable} once the attempt failed. A {@code Retry-After} on 429 or 503
 *       keeps calls off that endpoint for that long ({@link RetryAfter}).
 * </ol>
 *
 * <p>A pooled connection that the master closed before the attempt never carries the request: the
 * HTTP layer replaces it within the attempt, without counting a failure. So a master's death fails
 * only the calls it was working on, and of those only the POSTs that cannot be repeated.
 *
 * <p>Every POST carries an {@code Idempotency-Key}, one per call, the same on each attempt. The
 * response says whether an earlier attempt may have taken effect, so the API layer can reconcile an
 * "already done" answer. When the last attempt failed without an answer, the call throws an
 * exception that lists each attempt.
 *
 * <p>Asynchronous calls ({@link #executeAsync}) go through the same steps and read the same
 * decisions, driven by {@link AsyncCall} instead of a waiting thread.
 *
 * <p>Thread-safe; blocking calls run in parallel on their callers' threads.
 */
final class FailoverTransport implements Transport {

  private static final Logger LOG = LoggerFactory.getLogger(FailoverTransport.class);

  /**
   * How long a GET attempt waits unanswered before it is hedged: the silence threshold. OpenVidu
   * answers its GETs in milliseconds, so a GET still unanswered after a second is not slow but
   * stuck (a hung master, a lost connection), and hedging only then costs a healthy cluster
   * nothing; a GET sent to a master in the second before it is seen to hang then waits about this
   * long instead of its attempt timeout. A delay derived from observed latency (the p95 of "The
   * Tail at Scale") would hedge earlier, but would also hedge a few percent of the calls of a
   * healthy cluster, and a cluster slowed by load most of all.
   */
  static final Duration HEDGE_DELAY = Duration.ofMillis(Responsiveness.SILENCE_THRESHOLD_MILLIS);

  private final List<Endpoint> endpoints;
  private final Balancer balancer;
  private final AttemptExecutor executor;
  final AttemptSender sender;
  final EndpointMonitor monitor;
  final Router router;
  final Hedger hedger;
  private final RetryTable table;
  private final RetryBudget budget;
  final OpenViduEventListener listener;
  final boolean reportsCallEnded;
  final TimeSource time;
  final long attemptTimeoutNanos;
  private final long callTimeoutNanos;

  private volatile boolean closed;

  /** Backoffs and hedge deadlines of asynchronous calls; made by the first one. */
  private volatile ScheduledThreadPoolExecutor timer;

  FailoverTransport(TransportSettings settings, TimeSource time) {
    this(settings, time, HEDGE_DELAY);
  }

  /**
   * @param hedgeDelay how long a GET attempt waits unanswered before it is hedged; one at least as
   *     long as the attempt timeout turns hedging off
   */
  FailoverTransport(TransportSettings settings, TimeSource time, Duration hedgeDelay) {
    List<Endpoint> list = new ArrayList<>();
    List<String> names = settings.endpointNames();
    for (int i = 0; i < names.size(); i++) {
      list.add(new Endpoint(i, names.get(i)));
    }
    this.endpoints = Collections.unmodifiableList(list);
    this.time = time;
    this.attemptTimeoutNanos = settings.attemptTimeout().toNanos();
    this.callTimeoutNanos = settings.callTimeout().toNanos();
    SafeListener safeListener = new SafeListener(settings.listener());
    this.listener = safeListener;
    this.reportsCallEnded = safeListener.wantsCallEnded();
    this.balancer = new Balancer(endpoints, settings.balancingPolicy());
    this.executor = new AttemptExecutor(settings);
    this.table = new RetryTable(settings.retryPolicy());
    this.budget =
        new RetryBudget(
            settings.retryPolicy().budgetMaxTokens(), settings.retryPolicy().budgetTokenRatio());
    this.monitor =
        new EndpointMonitor(
            executor,
            listener,
            time,
            new RetryAfter(time, callTimeoutNanos),
            endpoints.size(),
            attemptTimeoutNanos);
    this.sender = new AttemptSender(executor, monitor);
    this.router = new Router(monitor, budget, new Backoff(settings.retryPolicy()), table);
    this.hedger =
        new Hedger(
            table,
            budget,
            monitor,
            sender,
            listener,
            time,
            attemptTimeoutNanos,
            hedgeDelay.toNanos(),
            endpoints.size(),
            task -> timer().execute(task));
  }

  @Override
  public ApiResponse execute(ApiRequest request) throws OpenViduJavaClientException {
    if (closed) {
      throw new OpenViduJavaClientException(
          request.operation() + " failed: the OpenVidu client is closed");
    }
    CallProgress call =
        new CallProgress(request, time.nanoTime(), callTimeoutNanos, endpoints.size());
    if (!reportsCallEnded) {
      return run(call, request);
    }
    ApiResponse response;
    try {
      response = run(call, request);
    } catch (OpenViduJavaClientException | RuntimeException e) {
      listener.callEnded(call.ended(true, time.nanoTime()));
      throw e;
    }
    listener.callEnded(call.ended(false, time.nanoTime()));
    return response;
  }

  /**
   * Executes one logical call without holding a thread while it is in flight: the same loop as
   * {@link #execute}, with the same decisions, driven by {@link AsyncCall}.
   *
   * @return the final attempt's answer, whatever its HTTP status, or a failure with the {@link
   *     OpenViduJavaClientException} {@link #execute} would throw; completed on an SDK thread.
   *     Cancelling it cancels the attempt in flight and ends the call.
   */
  @Override
  public CompletableFuture<ApiResponse> executeAsync(ApiRequest request) {
    if (closed) {
      CompletableFuture<ApiResponse> refused = new CompletableFuture<>();
      refused.completeExceptionally(
          new OpenViduJavaClientException(
              request.operation() + " failed: the OpenVidu client is closed"));
      return refused;
    }
    CallProgress call =
        new CallProgress(request, time.nanoTime(), callTimeoutNanos, endpoints.size());
    String idempotencyKey =
        request.method() == ApiRequest.Method.POST ? IdempotencyKeys.next() : null;
    AsyncCall async =
        new AsyncCall(this, call, request, idempotencyKey, balancer.orderForNewCall());
    async.start();
    return async.result();
  }

  /**
   * The timer of asynchronous calls: one daemon thread, that only starts the next step (after a
   * backoff, at the deadline of an awaited hedge, or the decision to hedge).
   */
  ScheduledExecutorService timer() {
    ScheduledThreadPoolExecutor current = timer;
    if (current == null) {
      synchronized (this) {
        current = timer;
        if (current == null) {
          current =
              new ScheduledThreadPoolExecutor(
                  1,
                  task -> {
                    Thread thread = new Thread(task, "OpenVidu async timer");
                    thread.setDaemon(true);
                    return thread;
                  });
          current.setRemoveOnCancelPolicy(true);
          timer = current;
          if (closed) {
            current.shutdown();
          }
        }
      }
    }
    return current;
  }

  /** The call loop: routes, attempts and reads each attempt's verdict until the call ends. */
  private ApiResponse run(CallProgress call, ApiRequest request)
      throws OpenViduJavaClientException {
    String idempotencyKey =
        request.method() == ApiRequest.Method.POST ? IdempotencyKeys.next() : null;
    List<Endpoint> order = balancer.orderForNewCall();
    while (true) {
      long now = time.nanoTime();
      // 1. Where: the router's decision, or its refusal.
      Route route = router.route(call, order, now);
      if (route.isRefused()) {
        return giveUp(call, route.refusal(), now);
      }
      // 2. When: a backoff or a Retry-After, unless it would outlast the call. The first attempt
      //    goes ahead even if a Retry-After asks for more than the call has.
      Pause pause = Pause.before(call, route, now);
      if (pause.tooLate()) {
        return giveUp(call, StopReason.NEXT_ATTEMPT_TOO_LATE, now);
      }
      long wait = pause.nanos();
      if (wait > 0) {
        try {
          time.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return giveUp(call, StopReason.INTERRUPTED_BEFORE_RETRY, time.nanoTime());
        }
        now = time.nanoTime();
      }
      // 3. How long: the attempt timeout, or what is left of the call's.
      long remaining = call.deadlineNanos() - now;
      if (remaining <= 0) {
        return giveUp(call, StopReason.CALL_TIMEOUT, now);
      }
      Verdict verdict =
          attempt(
              call,
              route,
              order,
              request,
              idempotencyKey,
              Math.min(attemptTimeoutNanos, remaining));
      switch (verdict.kind()) {
        case ANSWERED:
          return call.response();
        case STOP:
          return giveUp(call, verdict.reason(), time.nanoTime());
        case GO_ON:
        default:
          break;
      }
    }
  }

  /** Makes one attempt, hedged if it may be, and accounts for it. */
  private Verdict attempt(
      CallProgress call,
      Route route,
      List<Endpoint> order,
      ApiRequest request,
      String idempotencyKey,
      long timeoutNanos) {
    StartedAttempt started =
        startAttempt(
            Hedger.Driver.BLOCKING, call, route, order, request, idempotencyKey, timeoutNanos);
    int attempt = started.number;
    Hedge hedge = started.hedge;
    AttemptResult result =
        sender.send(
            started.endpoint,
            started.pending,
            request,
            idempotencyKey,
            timeoutNanos,
            hedge == null ? null : hedge.attemptCancellation());
    Route hedgeRoute = hedge == null ? null : hedge.attemptEnded();
    if (hedgeRoute == null) {
      return outcome(call, route, request, attempt, result);
    }
    return raced(call, route, request, attempt, result, hedge, hedgeRoute);
  }

  /** Begins an attempt on the route's endpoint, for either driver. */
  StartedAttempt startAttempt(
      Hedger.Driver driver,
      CallProgress call,
      Route route,
      List<Endpoint> order,
      ApiRequest request,
      String idempotencyKey,
      long timeoutNanos) {
    Endpoint endpoint = route.endpoint();
    int attempt = call.startAttempt(endpoint);
    listener.attemptStarted(endpoint.name(), request.operation(), attempt);
    if (LOG.isDebugEnabled()) { // three arguments: an array on every attempt otherwise
      LOG.debug("{} attempt {} on {}", request.operation(), attempt, endpoint);
    }
    // Counted in flight before the hedge delay starts, so that an attempt its hedge outlived by a
    // second has left the endpoint silent for over a second.
    Responsiveness.Pending pending = monitor.attemptStarted(endpoint);
    Hedge hedge =
        hedger.schedule(
            driver,
            call,
            call.hedged(),
            order,
            endpoint,
            request,
            idempotencyKey,
            attempt,
            timeoutNanos,
            call.deadlineNanos());
    return new StartedAttempt(endpoint, attempt, pending, hedge);
  }

  /**
   * Accounts for an attempt that raced its hedge. The winner's answer is the call's; the loser,
   * cancelled, is not a failure. When the attempt failed first, the hedge is waited for (within the
   * call timeout) rather than failed over: it is already the next attempt.
   */
  private Verdict raced(
      CallProgress call,
      Route route,
      ApiRequest request,
      int attempt,
      AttemptResult result,
      Hedge hedge,
      Route hedgeRoute) {
    int hedgeAttempt = call.startHedge(hedgeRoute.endpoint());
    Verdict first = raceAttemptEnded(call, route, request, attempt, result, hedge, hedgeRoute);
    if (first.kind() != Verdict.Kind.AWAIT_HEDGE) {
      return first;
    }
    AttemptResult hedgeResult;
    try {
      hedgeResult = hedge.awaitHedge(time, call.deadlineNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      hedge.hedgeCancellation().cancel();
      return Verdict.stop(StopReason.INTERRUPTED_AWAITING_HEDGE);
    }
    if (hedgeResult == null) {
      hedge.hedgeCancellation().cancel();
      return Verdict.stop(StopReason.CALL_TIMEOUT_AWAITING_HEDGE);
    }
    return raceHedgeEnded(
        call, route, request, attempt, hedge, hedgeRoute, hedgeAttempt, hedgeResult);
  }

  /**
   * The first half of a race, once the call's attempt returned and its hedge was counted ({@link
   * CallProgress#startHedge}): the attempt's answer if it won, else {@link Verdict#AWAIT_HEDGE}
   * (the attempt's failure accounted for, the hedge being the next attempt).
   */
  Verdict raceAttemptEnded(
      CallProgress call,
      Route route,
      ApiRequest request,
      int attempt,
      AttemptResult result,
      Hedge hedge,
      Route hedgeRoute) {
    if (request.method() != ApiRequest.Method.GET) {
      // Both copies were sent, and the loser is only cancelled: it may have acted as well.
      call.mayHaveTakenEffectElsewhere();
    }
    if (!hedge.hedgeWon() && result.endsCall()) {
      hedge.hedgeCancellation().cancel();
      LOG.debug(
          "{} attempt {} on {} answered first; hedge attempt {} on {} cancelled",
          request.operation(),
          attempt,
          route.endpoint(),
          call.attempts(),
          hedgeRoute.endpoint());
      return outcome(call, route, request, attempt, result);
    }
    if (!hedge.hedgeWon()) {
      outcome(call, route, request, attempt, result); // a failure: the hedge is the next attempt
    }
    return Verdict.AWAIT_HEDGE;
  }

  /** The second half of a race: the hedge's outcome, the call having waited for it. */
  Verdict raceHedgeEnded(
      CallProgress call,
      Route route,
      ApiRequest request,
      int attempt,
      Hedge hedge,
      Route hedgeRoute,
      int hedgeAttempt,
      AttemptResult hedgeResult) {
    if (hedgeResult.endsCall()) {
      hedger.won();
    }
    if (hedge.hedgeWon()) {
      LOG.debug(
          "{} hedge attempt {} on {} answered first; attempt {} on {} cancelled",
          request.operation(),
          hedgeAttempt,
          hedgeRoute.endpoint(),
          attempt,
          route.endpoint());
    }
    return outcome(call, hedgeRoute, request, hedgeAttempt, hedgeResult);
  }

  /** Accounts for an attempt's result and reads the retry table. */
  Verdict outcome(
      CallProgress call, Route route, ApiRequest request, int attempt, AttemptResult result) {
    Endpoint endpoint = route.endpoint();
    call.finished(endpoint, result);
    if (result.endsCall()) {
      budget.onSuccess();
      monitor.served(endpoint, route.ticket());
      if (call.attempts() > 1) {
        LOG.info(
            "{} answered {} by {} after {} attempts",
            request.operation(),
            result.status(),
            endpoint,
            call.attempts());
        listener.callSucceededAfterRetries(request.operation(), call.attempts());
      }
      return Verdict.ANSWERED;
    }
    AttemptFailure failure = failure(endpoint, request, attempt, result);
    call.failed(failure);
    listener.attemptFailed(failure);
    budget.onFailure();
    monitor.failed(endpoint, route.ticket(), result, failure.description());
    RetryDecision decision =
        table.afterFailure(
            request, failure, attempt, table.keysHonouredBy(endpoint.announcesIdempotency()));
    if (!decision.mayGoOn()) {
      LOG.debug(
          "{} attempt {} on {} failed: {}; not retried: {}",
          request.operation(),
          attempt,
          endpoint,
          failure.description(),
          decision.refusal());
      return Verdict.stop(decision.refusal());
    }
    if (decision.reliesOnKey()) {
      call.relyOnKey();
    }
    LOG.warn(
        "{} attempt {} on {} failed: {}; failing over",
        request.operation(),
        attempt,
        endpoint,
        failure.description());
    return Verdict.GO_ON;
  }

  private static AttemptFailure failure(
      Endpoint endpoint, ApiRequest request, int attempt, AttemptResult result) {
    if (result.isAnswered()) {
      return new AttemptFailure(
          endpoint.name(),
          request.operation(),
          attempt,
          AttemptFailure.Kind.RETRYABLE_STATUS,
          result.status(),
          "answered " + result.status(),
          null);
    }
    return new AttemptFailure(
        endpoint.name(),
        request.operation(),
        attempt,
        result.failureKind(),
        0,
        result.failureDescription(),
        result.failure());
  }

  /** Ends the call: its last answer if it had one (a retryable status), else an exception. */
  static ApiResponse giveUp(CallProgress call, StopReason reason, long now)
      throws OpenViduJavaClientException {
    if (call.lastAttemptAnswered()) {
      return call.response();
    }
    throw call.failure(reason, now);
  }

  @Override
  public void close() {
    closed = true;
    synchronized (this) {
      if (timer != null) {
        timer.shutdown();
      }
    }
    hedger.close();
    executor.close();
  }
}
