package io.openvidu.ha.benchmarks.throughput;

import io.openvidu.ha.benchmarks.isolation.ClientKind;
import io.openvidu.ha.benchmarks.load.Measurement;
import io.openvidu.ha.benchmarks.load.Percentiles;
import io.openvidu.ha.benchmarks.report.Cells;
import io.openvidu.ha.benchmarks.report.MarkdownTable;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What {@link ThroughputBenchmark} measured, per thread count and client. Immutable once built. */
public final class ThroughputResult {
  private final ThroughputBenchmark.Settings settings;
  private final Map<Integer, Map<ClientKind, Measurement>> byThreads;

  ThroughputResult(
      ThroughputBenchmark.Settings settings, Map<Integer, Map<ClientKind, Measurement>> byThreads) {
    this.settings = settings;
    this.byThreads = Map.copyOf(byThreads);
  }

  /** Our SDK's throughput divided by the other client's, at that thread count. */
  public double ratio(int threads, ClientKind other) {
    Map<ClientKind, Measurement> measured = byThreads.get(threads);
    return measured.get(ClientKind.OURS).callsPerSecond() / measured.get(other).callsPerSecond();
  }

  /** The thread counts measured, in increasing order. */
  public List<Integer> threadCounts() {
    return byThreads.keySet().stream().sorted().toList();
  }

  /** The section as Markdown: the headline ratios, then each client's latency. */
  public String markdown() {
    MarkdownTable headline =
        new MarkdownTable(
            "caller threads",
            "ours calls/s",
            "official calls/s",
            "raw OkHttp calls/s",
            "ours / official",
            "ours / raw OkHttp");
    MarkdownTable latency =
        new MarkdownTable(
            "client, threads",
            "calls/s",
            "windows min - max",
            "p50 ms",
            "p99 ms",
            "max ms",
            "failed calls");
    for (int threads : threadCounts()) {
      Map<ClientKind, Measurement> measured = byThreads.get(threads);
      headline.row(
          threads,
          Cells.rate(measured.get(ClientKind.OURS).callsPerSecond()),
          Cells.rate(measured.get(ClientKind.OFFICIAL).callsPerSecond()),
          Cells.rate(measured.get(ClientKind.RAW_OKHTTP).callsPerSecond()),
          Cells.ratio(ratio(threads, ClientKind.OFFICIAL)),
          Cells.ratio(ratio(threads, ClientKind.RAW_OKHTTP)));
      for (ClientKind kind : ThroughputBenchmark.CLIENTS) {
        Measurement measurement = measured.get(kind);
        Percentiles percentiles = measurement.latency();
        latency.row(
            kind.label() + ", " + threads,
            Cells.rate(measurement.callsPerSecond()),
            Cells.rate(measurement.slowestWindow())
                + " - "
                + Cells.rate(measurement.fastestWindow()),
            Cells.millis(percentiles.at(50)),
            Cells.millis(percentiles.at(99)),
            Cells.millis(percentiles.max()),
            failures(measurement));
      }
    }
    String windows =
        String.format(
            Locale.ROOT,
            "Per client and thread count: %d windows of %s s, the clients' "
                + "order rotating each round, after %s s of warm-up; before anything, %d s of warm-up per client. "
                + "calls/s is the median window's; latencies pool every window.%n%n",
            settings.rounds(),
            seconds(settings.window()),
            seconds(settings.warmUp()),
            settings.jitWarmUp().toSeconds());
    return windows + headline.render() + "\n" + latency.render();
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
  }

  private static String failures(Measurement measurement) {
    if (measurement.failed() == 0) {
      return "0";
    }
    return measurement.failed() + " (first: " + measurement.failure() + ")";
  }
}
