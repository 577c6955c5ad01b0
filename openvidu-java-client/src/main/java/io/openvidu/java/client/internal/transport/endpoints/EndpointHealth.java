package io.openvidu.java.client.internal.transport.endpoints;

import java.time.Duration;

/**
 * Whether one endpoint takes calls: healthy, ejected for a period that doubles with each
 * consecutive failure ({@value #FIRST_EJECTION_MILLIS} ms up to {@value #MAX_EJECTION_MILLIS} ms),
 * or, once the period is over, probed by exactly one probe while calls keep skipping it.
 *
 * <p>Several calls in flight on an endpoint that dies all fail at about the same time; only the
 * first of those failures ejects it. Each ejection starts a new epoch, and a failure counts only if
 * its attempt was admitted in the current epoch, so a burst of failures does not inflate the
 * period.
 *
 * <p>Thread-safe: every transition holds this object's lock, briefly.
 */
public final class EndpointHealth {

  public static final long FIRST_EJECTION_MILLIS = 1_000;
  public static final long MAX_EJECTION_MILLIS = 30_000;

  /** Leave to send one attempt to the endpoint, handed back with its outcome. */
  public static final class Ticket {
    private final long epoch;
    private final boolean probe;

    private Ticket(long epoch, boolean probe) {
      this.epoch = epoch;
      this.probe = probe;
    }

    public boolean isProbe() {
      return probe;
    }
  }

  /** An ejection that a failure caused. */
  public static final class Ejection {
    public final Duration period;
    public final int consecutiveFailures;

    private Ejection(Duration period, int consecutiveFailures) {
      this.period = period;
      this.consecutiveFailures = consecutiveFailures;
    }
  }

  private long epoch;
  private int consecutiveFailures;
  private boolean ejected;
  private long ejectedUntil;
  private boolean probeInFlight;
  private long notBefore;
  private boolean hasNotBefore;

  /**
   * @return a ticket if the endpoint takes a call now (healthy), or a probe ticket if its ejection
   *     is over and nobody probes it yet, else {@code null}
   */
  public synchronized Ticket admit(long now) {
    if (!ejected) {
      return new Ticket(epoch, false);
    }
    if (now - ejectedUntil < 0 || probeInFlight) {
      return null;
    }
    probeInFlight = true;
    return new Ticket(epoch, true);
  }

  /**
   * @return a ticket regardless of ejection, for a call that has nowhere better to go
   */
  public synchronized Ticket force() {
    return new Ticket(epoch, false);
  }

  /**
   * @return when the ejection ends (any value compares as over when not ejected)
   */
  public synchronized long ejectedUntil(long now) {
    return ejected ? ejectedUntil : now;
  }

  /**
   * @return the earliest time the server allowed a new attempt (its {@code Retry-After}), never
   *     before {@code now}
   */
  public synchronized long notBefore(long now) {
    return hasNotBefore && notBefore - now > 0 ? notBefore : now;
  }

  /**
   * The endpoint answered. An answered probe restores it but keeps its count of consecutive
   * failures until a real call is answered too: a master that answers health probes but hangs on
   * real work is thus ejected for longer and longer, rather than costing a call an attempt timeout
   * every second.
   *
   * @return true if it was ejected and is now restored
   */
  public synchronized boolean succeeded(Ticket ticket) {
    if (ticket.probe) {
      probeInFlight = false;
    } else {
      consecutiveFailures = 0;
    }
    hasNotBefore = false;
    if (ejected) {
      ejected = false;
      epoch++;
      return true;
    }
    return false;
  }

  /**
   * An attempt sent with {@code ticket} ended without telling anything of the endpoint (it never
   * left the client): a probe's place is freed for the next one; nothing else changes.
   */
  public synchronized void inconclusive(Ticket ticket) {
    if (ticket.probe) {
      probeInFlight = false;
    }
  }

  /**
   * The endpoint failed an attempt.
   *
   * @param retryAfterNanos how long the server asked to wait before the next attempt, or a negative
   *     value
   * @return the ejection this failure caused, or {@code null} when an earlier failure already
   *     accounted for it
   */
  public synchronized Ejection failed(Ticket ticket, long now, long retryAfterNanos) {
    if (ticket.probe) {
      probeInFlight = false;
    }
    if (retryAfterNanos >= 0) {
      long candidate = now + retryAfterNanos;
      if (!hasNotBefore || candidate - notBefore > 0) {
        notBefore = candidate;
        hasNotBefore = true;
      }
    }
    if (ticket.epoch != epoch) {
      return null;
    }
    consecutiveFailures++;
    long millis = FIRST_EJECTION_MILLIS << Math.min(consecutiveFailures - 1, 15);
    millis = Math.min(millis, MAX_EJECTION_MILLIS);
    long nanos = Math.max(millis * 1_000_000, retryAfterNanos);
    ejected = true;
    ejectedUntil = now + nanos;
    epoch++;
    return new Ejection(Duration.ofNanos(nanos), consecutiveFailures);
  }
}
