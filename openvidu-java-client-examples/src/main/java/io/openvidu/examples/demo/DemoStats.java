package io.openvidu.examples.demo;

import io.openvidu.java.client.transport.AttemptFailure;
import io.openvidu.java.client.transport.OpenViduEventListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * What happened during the demo: every API call made through {@link #call}, its failures, and, as
 * the client's event listener, every failover. Failovers are also told on the timeline as they
 * happen. Thread-safe.
 */
final class DemoStats implements OpenViduEventListener {
  /**
   * One thing the demo does: an API call of the client, or a participant's or a download's step.
   */
  @FunctionalInterface
  interface Step<T> {
    T run() throws Exception;
  }

  private static final int FAILURES_KEPT = 5;

  private final Timeline timeline;
  private final MasterNames masters;
  private final LongAdder calls = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private final LongAdder failovers = new LongAdder();
  private final LongAdder ejections = new LongAdder();
  private final LongAdder restorations = new LongAdder();
  private final List<String> firstFailures = new ArrayList<>();

  /** The names of the masters the client has ejected and not taken back yet. */
  private final Set<String> outOfRotation = ConcurrentHashMap.newKeySet();

  private final Object restored = new Object();

  DemoStats(Timeline timeline, MasterNames masters) {
    this.timeline = timeline;
    this.masters = masters;
  }

  /** Takes a step and counts it as a call, answered or failed; a failure is rethrown. */
  <T> T call(String what, Step<T> step) throws Exception {
    try {
      T result = step.run();
      calls.increment();
      return result;
    } catch (Exception e) {
      failed(what, e);
      throw e;
    }
  }

  /** Counts a failure of anything the demo does, API call or not, and tells the first few. */
  void failed(String what, Exception e) {
    calls.increment();
    failures.increment();
    String description = what + ": " + e.getMessage();
    synchronized (firstFailures) {
      if (firstFailures.size() < FAILURES_KEPT) {
        firstFailures.add(description);
        timeline.say("FAILED %s", description);
      }
    }
  }

  @Override
  public void attemptFailed(AttemptFailure failure) {
    timeline.say(
        "failover  %s: %s %s; the call moves on",
        failure.operation(), masters.name(failure.endpoint()), whatWentWrong(failure));
  }

  private static String whatWentWrong(AttemptFailure failure) {
    return switch (failure.kind()) {
      case NOT_SENT -> "could not be reached";
      case OUTCOME_UNKNOWN -> "dropped the call before answering";
      case RETRYABLE_STATUS -> "answered " + failure.status();
    };
  }

  @Override
  public void endpointEjected(String endpoint, Duration ejectedFor, int consecutiveFailures) {
    ejections.increment();
    outOfRotation.add(masters.name(endpoint));
    timeline.say(
        "client    %s out of rotation for %d ms", masters.name(endpoint), ejectedFor.toMillis());
  }

  @Override
  public void endpointRestored(String endpoint) {
    restorations.increment();
    timeline.say("client    %s back in rotation", masters.name(endpoint));
    synchronized (restored) {
      outOfRotation.remove(masters.name(endpoint));
      restored.notifyAll();
    }
  }

  /** Whether the client has ejected master {@code index} (from 0) and not taken it back yet. */
  boolean isOutOfRotation(int index) {
    return outOfRotation.contains(masters.name(index));
  }

  /**
   * Waits until the client has master {@code index} (from 0) in rotation: at once if it never
   * ejected it or has taken it back since; false if it still had not after {@code timeout}.
   */
  boolean awaitInRotation(int index, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (restored) {
      while (isOutOfRotation(index)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(restored, left);
      }
      return true;
    }
  }

  @Override
  public void callSucceededAfterRetries(String operation, int attempts) {
    failovers.increment();
  }

  long calls() {
    return calls.sum();
  }

  long failures() {
    return failures.sum();
  }

  /** Calls answered by another master after an attempt failed. */
  long failovers() {
    return failovers.sum();
  }

  long ejections() {
    return ejections.sum();
  }

  long restorations() {
    return restorations.sum();
  }
}
