package io.openvidu.ha.benchmarks.percall;

import io.openvidu.ha.benchmarks.client.BackendClient;
import io.openvidu.ha.benchmarks.client.ClientSettings;
import io.openvidu.ha.benchmarks.isolation.ClientKind;
import io.openvidu.ha.benchmarks.isolation.IsolatedClients;
import io.openvidu.ha.benchmarks.load.Percentiles;
import io.openvidu.ha.benchmarks.report.Machine;
import io.openvidu.ha.benchmarks.report.MarkdownTable;
import io.openvidu.ha.benchmarks.report.Progress;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What one call costs each client when the server costs almost nothing (issue #13, step 5): our
 * SDK, the official 2.20.0 client, raw OkHttp and a raw-socket HTTP/1.1 client (the floor) repeat
 * one call against a {@link FakeMaster} in this JVM. Calls per second at 1 and 16 caller threads,
 * latency (p50, p99) at 64. The clients alternate in short windows, order rotating each round,
 * after warming up in turns; calls per second is the median of the rounds, latencies pool them.
 * Prints progress lines, then a Markdown report on standard output. Never fails on a number.
 */
@Command(
    name = "per-call",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Calls per second and latency of one call repeated by our SDK, the official client, raw "
          + "OkHttp and raw sockets against a trivial in-process fake master."
    })
public final class PerCallBenchmark implements Callable<Integer> {
  static final String COMMAND =
      "mvn -B -q -pl benchmarks -am package -DskipTests && java -cp benchmarks/target/benchmarks.jar "
          + PerCallBenchmark.class.getName();
  private static final Logger APACHE_HTTP_LOG = Logger.getLogger("org.apache.http");
  private static final String RAW_SOCKETS = "raw sockets";

  @Option(
      names = "--quick",
      description =
          "A smoke run of a few seconds: one round of short windows, numbers meaningless.")
  boolean quick;

  @Option(
      names = "--operation",
      split = ",",
      paramLabel = "OPERATION",
      description = "The calls repeated: ${COMPLETION-CANDIDATES} (default: FETCH).")
  List<RepeatedCall.Operation> operations = List.of(RepeatedCall.Operation.FETCH);

  @Option(
      names = "--rounds",
      description = "Windows per client and thread count (default: 7; --quick: 1).")
  Integer rounds;

  @Option(
      names = "--window-ms",
      description = "One window, in milliseconds (default: 1000; --quick: 150).")
  Integer windowMillis;

  @Option(
      names = "--threads",
      split = ",",
      description = "Caller thread counts (default: 1,16,64).")
  List<Integer> threadCounts = List.of(1, 16, 64);

  @Option(
      names = "--clients",
      split = ",",
      description =
          "Only these clients, by label: ours, ours-baseline, official, raw-okhttp, raw-sockets "
              + "(default: all there are; ours-baseline only when target/clients/ours-baseline holds jars).")
  List<String> only;

  @Option(
      names = "--clients-dir",
      paramLabel = "DIR",
      description =
          "The client jar sets built by the module (default: target/clients next to this jar).")
  Path clientsDirectory;

  public static void main(String[] args) {
    System.exit(
        new CommandLine(new PerCallBenchmark())
            .setCaseInsensitiveEnumValuesAllowed(true)
            .execute(args));
  }

  @Override
  public Integer call() throws Exception {
    APACHE_HTTP_LOG.setLevel(Level.WARNING);
    int roundCount = rounds != null ? rounds : quick ? 1 : 7;
    Duration window = Duration.ofMillis(windowMillis != null ? windowMillis : quick ? 150 : 1000);
    Duration warmUp = quick ? Duration.ofMillis(300) : Duration.ofSeconds(3);
    Progress progress = new Progress(System.out);
    String loadBefore = Machine.loadAverage();
    Machine machine = Machine.describe(Optional.empty());
    progress.line("per-call benchmark on %s, load average %s", machine.summary(), loadBefore);
    StringBuilder report = new StringBuilder();
    try (FakeMaster master = FakeMaster.start();
        IsolatedClients isolated =
            new IsolatedClients(
                clientsDirectory != null
                    ? clientsDirectory
                    : launcherLocation().getParent().resolve("clients"))) {
      Map<String, BackendClient> clients = open(isolated, master);
      try {
        // One session per caller thread, created before any window (not measured).
        int mostThreads = Math.max(16, Collections.max(threadCounts));
        Map<String, List<Object>> sessions = new LinkedHashMap<>();
        for (Map.Entry<String, BackendClient> client : clients.entrySet()) {
          List<Object> created = new ArrayList<>();
          for (int i = 0; i < mostThreads; i++) {
            created.add(client.getValue().createSession());
          }
          sessions.put(client.getKey(), created);
        }
        for (RepeatedCall.Operation operation : operations) {
          for (int turn = 0; turn < 2; turn++) {
            for (Map.Entry<String, BackendClient> client : clients.entrySet()) {
              progress.line("warm-up: %s, %s, 16 threads", client.getKey(), operation.label);
              RepeatedCall.measure(
                  client.getValue(), sessions.get(client.getKey()), operation, 16, warmUp);
            }
          }
          Map<Integer, Map<String, List<RepeatedCall>>> byThreads = new LinkedHashMap<>();
          for (int threads : threadCounts) {
            Map<String, List<RepeatedCall>> windows = new LinkedHashMap<>();
            clients.keySet().forEach(label -> windows.put(label, new ArrayList<>()));
            for (int round = 0; round < roundCount; round++) {
              List<String> order = new ArrayList<>(clients.keySet());
              Collections.rotate(order, -round);
              for (String label : order) {
                RepeatedCall measured =
                    RepeatedCall.measure(
                        clients.get(label), sessions.get(label), operation, threads, window);
                windows.get(label).add(measured);
                progress.line(
                    "%s, %d threads, round %d/%d, %s: %,.0f calls/s, p99 %.2f ms%s",
                    operation.label,
                    threads,
                    round + 1,
                    roundCount,
                    label,
                    measured.callsPerSecond(),
                    measured.latency().at(99) / 1e6,
                    measured.failed() > 0
                        ? ", " + measured.failed() + " failed: " + measured.firstFailure()
                        : "");
              }
            }
            byThreads.put(threads, windows);
          }
          report.append(markdown(operation, byThreads));
        }
      } finally {
        clients.values().forEach(BackendClient::close);
      }
      report
          .append("\nFake master: ")
          .append(master.challengedRequests())
          .append(" requests answered 401 (sent without credentials), ")
          .append(master.unknownRequests())
          .append(" unknown requests answered 404.\n");
    }
    report
        .append("Machine: ")
        .append(machine.summary())
        .append(". Load average (1, 5, 15 min) at start: ")
        .append(loadBefore)
        .append("; at end: ")
        .append(Machine.loadAverage())
        .append(".\nCommand: `")
        .append(COMMAND)
        .append(quick ? " --quick" : "")
        .append("`; ")
        .append(roundCount)
        .append(" rounds of ")
        .append(window.toMillis())
        .append(" ms windows per client and thread count; ")
        .append(Math.round(progress.elapsedSeconds()))
        .append(" s.\n");
    System.out.println();
    System.out.println(report);
    return 0;
  }

  private Map<String, BackendClient> open(IsolatedClients isolated, FakeMaster master) {
    ClientSettings settings = ClientSettings.defaults(master.url(), "MY_SECRET");
    Map<String, BackendClient> clients = new LinkedHashMap<>();
    if (wanted("ours")) {
      clients.put("ours", isolated.open(ClientKind.OURS, settings));
    }
    if (wanted("ours-baseline") && isolated.has(ClientKind.OURS_BASELINE)) {
      clients.put("ours-baseline", isolated.open(ClientKind.OURS_BASELINE, settings));
    }
    if (wanted("official")) {
      clients.put("official", isolated.open(ClientKind.OFFICIAL, settings));
    }
    if (wanted("raw-okhttp")) {
      clients.put("raw-okhttp", isolated.open(ClientKind.RAW_OKHTTP, settings));
    }
    if (wanted("raw-sockets")) {
      clients.put(RAW_SOCKETS, new RawSocketClient(settings));
    }
    return clients;
  }

  private boolean wanted(String label) {
    return only == null || only.contains(label);
  }

  private static String markdown(
      RepeatedCall.Operation operation, Map<Integer, Map<String, List<RepeatedCall>>> byThreads) {
    StringBuilder out = new StringBuilder();
    out.append("\n## ").append(operation.label).append("\n\n");
    List<String> labels = new ArrayList<>(byThreads.values().iterator().next().keySet());
    List<String> headers = new ArrayList<>(List.of("threads"));
    for (String label : labels) {
      headers.add(label + " calls/s");
    }
    headers.addAll(List.of("ours / official", "ours / raw sockets"));
    MarkdownTable rates = new MarkdownTable(headers.toArray(String[]::new));
    MarkdownTable latency =
        new MarkdownTable(
            "threads",
            "client",
            "p50 ms",
            "p99 ms",
            "caller CPU us/call",
            "process CPU us/call",
            "calls",
            "failed");
    Map<Integer, Map<String, Double>> medians = new LinkedHashMap<>();
    byThreads.forEach(
        (threads, windows) -> {
          List<Object> row = new ArrayList<>(List.of(threads));
          Map<String, Double> median = new LinkedHashMap<>();
          for (String label : labels) {
            double rate =
                median(windows.get(label).stream().map(RepeatedCall::callsPerSecond).toList());
            median.put(label, rate);
            row.add(String.format(Locale.ROOT, "%,.0f", rate));
            Percentiles pooled =
                Percentiles.of(
                    windows.get(label).stream()
                        .flatMapToLong(window -> java.util.Arrays.stream(window.latencies()))
                        .toArray());
            latency.row(
                threads,
                label,
                String.format(Locale.ROOT, "%.3f", pooled.at(50) / 1e6),
                String.format(Locale.ROOT, "%.3f", pooled.at(99) / 1e6),
                String.format(
                    Locale.ROOT,
                    "%.1f",
                    median(
                        windows.get(label).stream()
                            .map(RepeatedCall::callerCpuMicrosPerCall)
                            .toList())),
                String.format(
                    Locale.ROOT,
                    "%.1f",
                    median(
                        windows.get(label).stream()
                            .map(RepeatedCall::processCpuMicrosPerCall)
                            .toList())),
                pooled.count(),
                windows.get(label).stream().mapToLong(RepeatedCall::failed).sum());
          }
          row.add(ratio(median, "ours", "official"));
          row.add(ratio(median, "ours", RAW_SOCKETS));
          rates.row(row.toArray());
          medians.put(threads, median);
        });
    out.append("Calls per second (median of the rounds):\n\n").append(rates.render()).append('\n');
    out.append(
            "Latency (all rounds pooled) and CPU time per call (median of the rounds; caller threads, "
                + "then the whole process, fake master included):\n\n")
        .append(latency.render())
        .append('\n');
    if (labels.contains("ours-baseline")) {
      out.append("Ours against the baseline build: ");
      medians.forEach(
          (threads, median) ->
              out.append(threads)
                  .append(" threads ")
                  .append(ratio(median, "ours", "ours-baseline"))
                  .append("; "));
      out.append('\n');
    }
    return out.toString();
  }

  private static String ratio(Map<String, Double> median, String over, String under) {
    Double a = median.get(over);
    Double b = median.get(under);
    return a == null || b == null || b == 0 ? "-" : String.format(Locale.ROOT, "%.2fx", a / b);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  private static Path launcherLocation() {
    try {
      return Path.of(
          PerCallBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the benchmarks jar", e);
    }
  }
}
