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
 * <p>A call <em>met the faulty master</em> when it failed, when one of its attempts failed (as the client reports
 * them), when it was still waiting for an answer as the load stopped, or, for a client that knows only the faulty
 * master, whenever it was made after the fault. Its <em>extra latency</em> is its latency minus the median latency
 * of the same operation before the fault (never below zero). Immutable.
 *
 * @param callsAfterFault       calls that ended after the fault (or never ended)
 * @param failed                of those, how many threw, by operation
 * @param unfinished            of those, how many were still waiting for an answer when the load stopped
 * @param metFaultyMaster       of those, how many met the faulty master
 * @param extraLatency          the extra latency of the calls that met the faulty master (a lower bound for
 *                              unfinished ones)
 * @param metAfterFirstFailure  calls that met the faulty master although they began after the first failure on it
 *                              had shown; empty when no failure ever showed
 * @param slowedUntil           nanoseconds from the fault to the end of the last call that met the faulty master;
 *                              empty when calls still met it at the end of the observation (or never ended)
 * @param observedNanos         how long the load ran after the fault
 */
public record FaultImpact(int callsAfterFault, Map<Operation, Long> failed, int unfinished, int metFaultyMaster,
    Percentiles extraLatency, OptionalLong metAfterFirstFailure, OptionalLong slowedUntil, long observedNanos) {

  /**
   * @param calls                  every call of the load, before and after the fault
   * @param loadStart              when the load began; the first third of the time before the fault is its warm-up
   * @param faultAt                when the fault was injected
   * @param stopAt                 when the load was told to stop
   * @param onlyFaultyMaster       whether the client knows no master but the faulty one
   * @param settleNanos            a call that met the faulty master in this last stretch before {@code stopAt}
   *                               means it was still being met: no "slowed until" then
   */
  public static FaultImpact analyse(List<Call> calls, long loadStart, long faultAt, long stopAt,
      boolean onlyFaultyMaster, long settleNanos) {
    Map<Operation, Long> baseline = baselineMedians(calls, loadStart + (faultAt - loadStart) / 3, faultAt);
    List<Call> after = calls.stream().filter(call -> call.unfinished() || call.end() > faultAt).toList();
    List<Call> met = after.stream().filter(call -> metFaultyMaster(call, faultAt, onlyFaultyMaster)).toList();
    long[] extra = met.stream()
        .mapToLong(call -> Math.max(0, call.latency() - baseline.getOrDefault(call.operation(), 0L)))
        .toArray();
    OptionalLong firstFailureSeen = after.stream()
        .filter(call -> !call.unfinished() && (call.failed() || call.failedAttempts() > 0))
        .mapToLong(Call::end).min();
    OptionalLong metAfterFirstFailure = firstFailureSeen.isEmpty() ? OptionalLong.empty()
        : OptionalLong.of(met.stream().filter(call -> call.start() > firstFailureSeen.getAsLong()).count());
    boolean stillMet = met.stream().anyMatch(call -> call.unfinished() || call.start() >= stopAt - settleNanos);
    OptionalLong slowedUntil = stillMet ? OptionalLong.empty()
        : OptionalLong.of(met.stream().mapToLong(Call::end).max().orElse(faultAt) - faultAt);
    Map<Operation, Long> failed = new EnumMap<>(Operation.class);
    after.stream().filter(Call::failed).forEach(call -> failed.merge(call.operation(), 1L, Long::sum));
    return new FaultImpact(after.size(), failed,
        (int) after.stream().filter(Call::unfinished).count(), met.size(), Percentiles.of(extra),
        metAfterFirstFailure, slowedUntil, stopAt - faultAt);
  }

  public FaultImpact {
    failed = Map.copyOf(failed);
  }

  /** How many calls after the fault threw. */
  public long failedCount() {
    return failed.values().stream().mapToLong(Long::longValue).sum();
  }

  private static boolean metFaultyMaster(Call call, long faultAt, boolean onlyFaultyMaster) {
    return call.failed() || call.failedAttempts() > 0 || call.unfinished()
        || (onlyFaultyMaster && call.start() >= faultAt);
  }

  /** The median latency of each operation's successful calls in {@code [from, to)}. */
  private static Map<Operation, Long> baselineMedians(List<Call> calls, long from, long to) {
    Map<Operation, Long> medians = new EnumMap<>(Operation.class);
    for (Operation operation : Operation.values()) {
      long[] latencies = calls.stream()
          .filter(call -> call.operation() == operation && !call.failed() && !call.unfinished()
              && call.start() >= from && call.end() < to)
          .mapToLong(Call::latency).toArray();
      medians.put(operation, Percentiles.of(latencies).at(50));
    }
    return medians;
  }
}
