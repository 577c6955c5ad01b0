package io.openvidu.ha.benchmarks.allocation;

import io.openvidu.ha.benchmarks.isolation.ClientKind;
import io.openvidu.ha.benchmarks.load.Operation;
import io.openvidu.ha.benchmarks.report.Cells;
import io.openvidu.ha.benchmarks.report.MarkdownTable;
import java.util.Map;

/**
 * Bytes allocated per call, per client and operation, and CPU time per call, per client, as {@link
 * AllocationBenchmark} measured them. Immutable.
 */
public final class AllocationResult {
  private final Map<ClientKind, CallCost> perCall;

  AllocationResult(Map<ClientKind, CallCost> perCall) {
    this.perCall = Map.copyOf(perCall);
  }

  /** Mean bytes per call of the mix for that client. */
  public double meanPerCall(ClientKind kind) {
    return perCall.get(kind).bytesPerCall().values().stream()
        .mapToDouble(Double::doubleValue)
        .average()
        .orElse(0);
  }

  /** The section as Markdown. */
  public String markdown() {
    MarkdownTable table =
        new MarkdownTable(
            "call",
            "ours bytes",
            "official bytes",
            "raw OkHttp bytes",
            "ours / official",
            "ours - raw OkHttp");
    for (Operation operation : Operation.values()) {
      row(
          table,
          operation.label(),
          bytes(ClientKind.OURS, operation),
          bytes(ClientKind.OFFICIAL, operation),
          bytes(ClientKind.RAW_OKHTTP, operation));
    }
    row(
        table,
        "mean of the mix",
        meanPerCall(ClientKind.OURS),
        meanPerCall(ClientKind.OFFICIAL),
        meanPerCall(ClientKind.RAW_OKHTTP));
    MarkdownTable cpu =
        new MarkdownTable(
            "client",
            "caller thread CPU us / call",
            "process CPU us / call",
            "process CPU vs raw OkHttp");
    double raw = perCall.get(ClientKind.RAW_OKHTTP).processCpuMicros();
    for (ClientKind kind : AllocationBenchmark.CLIENTS) {
      CallCost cost = perCall.get(kind);
      cpu.row(
          kind.label(),
          Cells.micros(cost.threadCpuMicros()),
          Cells.micros(cost.processCpuMicros()),
          Cells.ratio(cost.processCpuMicros() / raw));
    }
    return table.render() + "\n" + cpu.render();
  }

  private double bytes(ClientKind kind, Operation operation) {
    return perCall.get(kind).bytesPerCall().get(operation);
  }

  private static void row(
      MarkdownTable table, String name, double ours, double official, double raw) {
    table.row(
        name,
        Cells.bytes(ours),
        Cells.bytes(official),
        Cells.bytes(raw),
        Cells.ratio(ours / official),
        Cells.bytes(ours - raw));
  }
}
