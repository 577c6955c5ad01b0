package io.openvidu.ha.it.faults;

import io.openvidu.java.client.OpenViduHttpException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every SDK call the load made: when it started, how long it took, and what it threw if it failed.
 * Thread-safe; read the summaries once the load has stopped.
 */
final class CallLog {
  /**
   * One call: what it did, to what ({@code subject}: a tag or an id), when, for how long, and what
   * it threw ({@code null} when it returned normally).
   */
  record Call(
      String operation, String subject, long startNanos, long durationNanos, Throwable failure) {
    boolean failed() {
      return failure != null;
    }
  }

  private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
  private final AtomicInteger completed = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();

  void add(Call call) {
    calls.add(call);
    completed.incrementAndGet();
    if (call.failed()) {
      failed.incrementAndGet();
    }
  }

  /** Calls completed so far, to wait for progress. */
  int completed() {
    return completed.get();
  }

  /** Calls failed so far, to wait for failures. */
  int failed() {
    return failed.get();
  }

  List<Call> failures() {
    return calls.stream().filter(Call::failed).toList();
  }

  /**
   * The median duration of the calls that started before {@code nanos}, in ms: the latency without
   * the fault.
   */
  long medianMillisBefore(long nanos) {
    long[] durations =
        calls.stream()
            .filter(c -> c.startNanos() - nanos < 0 && !c.failed())
            .mapToLong(Call::durationNanos)
            .sorted()
            .toArray();
    return durations.length == 0 ? 0 : durations[durations.length / 2] / 1_000_000;
  }

  /**
   * The longest duration of a call that started at or after {@code nanos} or was running then, in
   * ms.
   */
  long worstMillisFrom(long nanos) {
    return calls.stream()
            .filter(c -> c.startNanos() + c.durationNanos() - nanos >= 0)
            .mapToLong(Call::durationNanos)
            .max()
            .orElse(0)
        / 1_000_000;
  }

  /**
   * Failures counted by operation and exception (with the HTTP status, if any), for reports and
   * assertions.
   */
  Map<String, Integer> failureKinds() {
    Map<String, Integer> kinds = new LinkedHashMap<>();
    for (Call call : failures()) {
      Throwable failure = call.failure();
      String status = failure instanceof OpenViduHttpException http ? " " + http.getStatus() : "";
      kinds.merge(
          call.operation() + ": " + failure.getClass().getSimpleName() + status, 1, Integer::sum);
    }
    return kinds;
  }

  /**
   * The {@code n} slowest calls, slowest first, with when they started relative to {@code nanos}.
   */
  List<String> slowest(int n, long nanos) {
    return calls.stream()
        .sorted(Comparator.comparingLong(Call::durationNanos).reversed())
        .limit(n)
        .map(
            c ->
                String.format(
                    Locale.ROOT,
                    "%s took %d ms, started %+d ms from the fault%s",
                    c.operation(),
                    c.durationNanos() / 1_000_000,
                    (c.startNanos() - nanos) / 1_000_000,
                    c.failed() ? " (failed)" : ""))
        .toList();
  }
}
