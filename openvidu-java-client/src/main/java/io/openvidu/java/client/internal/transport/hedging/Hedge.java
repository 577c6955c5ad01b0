package io.openvidu.java.client.internal.transport.hedging;

import io.openvidu.java.client.internal.transport.endpoints.Route;
import io.openvidu.java.client.internal.transport.http.AttemptDeadlines;
import io.openvidu.java.client.internal.transport.http.Cancellation;
import io.openvidu.java.client.internal.transport.policy.AttemptResult;
import io.openvidu.java.client.internal.transport.policy.TimeSource;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The race between one attempt of a GET, sent on its call's thread, and the hedge that the
 * transport may send beside it to another endpoint when the attempt is still unanswered after the
 * hedge delay. The first to end with an answer that ends the call wins; the other is cancelled.
 *
 * <p>Three threads meet here, each doing one thing: the thread that decides the hedge sends it only
 * while the call still waits on its attempt ({@link #claim}); the hedge's outcome arrives on the
 * thread that sent it (blocking call) or on the HTTP dispatcher's (asynchronous call) and, if it
 * wins, cancels the attempt the call is waiting on ({@link #hedgeEnded}); the call, once its
 * attempt returned, learns whether a hedge went out ({@link #attemptEnded}) and, if it needs it,
 * waits for it ({@link #awaitHedge}) or, for an asynchronous call, has it handed on ({@link
 * #whenHedgeEnded}). Every decision about the call itself (accounting, failover) stays on the
 * call's thread.
 *
 * <p>Thread-safe: every transition holds this object's lock, briefly; no cancellation runs under
 * it.
 */
public final class Hedge {

  private final Cancellation attempt = new Cancellation();
  private final Cancellation hedge = new Cancellation();
  private AttemptDeadlines.Deadline timer;
  private boolean attemptEnded;
  private boolean attemptCancelled;
  private Route target;
  private AttemptResult hedgeResult;
  private Consumer<AttemptResult> whenHedgeEnded;

  /** What cancels the call's own attempt when the hedge wins. */
  public Cancellation attemptCancellation() {
    return attempt;
  }

  /** What cancels the hedge when the call no longer needs it. */
  public Cancellation hedgeCancellation() {
    return hedge;
  }

  /** The delayed decision to send the hedge, called off when the attempt ends first. */
  synchronized void timer(AttemptDeadlines.Deadline task) {
    this.timer = task;
    if (attemptEnded) {
      task.close();
    }
  }

  /**
   * Hedge's thread: the hedge is about to be sent to {@code target}.
   *
   * @return false if the call's attempt has ended meanwhile: then the hedge must not be sent
   */
  synchronized boolean claim(Route target) {
    if (attemptEnded) {
      return false;
    }
    this.target = target;
    return true;
  }

  /**
   * The thread that delivers the hedge's outcome: the hedge ended. An answer that ends the call,
   * while the call still waits on its attempt, cancels that attempt: the hedge wins.
   */
  void hedgeEnded(AttemptResult result) {
    boolean cancelAttempt;
    Consumer<AttemptResult> action;
    synchronized (this) {
      hedgeResult = result;
      cancelAttempt = !attemptEnded && result.endsCall();
      attemptCancelled |= cancelAttempt;
      action = whenHedgeEnded;
      notifyAll();
    }
    if (cancelAttempt) {
      attempt.cancel();
    }
    if (action != null) {
      action.accept(result);
    }
  }

  /**
   * Asynchronous call: instead of {@link #awaitHedge waiting} for the hedge's outcome, hands it to
   * {@code action}, at once if it is known, else on the thread that delivers it; never under this
   * object's lock.
   */
  public void whenHedgeEnded(Consumer<AttemptResult> action) {
    AttemptResult known;
    synchronized (this) {
      known = hedgeResult;
      if (known == null) {
        whenHedgeEnded = action;
      }
    }
    if (known != null) {
      action.accept(known);
    }
  }

  /**
   * Call's thread: its attempt returned. From now on no hedge is sent.
   *
   * @return where the hedge went, or {@code null} if none was sent
   */
  public Route attemptEnded() {
    AttemptDeadlines.Deadline task;
    Route sent;
    synchronized (this) {
      attemptEnded = true;
      task = timer;
      sent = target;
    }
    if (task != null) {
      task.close();
    }
    return sent;
  }

  /**
   * @return whether the hedge won: the call's attempt was cancelled for it, whatever that attempt
   *     returned
   */
  public synchronized boolean hedgeWon() {
    return attemptCancelled;
  }

  /**
   * Call's thread: waits for the hedge's outcome, at most until {@code deadlineNanos} on {@code
   * time}'s clock.
   *
   * @return the outcome, or {@code null} if the deadline came first
   */
  public synchronized AttemptResult awaitHedge(TimeSource time, long deadlineNanos)
      throws InterruptedException {
    while (hedgeResult == null) {
      long left = deadlineNanos - time.nanoTime();
      if (left <= 0) {
        return null;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return hedgeResult;
  }
}
