package io.openvidu.ha.benchmarks.cluster;

import io.openvidu.ha.benchmarks.load.Measurement;
import io.openvidu.ha.benchmarks.load.Percentiles;
import io.openvidu.ha.benchmarks.report.Cells;
import io.openvidu.ha.benchmarks.report.MarkdownTable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What each shape of the cluster served. Immutable. */
public final class ClusterResult {
  private final ClusterBenchmark.Settings settings;
  private final Map<ClusterBenchmark.Topology, Measurement> measured;

  ClusterResult(
      ClusterBenchmark.Settings settings, Map<ClusterBenchmark.Topology, Measurement> measured) {
    this.settings = settings;
    this.measured = new LinkedHashMap<>(measured);
  }

  /** The section as Markdown. */
  public String markdown() {
    String load =
        String.format(
            Locale.ROOT,
            "Load: raw OkHttp, %d closed-loop caller threads, the mix spread round "
                + "robin over the masters; %d s measured after %d s of warm-up.%n%n",
            settings.threads(),
            settings.window().toSeconds(),
            settings.warmUp().toSeconds());
    MarkdownTable table =
        new MarkdownTable("cluster", "calls/s", "vs 1 master", "p50 ms", "p99 ms", "failed calls");
    double oneMaster = measured.get(ClusterBenchmark.Topology.ONE_MASTER).callsPerSecond();
    for (Map.Entry<ClusterBenchmark.Topology, Measurement> entry : measured.entrySet()) {
      Measurement measurement = entry.getValue();
      Percentiles latency = measurement.latency();
      table.row(
          entry.getKey().label(),
          Cells.rate(measurement.callsPerSecond()),
          Cells.ratio(measurement.callsPerSecond() / oneMaster),
          Cells.millis(latency.at(50)),
          Cells.millis(latency.at(99)),
          measurement.failed());
    }
    return load + table.render();
  }
}
