package io.openvidu.ha.benchmarks.failover;

import io.openvidu.ha.benchmarks.load.Call;
import io.openvidu.ha.benchmarks.load.Operation;
import io.openvidu.ha.benchmarks.load.Percentiles;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What a fault did to the calls of a steady load, from the caller's side.
 *
 * <p>A call <em>met the faulty master</em> when it failed, when one of its attempts failed (as the
 * client reports them), when it was still waiting for an answer as the load stopped, or, for a
 * client that knows only the faulty master, whenever it was made after the fault began. Its
 * <em>extra latency</em> is its latency minus the median latency of the same operation before the
 * fault (never below zero). Calls <em>made after it died</em> began once the fault was complete
 * (the port closed, the master frozen); the others were in flight while it happened, and their fate
 * also depends on how the master died. Immutable.
 *
 * @param callsAfterFault calls that ended after the fault began (or never ended)
 * @param failed of those, how many threw, by operation
 * @param unfinished of those, how many were still waiting for an answer when the load stopped
 * @param met of those, how many met the faulty master
 * @param extraLatency the extra latency of the calls that met the faulty master (a lower bound for
 *     unfinished ones)
 * @param extraLatencyMadeAfter the extra latency of those that were made after it died
 * @param metAfterFirstFailure calls that met the faulty master although they began after the first
 *     failure on it had shown; empty when no failure ever showed
 * @param slowedUntil nanoseconds from the fault to the end of the last call that met the faulty
 *     master; empty when calls still met it at the end of the observation (or never ended)
 * @param injectionNanos how long the fault took to happen (a kill closing the port, say)
 * @param observedNanos how long the load ran after the fault began
 */
public record FaultImpact(
    int callsAfterFault,
    Map<Operation, Long> failed,
    int unfinished,
    int met,
    Percentiles extraLatency,
    Percentiles extraLatencyMadeAfter,
    OptionalLong metAfterFirstFailure,
    OptionalLong slowedUntil,
    long injectionNanos,
    long observedNanos) {

  public FaultImpact {
    failed = Map.copyOf(failed);
  }

  /**
   * @param calls every call of the load, before and after the fault
   * @param loadStart when the load began; the first third of the time before the fault is its
   *     warm-up
   * @param fault when the fault began and when it was complete
   * @param stopAt when the load was told to stop
   * @param onlyFaultyMaster whether the client knows no master but the faulty one
   * @param settleNanos a call that met the faulty master in this last stretch before {@code stopAt}
   *     means it was still being met: no "slowed until" then
   */
  public static FaultImpact analyse(
      List<Call> calls,
      long loadStart,
      Window fault,
      long stopAt,
      boolean onlyFaultyMaster,
      long settleNanos) {
    Map<Operation, Long> baseline =
        baselineMedians(calls, loadStart + (fault.start() - loadStart) / 3, fault.start());
    List<Call> after =
        calls.stream().filter(call -> call.unfinished() || call.end() > fault.start()).toList();
    List<Call> met =
        after.stream()
            .filter(call -> metFaultyMaster(call, fault.start(), onlyFaultyMaster))
            .toList();
    List<Call> madeAfter = met.stream().filter(call -> call.start() >= fault.end()).toList();
    OptionalLong firstFailureSeen =
        after.stream()
            .filter(call -> !call.unfinished() && (call.failed() || call.failedAttempts() > 0))
            .mapToLong(Call::end)
            .min();
    OptionalLong metAfterFirstFailure =
        firstFailureSeen.isEmpty()
            ? OptionalLong.empty()
            : OptionalLong.of(
                met.stream().filter(call -> call.start() > firstFailureSeen.getAsLong()).count());
    boolean stillMet =
        met.stream().anyMatch(call -> call.unfinished() || call.start() >= stopAt - settleNanos);
    OptionalLong slowedUntil =
        stillMet
            ? OptionalLong.empty()
            : OptionalLong.of(
                met.stream().mapToLong(Call::end).max().orElse(fault.start()) - fault.start());
    Map<Operation, Long> failed = new EnumMap<>(Operation.class);
    after.stream()
        .filter(Call::failed)
        .forEach(call -> failed.merge(call.operation(), 1L, Long::sum));
    return new FaultImpact(
        after.size(),
        failed,
        (int) after.stream().filter(Call::unfinished).count(),
        met.size(),
        extra(met, baseline),
        extra(madeAfter, baseline),
        metAfterFirstFailure,
        slowedUntil,
        fault.end() - fault.start(),
        stopAt - fault.start());
  }

  /** How many calls after the fault threw. */
  public long failedCount() {
    return failed.values().stream().mapToLong(Long::longValue).sum();
  }

  /** A stretch of time, in {@link System#nanoTime()} values. */
  public record Window(long start, long end) {}

  private static boolean metFaultyMaster(Call call, long faultAt, boolean onlyFaultyMaster) {
    return call.failed()
        || call.failedAttempts() > 0
        || call.unfinished()
        || (onlyFaultyMaster && call.start() >= faultAt);
  }

  private static Percentiles extra(List<Call> calls, Map<Operation, Long> baseline) {
    return Percentiles.of(
        calls.stream()
            .mapToLong(
                call -> Math.max(0, call.latency() - baseline.getOrDefault(call.operation(), 0L)))
            .toArray());
  }

  /** The median latency of each operation's successful calls in {@code [from, to)}. */
  private static Map<Operation, Long> baselineMedians(List<Call> calls, long from, long to) {
    Map<Operation, Long> medians = new EnumMap<>(Operation.class);
    for (Operation operation : Operation.values()) {
      long[] latencies =
          calls.stream()
              .filter(
                  call ->
                      call.operation() == operation
                          && !call.failed()
                          && !call.unfinished()
                          && call.start() >= from
                          && call.end() < to)
              .mapToLong(Call::latency)
              .toArray();
      medians.put(operation, Percentiles.of(latencies).at(50));
    }
    return medians;
  }
}
