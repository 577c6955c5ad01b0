package io.openvidu.ha.benchmarks.allocation;

import io.openvidu.ha.benchmarks.isolation.ClientKind;
import io.openvidu.ha.benchmarks.load.Operation;
import io.openvidu.ha.benchmarks.report.Cells;
import io.openvidu.ha.benchmarks.report.MarkdownTable;
import java.util.Map;

/** Bytes allocated per call, per client and operation, as {@link AllocationBenchmark} counted them. Immutable. */
public final class AllocationResult {
  private final Map<ClientKind, Map<Operation, Double>> perCall;

  AllocationResult(Map<ClientKind, Map<Operation, Double>> perCall) {
    this.perCall = Map.copyOf(perCall);
  }

  /** Mean bytes per call of the mix for that client. */
  public double meanPerCall(ClientKind kind) {
    return perCall.get(kind).values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }

  /** The section as Markdown. */
  public String markdown() {
    MarkdownTable table = new MarkdownTable("call", "ours bytes", "official bytes", "raw OkHttp bytes",
        "ours / official", "ours - raw OkHttp");
    for (Operation operation : Operation.values()) {
      row(table, operation.label(), perCall.get(ClientKind.OURS).get(operation),
          perCall.get(ClientKind.OFFICIAL).get(operation), perCall.get(ClientKind.RAW_OKHTTP).get(operation));
    }
    row(table, "mean of the mix", meanPerCall(ClientKind.OURS), meanPerCall(ClientKind.OFFICIAL),
        meanPerCall(ClientKind.RAW_OKHTTP));
    return table.render();
  }

  private static void row(MarkdownTable table, String name, double ours, double official, double raw) {
    table.row(name, Cells.bytes(ours), Cells.bytes(official), Cells.bytes(raw), Cells.ratio(ours / official),
        Cells.bytes(ours - raw));
  }
}
