package io.openvidu.java.client.internal.transport.endpoints;

import io.openvidu.java.client.internal.transport.ApiRequest;
import io.openvidu.java.client.internal.transport.policy.AttemptResult;
import io.openvidu.java.client.internal.transport.policy.RetryAfter;
import io.openvidu.java.client.internal.transport.policy.RetryableStatus;
import io.openvidu.java.client.internal.transport.policy.TimeSource;
import io.openvidu.java.client.transport.IdempotencyKeyTrust;
import io.openvidu.java.client.transport.OpenViduEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each endpoint's health and silence up to date from what attempts and probes meet, and
 * decides whether an endpoint takes an attempt now ({@link #admit}).
 *
 * <p>An endpoint whose ejection is over is not tried by calls until it answers a probe ({@code GET
 * /openvidu/api/health}, with a short timeout) that the first call to notice sends in the
 * background: no call waits out a timeout on a master that still hangs. An endpoint that has
 * answered nothing for {@value Responsiveness#SILENCE_THRESHOLD_MILLIS} ms while attempts wait on
 * it is avoided the same way until it answers anything, calls or the probe that its silence starts.
 * A lone endpoint is never avoided for its silence: there is nowhere else to go.
 *
 * <p>Thread-safe: the state lives in each endpoint's {@link EndpointHealth} and {@link
 * Responsiveness}; probe outcomes arrive on the HTTP layer's threads.
 */
public final class EndpointMonitor {

  private static final Logger LOG = LoggerFactory.getLogger(EndpointMonitor.class);

  /**
   * What tells whether an ejected master is back: any answer but 502, 503, 504 or 429 (a 404 from a
   * server without this endpoint still proves it serves).
   */
  public static final ApiRequest PROBE = ApiRequest.get("/openvidu/api/health").named("probe");

  /**
   * A probe needs no more than this: a master that takes longer to say it is up is not back yet.
   */
  private static final long PROBE_TIMEOUT_NANOS = 2_000_000_000L;

  private final Network network;
  private final OpenViduEventListener listener;
  private final TimeSource time;
  private final RetryAfter retryAfter;
  private final boolean several;
  private final long probeTimeoutNanos;

  /**
   * @param endpointCount how many endpoints the transport has (with one, silence is ignored)
   * @param attemptTimeoutNanos a probe takes no longer than an attempt
   */
  public EndpointMonitor(
      Network network,
      OpenViduEventListener listener,
      TimeSource time,
      RetryAfter retryAfter,
      int endpointCount,
      long attemptTimeoutNanos) {
    this.network = network;
    this.listener = listener;
    this.time = time;
    this.retryAfter = retryAfter;
    this.several = endpointCount > 1;
    this.probeTimeoutNanos = Math.min(attemptTimeoutNanos, PROBE_TIMEOUT_NANOS);
  }

  /**
   * @return a ticket if the endpoint is healthy and not silent; {@code null} if it is ejected or
   *     silent, after starting the probe that may restore it if its ejection just ended or that may
   *     end its silence. The probe runs in the background, so that no call waits out a timeout on
   *     an endpoint that is still hung.
   */
  public EndpointHealth.Ticket admit(Endpoint endpoint, long now) {
    EndpointHealth.Ticket ticket = endpoint.health().admit(now);
    if (ticket == null) {
      return null;
    }
    if (ticket.isProbe()) {
      LOG.debug("probing {}", endpoint);
      probe(endpoint, ticket, false);
      return null;
    }
    if (several && endpoint.responsiveness().isAvoided(now)) {
      if (endpoint.responsiveness().isSilent(now)) {
        silent(endpoint);
      }
      return null;
    }
    return ticket;
  }

  /**
   * An attempt is about to be sent to the endpoint: counted in flight, so that its silence shows.
   */
  public Responsiveness.Pending attemptStarted(Endpoint endpoint) {
    return endpoint.responsiveness().started(time.nanoTime());
  }

  /**
   * An attempt on the endpoint ended, with {@code result}, or {@code null} if it threw. An answer
   * tells whether the endpoint announces that it honours idempotency keys. One that ends unanswered
   * (cancelled because its hedge won, or timed out) while the endpoint is silent starts the probe
   * of its silence, if no call has yet: the endpoint owes nothing more once that attempt is gone,
   * and without the probe the next calls would be sent into it again.
   */
  public void attemptEnded(
      Endpoint endpoint, Responsiveness.Pending pending, AttemptResult result) {
    boolean answered = result != null && result.isAnswered();
    if (answered) {
      announcement(endpoint, result);
    }
    boolean silent = endpoint.responsiveness().ended(pending, answered, time.nanoTime());
    if (silent && several) {
      silent(endpoint);
    }
    answersAgain(endpoint);
  }

  /**
   * An attempt sent with {@code ticket} was answered with a status that ends its call: an ejected
   * endpoint is restored.
   */
  public void served(Endpoint endpoint, EndpointHealth.Ticket ticket) {
    if (endpoint.health().succeeded(ticket)) {
      LOG.info("OpenVidu endpoint {} restored", endpoint);
      listener.endpointRestored(endpoint.name());
    }
  }

  /**
   * An attempt sent with {@code ticket} failed: the endpoint is ejected unless an attempt of a
   * newer ticket already did, and kept off for what its {@code Retry-After} asks. An attempt that
   * never left the client (it timed out in the HTTP dispatcher's queue, behind the per-host limit
   * that masters on one host name share) does not count: the endpoint may be merely busy.
   *
   * @param why the failure, for the log
   */
  public void failed(
      Endpoint endpoint, EndpointHealth.Ticket ticket, AttemptResult result, String why) {
    if (result != null && result.neverLeftClient()) {
      endpoint.health().inconclusive(ticket);
      LOG.debug("{}: {}; not counted against it", endpoint, why);
      return;
    }
    long now = time.nanoTime();
    EndpointHealth.Ejection ejection =
        endpoint.health().failed(ticket, now, retryAfter.waitNanos(result));
    if (ejection != null) {
      network.closeIdleConnections(endpoint);
      LOG.warn(
          "OpenVidu endpoint {} ejected for {} ms after {} consecutive failure(s): {}",
          endpoint,
          ejection.period.toMillis(),
          ejection.consecutiveFailures,
          why);
      listener.endpointEjected(endpoint.name(), ejection.period, ejection.consecutiveFailures);
    }
  }

  /**
   * The endpoint is silent: unless a probe of its silence is already on its way, one is sent, and
   * new calls avoid the endpoint until it answers.
   */
  private void silent(Endpoint endpoint) {
    if (endpoint.responsiveness().claimProbe()) {
      LOG.warn(
          "OpenVidu endpoint {} has answered nothing for over {} ms while attempts wait on it: new "
              + "calls avoid it until it answers (a probe is sent)",
          endpoint,
          Responsiveness.SILENCE_THRESHOLD_MILLIS);
      listener.endpointSilent(endpoint.name());
      // A ticket of the current epoch: if the probe fails, it ejects the endpoint, unless an
      // attempt that timed out meanwhile already did.
      probe(endpoint, endpoint.health().force(), true);
    }
  }

  /**
   * Reads the answer's {@value IdempotencyKeyTrust#ANNOUNCEMENT_HEADER}: every answer says anew
   * whether the endpoint honours keys, so a master replaced by one that does not stops being
   * trusted at its first answer.
   */
  private static void announcement(Endpoint endpoint, AttemptResult result) {
    endpoint.announcedIdempotency(
        "true".equalsIgnoreCase(result.headers().get(IdempotencyKeyTrust.ANNOUNCEMENT_HEADER)));
  }

  /** Reports the end of the endpoint's silence, once, if an answer just ended it. */
  private void answersAgain(Endpoint endpoint) {
    if (endpoint.responsiveness().takeRecovery()) {
      LOG.info("OpenVidu endpoint {} answers again: new calls go to it again", endpoint);
      listener.endpointAnswersAgain(endpoint.name());
    }
  }

  private void probe(Endpoint endpoint, EndpointHealth.Ticket ticket, boolean silence) {
    network.sendInBackground(
        endpoint, PROBE, probeTimeoutNanos, result -> probed(endpoint, ticket, silence, result));
  }

  /**
   * A probe ended. Any answer ends a silence; an answer that says the master serves also restores
   * it from ejection. A probe of a silent endpoint does not count as a served call for the
   * ejection's backoff, as a probe after ejection does not: a master that answers probes but hangs
   * on real work must not reset it.
   */
  private void probed(
      Endpoint endpoint, EndpointHealth.Ticket ticket, boolean silence, AttemptResult result) {
    if (result.isAnswered()) {
      announcement(endpoint, result);
      endpoint.responsiveness().answered(time.nanoTime());
    }
    if (silence) {
      endpoint.responsiveness().probeEnded();
    }
    answersAgain(endpoint);
    if (result.isAnswered() && !RetryableStatus.is(result.status())) {
      if (!silence && endpoint.health().succeeded(ticket)) {
        LOG.info("OpenVidu endpoint {} restored: it answered a probe", endpoint);
        listener.endpointRestored(endpoint.name());
      }
      return;
    }
    String why = result.isAnswered() ? "answered " + result.status() : result.failureDescription();
    failed(endpoint, ticket, result, "probe " + why);
  }
}
