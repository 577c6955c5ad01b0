package io.openvidu.ha.benchmarks.load;

import io.openvidu.ha.benchmarks.client.BackendClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The calls that closed-loop callers completed within one or more measurement windows, and what
 * they add up to. Calls still running when a window closes are left out (neither counted nor
 * timed). Throughput is the median of the windows' rates, so that a window spoiled by another
 * process's burst on a shared machine moves it little; latencies pool the calls of every window.
 * Immutable.
 *
 * @param calls the calls completed within the windows
 * @param windowRates each window's successful calls per second, in the order measured
 * @param failure what the first failed call threw, or {@code null}
 */
public record Measurement(List<Call> calls, List<Double> windowRates, Exception failure) {

  public Measurement {
    calls = List.copyOf(calls);
    windowRates = List.copyOf(windowRates);
  }

  /**
   * Runs {@code threads} unpaced callers of the mix for {@code window} and keeps the calls that
   * ended in it.
   *
   * @param name names the caller threads
   */
  public static Measurement of(BackendClient client, int threads, Duration window, String name) {
    MixLoad load = MixLoad.unpaced(client, threads, name);
    Pause.of(window);
    long end = System.nanoTime();
    load.stop();
    List<Call> calls = load.awaitCalls(Duration.ofMinutes(2));
    if (!load.isIdle()) {
      throw new IllegalStateException("callers still busy two minutes after the window closed");
    }
    List<Call> within =
        calls.stream().filter(call -> !call.unfinished() && call.end() <= end).toList();
    double rate =
        within.stream().filter(call -> !call.failed()).count() / ((end - load.startedAt()) / 1e9);
    return new Measurement(within, List.of(rate), load.firstFailure());
  }

  /** The windows of both, as one measurement. */
  public Measurement plus(Measurement other) {
    List<Call> allCalls = new ArrayList<>(calls);
    allCalls.addAll(other.calls);
    List<Double> allRates = new ArrayList<>(windowRates);
    allRates.addAll(other.windowRates);
    return new Measurement(allCalls, allRates, failure != null ? failure : other.failure);
  }

  /** Successful calls per second: the median of the windows' rates. */
  public double callsPerSecond() {
    List<Double> sorted = windowRates.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  /** The slowest window's rate. */
  public double slowestWindow() {
    return windowRates.stream().mapToDouble(Double::doubleValue).min().orElse(0);
  }

  /** The fastest window's rate. */
  public double fastestWindow() {
    return windowRates.stream().mapToDouble(Double::doubleValue).max().orElse(0);
  }

  /** The latencies of the successful calls. */
  public Percentiles latency() {
    return Percentiles.of(succeeded().mapToLong(Call::latency).toArray());
  }

  /** How many calls failed. */
  public long failed() {
    return calls.stream().filter(Call::failed).count();
  }

  private Stream<Call> succeeded() {
    return calls.stream().filter(call -> !call.failed());
  }
}
