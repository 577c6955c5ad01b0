package io.openvidu.ha.benchmarks.load;

import io.openvidu.ha.benchmarks.client.BackendClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The calls that closed-loop callers completed within measurement windows, and what they add up to. Calls still
 * running when a window closes are left out (they are neither counted nor timed), so throughput is completed
 * calls divided by the windows' length. Immutable.
 *
 * @param calls       the calls completed within the windows
 * @param windowNanos the windows' total length
 * @param failure     what the first failed call threw, or {@code null}
 */
public record Measurement(List<Call> calls, long windowNanos, Exception failure) {

  public Measurement {
    calls = List.copyOf(calls);
  }

  /**
   * Runs {@code threads} unpaced callers of the mix for {@code window} and keeps the calls that ended in it.
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
    List<Call> within = calls.stream().filter(call -> !call.unfinished() && call.end() <= end).toList();
    return new Measurement(within, end - load.startedAt(), load.firstFailure());
  }

  /** The windows of both, as one measurement. */
  public Measurement plus(Measurement other) {
    List<Call> all = new ArrayList<>(calls);
    all.addAll(other.calls);
    return new Measurement(all, windowNanos + other.windowNanos, failure != null ? failure : other.failure);
  }

  /** Successful calls per second. */
  public double callsPerSecond() {
    return succeeded().count() / (windowNanos / 1e9);
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
