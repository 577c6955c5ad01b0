package io.openvidu.java.client.internal.transport.endpoints;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Whether one endpoint is silent: it owes answers to attempts in flight and has answered nothing,
 * for {@value #SILENCE_THRESHOLD_MILLIS} ms. A master that hangs (stopped, deadlocked, in a
 * garbage-collection spiral: its port accepts, nothing answers) is silent long before the first
 * attempt it holds times out, so new calls avoid it from then on instead of joining the attempts
 * that wait out their timeout there.
 *
 * <p>Silence is not a failure: it ejects nothing and cancels no attempt (each may still be
 * answered, and a POST abandoned by us would have an unknown outcome). It ends with any answer from
 * the endpoint, to an attempt or to a probe, of any status. New calls avoid the endpoint while it
 * is silent, and until it answers or the probe its silence starts ends, even if the attempts that
 * made it silent have ended unanswered meanwhile. So a master that is merely slow on one call
 * (starting a COMPOSED recording can take seconds) and has no other traffic is avoided only until
 * it answers the probe that its silence starts.
 *
 * <p>The silence is measured from the later of the endpoint's last answer and the start of its
 * oldest attempt in flight: an answer vouches for the endpoint from then on, whatever it still
 * owes. So an otherwise idle master working on one slow call is probed about once a second while
 * the call lasts, and avoided only while each probe is on its way.
 *
 * <p>Thread-safe: every transition holds this object's lock, briefly.
 */
public final class Responsiveness {

  /**
   * How long an endpoint may owe answers without giving any. A healthy master answers OpenVidu's
   * calls in milliseconds and, with traffic, gives some answer far more often than this; a false
   * alarm costs one probe round trip during which new calls go elsewhere. Shorter would shun a
   * master for a long garbage-collection pause it recovers from; longer sends more calls into a
   * hung master: at a steady rate r over n masters, about r/n calls per second of this threshold,
   * each of which waits out its attempt timeout.
   */
  public static final long SILENCE_THRESHOLD_MILLIS = 1_000;

  private static final long SILENCE_THRESHOLD_NANOS = SILENCE_THRESHOLD_MILLIS * 1_000_000;

  /** One attempt in flight on the endpoint, handed back when it ends. */
  public static final class Pending {
    private final long startNanos;

    private Pending(long startNanos) {
      this.startNanos = startNanos;
    }
  }

  /** In start order: each is added under the lock with a start read under the lock. */
  private final Set<Pending> inFlight = new LinkedHashSet<>();

  private long lastAnswerNanos;
  private boolean answeredEver;
  private boolean probing;

  /**
   * The silence was noticed and no answer came since; cleared by any answer, or when its probe
   * ends.
   */
  private boolean shunned;

  /** A silence that a probe was sent for has ended with an answer, not yet reported. */
  private volatile boolean recovered;

  /** Counts an attempt about to be sent. */
  public synchronized Pending started(long now) {
    Pending pending = new Pending(now);
    inFlight.add(pending);
    return pending;
  }

  /**
   * The attempt ended.
   *
   * @param answered whether the endpoint answered it (any status), as opposed to a timeout or a
   *     broken connection
   * @return whether the attempt ended unanswered while the endpoint was silent
   */
  public synchronized boolean ended(Pending pending, boolean answered, long now) {
    boolean silent = !answered && isSilent(now);
    inFlight.remove(pending);
    if (answered) {
      answered(now);
    }
    return silent;
  }

  /** The endpoint answered something: a probe, or an attempt of a call. */
  public synchronized void answered(long now) {
    if (!answeredEver || now - lastAnswerNanos > 0) {
      lastAnswerNanos = now;
      answeredEver = true;
    }
    if (shunned) {
      recovered = true;
    }
    shunned = false;
  }

  /**
   * @return true once after an answer ended a silence that new calls were avoiding (not when the
   *     silence ended with a failed probe, which ejects the endpoint instead); lock-free while
   *     there is nothing to report
   */
  public boolean takeRecovery() {
    if (!recovered) {
      return false;
    }
    synchronized (this) {
      boolean report = recovered;
      recovered = false;
      return report;
    }
  }

  /**
   * @return whether the endpoint owes an answer and has been silent for longer than the threshold
   */
  public synchronized boolean isSilent(long now) {
    Iterator<Pending> oldest = inFlight.iterator();
    if (!oldest.hasNext()) {
      return false;
    }
    long since = oldest.next().startNanos;
    if (answeredEver && lastAnswerNanos - since > 0) {
      since = lastAnswerNanos;
    }
    return now - since > SILENCE_THRESHOLD_NANOS;
  }

  /**
   * @return whether new calls avoid the endpoint: it is silent, or it was and has answered nothing
   *     since, while the probe its silence started is on its way (the attempts that made it silent
   *     may have ended unanswered meanwhile, timed out or cancelled by their hedges)
   */
  public synchronized boolean isAvoided(long now) {
    return shunned || isSilent(now);
  }

  /**
   * @return true if the caller is to send the probe that may end the silence, false if one is in
   *     flight
   */
  public synchronized boolean claimProbe() {
    if (probing) {
      return false;
    }
    probing = true;
    shunned = true;
    return true;
  }

  public synchronized void probeEnded() {
    probing = false;
    shunned = false;
  }
}
