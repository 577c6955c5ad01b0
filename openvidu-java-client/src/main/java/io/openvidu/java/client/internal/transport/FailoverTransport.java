package io.openvidu.java.client.internal.transport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.openvidu.java.client.OpenViduJavaClientException;
import io.openvidu.java.client.transport.AttemptFailure;
import io.openvidu.java.client.transport.OpenViduEventListener;
import io.openvidu.java.client.transport.RetryPolicy;

/**
 * The transport that makes one master's death invisible: it spreads calls over the endpoints, moves a call to
 * another endpoint when an attempt fails in a way that allows it, and never repeats what could turn one call
 * into two side effects.
 *
 * <p>Per attempt it decides, in this order:
 * <ol>
 * <li>where: the first endpoint in the call's balancing order that the call has not tried and that is
 * healthy. That move is immediate. An endpoint whose ejection is over is not tried by calls until it answers
 * a probe ({@code GET /openvidu/api/health}, with a short timeout) that the first call to notice sends in the
 * background: no call waits out a timeout on a master that still hangs. An endpoint that has answered nothing
 * for {@value Responsiveness#SILENCE_THRESHOLD_MILLIS} ms while attempts wait on it is skipped the same way,
 * before the first of those attempts times out, until it answers anything, calls or the probe that its silence
 * starts ({@link Responsiveness}); the attempts waiting on it are left to finish or time out. So a master that
 * hangs under a steady load strands the calls sent to it in that first second, not those of a whole attempt
 * timeout. Otherwise, on the first attempt, the endpoint whose ejection ends first, a silent one before an ejected
 * one (a call is never failed without an attempt, and a lone endpoint is never skipped for its silence); on later attempts, if the retry budget allows, an ejected endpoint the
 * call has not tried, or else one it already tried, after a backoff with full jitter;</li>
 * <li>how long: the smaller of the attempt timeout and what is left of the call timeout;</li>
 * <li>whether to go on after a failure, by the retry table: a request that was never sent may go anywhere; a
 * request whose outcome is unknown, or that was answered 502, 503, 504 or 429, is repeated for GET, PATCH
 * and DELETE, and for POST only when the request is repeatable or the policy trusts idempotency keys; any
 * other answer is final. A {@code Retry-After} on 429 or 503 keeps the call off that endpoint for that
 * long.</li>
 * </ol>
 *
 * <p>A pooled connection that the master closed before the attempt (it died, restarted or timed the connection
 * out) never carries the request: the attempt checks it, drops it and takes another connection, without counting a
 * failure or ejecting the endpoint ({@link StaleConnectionGuard}). So a master's death fails only the calls it was
 * working on, and of those only the POSTs that cannot be repeated.
 *
 * <p>Every POST carries an {@code Idempotency-Key}, one per call, the same on each attempt. The response says
 * whether an earlier attempt may have taken effect, so the API layer can reconcile an "already done" answer.
 * When the last attempt failed without an answer, the call throws an exception that lists each attempt.
 *
 * <p>Thread-safe; calls run in parallel on their callers' threads.
 */
final class FailoverTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(FailoverTransport.class);

    /**
     * What tells whether an ejected master is back: any answer but 502, 503, 504 or 429 (a 404 from a server
     * without this endpoint still proves it serves).
     */
    static final ApiRequest PROBE = ApiRequest.get("/openvidu/api/health").named("probe");

    /** A probe needs no more than this: a master that takes longer to say it is up is not back yet. */
    private static final long PROBE_TIMEOUT_NANOS = 2_000_000_000L;

    private final List<Endpoint> endpoints;
    private final Balancer balancer;
    private final AttemptExecutor executor;
    private final RetryPolicy policy;
    private final Backoff backoff;
    private final RetryBudget budget;
    private final OpenViduEventListener listener;
    private final TimeSource time;
    private final long attemptTimeoutNanos;
    private final long callTimeoutNanos;
    private final long probeTimeoutNanos;
    private volatile boolean closed;

    FailoverTransport(TransportSettings settings, TimeSource time) {
        List<Endpoint> list = new ArrayList<>();
        for (int i = 0; i < settings.endpoints().size(); i++) {
            list.add(new Endpoint(i, settings.endpoints().get(i)));
        }
        this.endpoints = List.copyOf(list);
        this.balancer = new Balancer(endpoints, settings.balancingPolicy());
        this.executor = new AttemptExecutor(settings);
        this.policy = settings.retryPolicy();
        this.backoff = new Backoff(policy);
        this.budget = new RetryBudget(policy.budgetMaxTokens(), policy.budgetTokenRatio());
        this.listener = new SafeListener(settings.listener());
        this.time = time;
        this.attemptTimeoutNanos = settings.attemptTimeout().toNanos();
        this.callTimeoutNanos = settings.callTimeout().toNanos();
        this.probeTimeoutNanos = Math.min(attemptTimeoutNanos, PROBE_TIMEOUT_NANOS);
    }

    @Override
    public ApiResponse execute(ApiRequest request) throws OpenViduJavaClientException {
        if (closed) {
            throw new OpenViduJavaClientException(request.operation() + " failed: the OpenVidu client is closed");
        }
        CallProgress call = new CallProgress(request, time.nanoTime(), callTimeoutNanos, endpoints.size());
        String idempotencyKey = request.method() == ApiRequest.Method.POST ? IdempotencyKeys.next() : null;
        List<Endpoint> order = balancer.orderForNewCall();
        while (true) {
            long now = time.nanoTime();
            Route route = route(call, order, now);
            if (route == null) {
                return giveUp(call, "retry budget exhausted (too many recent failures: endpoints known to be "
                        + "failing are not tried again until calls succeed)", now);
            }
            long wait = route.waitNanos;
            if (wait > 0 && now + wait - call.deadlineNanos() >= 0) {
                if (call.attempts() > 0) {
                    return giveUp(call, "the next attempt would start after the call timeout", now);
                }
                wait = 0; // the first attempt goes ahead even if a Retry-After asks for more than the call has
            }
            if (wait > 0) {
                try {
                    time.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return giveUp(call, "interrupted while waiting to retry", time.nanoTime());
                }
                now = time.nanoTime();
            }
            long remaining = call.deadlineNanos() - now;
            if (remaining <= 0) {
                return giveUp(call, "call timeout reached", now);
            }
            String stop = attempt(call, route, request, idempotencyKey, Math.min(attemptTimeoutNanos, remaining));
            if (stop == null) {
                continue;
            }
            return stop.isEmpty() ? call.response() : giveUp(call, stop, time.nanoTime());
        }
    }

    /**
     * Makes one attempt and accounts for it.
     *
     * @return {@code ""} when the call is answered, {@code null} when it goes on, else why it stops
     */
    private String attempt(CallProgress call, Route route, ApiRequest request, String idempotencyKey,
            long timeoutNanos) {
        Endpoint endpoint = route.endpoint;
        int attempt = call.startAttempt(endpoint);
        listener.attemptStarted(endpoint.name(), request.operation(), attempt);
        if (LOG.isDebugEnabled()) { // three arguments: an array on every attempt otherwise
            LOG.debug("{} attempt {} on {}", request.operation(), attempt, endpoint);
        }
        // TODO(#3): hedge GETs: the calls sent to a master in the second before it is seen to be silent still wait
        // out their attempt timeout; a GET could be sent to another endpoint after a delay, the first answer winning.
        Responsiveness.Pending pending = endpoint.responsiveness().started(time.nanoTime());
        AttemptResult result = null;
        try {
            result = executor.execute(endpoint, request, idempotencyKey, timeoutNanos);
        } finally {
            // Even if the attempt threw: an attempt left "in flight" would make the endpoint look silent forever.
            endpoint.responsiveness().ended(pending, result != null && result.isAnswered(), time.nanoTime());
        }
        long now = time.nanoTime();
        call.finished(endpoint, result);
        if (result.isAnswered() && !RetryableStatus.is(result.status())) {
            answered(call, route, request, result);
            return "";
        }
        AttemptFailure failure = failure(endpoint, request, attempt, result);
        call.failed(failure);
        listener.attemptFailed(failure);
        budget.onFailure();
        long retryAfter = result.isAnswered() && RetryableStatus.honoursRetryAfter(result.status())
                ? RetryAfter.parseNanos(result.retryAfter(), Instant.now(), callTimeoutNanos)
                : -1;
        EndpointHealth.Ejection ejection = endpoint.health().failed(route.ticket, now, retryAfter);
        if (ejection != null) {
            ejected(endpoint, ejection, failure.description());
        }
        String refusal = retryRefusal(request, failure, attempt);
        if (refusal != null) {
            LOG.debug("{} attempt {} on {} failed: {}; not retried: {}", request.operation(), attempt, endpoint,
                    failure.description(), refusal);
            return refusal;
        }
        LOG.warn("{} attempt {} on {} failed: {}; failing over", request.operation(), attempt, endpoint,
                failure.description());
        return null;
    }

    private void answered(CallProgress call, Route route, ApiRequest request, AttemptResult result) {
        budget.onSuccess();
        if (route.endpoint.health().succeeded(route.ticket)) {
            LOG.info("OpenVidu endpoint {} restored", route.endpoint);
            listener.endpointRestored(route.endpoint.name());
        }
        if (call.attempts() > 1) {
            LOG.info("{} answered {} by {} after {} attempts", request.operation(), result.status(), route.endpoint,
                    call.attempts());
            listener.callSucceededAfterRetries(request.operation(), call.attempts());
        }
    }

    private static AttemptFailure failure(Endpoint endpoint, ApiRequest request, int attempt, AttemptResult result) {
        if (result.isAnswered()) {
            return new AttemptFailure(endpoint.name(), request.operation(), attempt,
                    AttemptFailure.Kind.RETRYABLE_STATUS, result.status(), "answered " + result.status(), null);
        }
        return new AttemptFailure(endpoint.name(), request.operation(), attempt, result.failureKind(), 0,
                result.failureDescription(), result.failure());
    }

    /** The retry table: which failure may be repeated for which request. */
    private String retryRefusal(ApiRequest request, AttemptFailure failure, int attempt) {
        boolean mayRepeat = failure.kind() == AttemptFailure.Kind.NOT_SENT
                || request.method() != ApiRequest.Method.POST
                || request.isRepeatableWhenOutcomeUnknown()
                || policy.trustIdempotencyKeys();
        if (!mayRepeat) {
            return "a POST that may have reached the server is not repeated without an idempotency guarantee";
        }
        if (attempt >= policy.maxAttempts()) {
            return "at most " + policy.maxAttempts() + (policy.maxAttempts() == 1 ? " attempt" : " attempts")
                    + " per call";
        }
        return null;
    }

    /**
     * @return where the next attempt goes and how long to wait first, or {@code null} when the retry budget
     *         forbids anything but a healthy endpoint and none is left
     */
    private Route route(CallProgress call, List<Endpoint> order, long now) {
        for (Endpoint endpoint : order) {
            if (!call.tried(endpoint)) {
                EndpointHealth.Ticket ticket = admitOrProbe(endpoint, now);
                if (ticket != null) {
                    return new Route(endpoint, ticket, 0);
                }
            }
        }
        if (call.attempts() > 0 && !budget.allowsRetry()) {
            return null;
        }
        List<Endpoint> pool = new ArrayList<>();
        for (Endpoint endpoint : order) {
            if (!call.tried(endpoint)) {
                pool.add(endpoint);
            }
        }
        boolean again = pool.isEmpty();
        Endpoint chosen = null;
        EndpointHealth.Ticket ticket = null;
        if (again) {
            pool = order;
            for (Endpoint endpoint : pool) {
                ticket = admitOrProbe(endpoint, now);
                if (ticket != null) {
                    chosen = endpoint;
                    break;
                }
            }
        }
        if (chosen == null) {
            chosen = pool.get(0);
            for (Endpoint endpoint : pool) {
                if (endpoint.health().ejectedUntil(now) - chosen.health().ejectedUntil(now) < 0) {
                    chosen = endpoint;
                }
            }
            ticket = chosen.health().force();
        }
        long wait = again ? backoff.delayNanos(call.nextRepeat()) : 0;
        wait = Math.max(wait, chosen.health().notBefore(now) - now);
        return new Route(chosen, ticket, wait);
    }

    /**
     * @return a ticket if the endpoint is healthy and not silent; {@code null} if it is ejected or silent, after
     *         starting the probe that may restore it if its ejection just ended or that may end its silence. The
     *         probe runs in the background, so that no call waits out a timeout on an endpoint that is still hung.
     *         A lone endpoint is never avoided for its silence: there is nowhere else to go, and the probe would
     *         only add a request.
     */
    private EndpointHealth.Ticket admitOrProbe(Endpoint endpoint, long now) {
        EndpointHealth.Ticket ticket = endpoint.health().admit(now);
        if (ticket == null) {
            return null;
        }
        if (ticket.isProbe()) {
            LOG.debug("probing {}", endpoint);
            probe(endpoint, ticket, false);
            return null;
        }
        if (endpoints.size() > 1 && endpoint.responsiveness().isSilent(now)) {
            if (endpoint.responsiveness().claimProbe()) {
                LOG.warn("OpenVidu endpoint {} has answered nothing for over {} ms while attempts wait on it: new "
                        + "calls avoid it until it answers (a probe is sent)", endpoint,
                        Responsiveness.SILENCE_THRESHOLD_MILLIS);
                // A ticket of the current epoch: if the probe fails, it ejects the endpoint, unless an attempt
                // that timed out meanwhile already did.
                probe(endpoint, endpoint.health().force(), true);
            }
            return null;
        }
        return ticket;
    }

    private void probe(Endpoint endpoint, EndpointHealth.Ticket ticket, boolean silence) {
        executor.executeInBackground(endpoint, PROBE, probeTimeoutNanos,
                result -> probed(endpoint, ticket, silence, result));
    }

    /**
     * A probe ended. Any answer ends a silence; an answer that says the master serves also restores it from
     * ejection. A probe of a silent endpoint does not count as a served call for the ejection's backoff, as a
     * probe after ejection does not: a master that answers probes but hangs on real work must not reset it.
     */
    private void probed(Endpoint endpoint, EndpointHealth.Ticket ticket, boolean silence, AttemptResult result) {
        long now = time.nanoTime();
        if (result.isAnswered()) {
            endpoint.responsiveness().answered(now);
        }
        if (silence) {
            endpoint.responsiveness().probeEnded();
        }
        if (result.isAnswered() && !RetryableStatus.is(result.status())) {
            if (silence) {
                LOG.info("OpenVidu endpoint {} answered a probe: new calls go to it again", endpoint);
            } else if (endpoint.health().succeeded(ticket)) {
                LOG.info("OpenVidu endpoint {} restored: it answered a probe", endpoint);
                listener.endpointRestored(endpoint.name());
            }
            return;
        }
        String why = result.isAnswered() ? "answered " + result.status() : result.failureDescription();
        long retryAfter = result.isAnswered() && RetryableStatus.honoursRetryAfter(result.status())
                ? RetryAfter.parseNanos(result.retryAfter(), Instant.now(), callTimeoutNanos)
                : -1;
        EndpointHealth.Ejection ejection = endpoint.health().failed(ticket, now, retryAfter);
        if (ejection != null) {
            ejected(endpoint, ejection, "probe " + why);
        }
    }

    private void ejected(Endpoint endpoint, EndpointHealth.Ejection ejection, String why) {
        executor.closeIdleConnections(endpoint);
        LOG.warn("OpenVidu endpoint {} ejected for {} ms after {} consecutive failure(s): {}", endpoint,
                ejection.period.toMillis(), ejection.consecutiveFailures, why);
        listener.endpointEjected(endpoint.name(), ejection.period, ejection.consecutiveFailures);
    }

    private ApiResponse giveUp(CallProgress call, String reason, long now) throws OpenViduJavaClientException {
        if (call.lastAttemptAnswered()) {
            return call.response();
        }
        throw call.failure(reason, now);
    }

    @Override
    public void close() {
        closed = true;
        executor.close();
    }

    /** Where one attempt goes, with the endpoint's leave to send it, after how long a wait. */
    private static final class Route {
        final Endpoint endpoint;
        final EndpointHealth.Ticket ticket;
        final long waitNanos;

        Route(Endpoint endpoint, EndpointHealth.Ticket ticket, long waitNanos) {
            this.endpoint = endpoint;
            this.ticket = ticket;
            this.waitNanos = waitNanos;
        }
    }

    /** The statuses that say "not now, try elsewhere". */
    static final class RetryableStatus {
        private RetryableStatus() {
        }

        static boolean is(int status) {
            return status == 502 || status == 503 || status == 504 || status == 429;
        }

        static boolean honoursRetryAfter(int status) {
            return status == 503 || status == 429;
        }
    }
}
