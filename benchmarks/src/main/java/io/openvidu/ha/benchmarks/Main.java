package io.openvidu.ha.benchmarks;

import io.openvidu.ha.benchmarks.allocation.AllocationBenchmark;
import io.openvidu.ha.benchmarks.allocation.AllocationResult;
import io.openvidu.ha.benchmarks.cluster.ClusterBenchmark;
import io.openvidu.ha.benchmarks.cluster.ClusterResult;
import io.openvidu.ha.benchmarks.failover.FailoverBenchmark;
import io.openvidu.ha.benchmarks.failover.FailoverResult;
import io.openvidu.ha.benchmarks.isolation.ClientKind;
import io.openvidu.ha.benchmarks.isolation.IsolatedClients;
import io.openvidu.ha.benchmarks.report.Machine;
import io.openvidu.ha.benchmarks.report.Progress;
import io.openvidu.ha.benchmarks.report.Report;
import io.openvidu.ha.benchmarks.throughput.ThroughputBenchmark;
import io.openvidu.ha.benchmarks.throughput.ThroughputResult;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the benchmarks of issue #8 in one JVM and prints one Markdown report, also written to
 * {@code benchmarks/results/<date>-<machine>.md}: our SDK, the official 2.20.0 client and raw OkHttp side by side
 * against an embedded reference cluster (throughput and latency, allocation, failover), then the cluster itself.
 * Progress lines come first, the report last. Never fails on a number.
 */
@Command(name = "benchmarks", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Measures our SDK, the official openvidu-java-client 2.20.0 and raw OkHttp side by side against an embedded",
        "reference cluster, then the cluster itself; prints a Markdown report and writes it under results/."})
public final class Main implements Callable<Integer> {
  static final String COMMAND = "mvn -B -q -pl benchmarks -am package -DskipTests && java -jar "
      + "benchmarks/target/benchmarks.jar";

  /** The parts of the run. */
  enum Section { THROUGHPUT, ALLOCATION, FAILOVER, CLUSTER }

  @Option(names = "--quick", description = "About a minute and a half instead of about four: shorter windows, one "
      + "round, our SDK against a hung master with a 2 s attempt timeout only.")
  boolean quick;

  @Option(names = "--only", split = ",", paramLabel = "SECTION",
      description = "Run only these sections: ${COMPLETION-CANDIDATES} (default: all).")
  Set<Section> only = EnumSet.allOf(Section.class);

  @Option(names = "--machine", paramLabel = "NAME",
      description = "Name of the machine in the report and its file name (default: the host name).")
  String machineName;

  @Option(names = "--results-dir", paramLabel = "DIR",
      description = "Where the report is written (default: the module's results/ directory).")
  Path resultsDirectory;

  @Option(names = "--clients-dir", paramLabel = "DIR",
      description = "The client jar sets built by the module (default: target/clients next to this jar).")
  Path clientsDirectory;

  public static void main(String[] args) {
    // Leftover threads of clients and servers must not keep the JVM alive once the report is out.
    System.exit(new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Profile profile = quick ? Profile.QUICK : Profile.FULL;
    Path target = launcherLocation().getParent();
    Progress progress = new Progress(System.out);
    Machine machine = Machine.describe(Optional.ofNullable(machineName));
    String loadBefore = Machine.loadAverage();
    progress.line("benchmarks, %s profile, sections %s, on %s", profile.name().toLowerCase(), only,
        machine.summary());

    Optional<ThroughputResult> throughput = Optional.empty();
    Optional<AllocationResult> allocation = Optional.empty();
    Optional<FailoverResult> failover = Optional.empty();
    Optional<ClusterResult> cluster = Optional.empty();
    Report report = new Report("Benchmarks, " + LocalDate.now() + ", " + machine.name());
    try (IsolatedClients clients = new IsolatedClients(
        clientsDirectory != null ? clientsDirectory : target.resolve("clients"))) {
      if (only.contains(Section.THROUGHPUT)) {
        throughput = Optional.of(new ThroughputBenchmark(clients, profile.throughput, progress).run());
      }
      if (only.contains(Section.ALLOCATION)) {
        allocation = Optional.of(new AllocationBenchmark(clients, profile.allocation, progress).run());
      }
      if (only.contains(Section.FAILOVER)) {
        Duration defaultAttemptTimeout = clients.constant(ClientKind.OURS,
            "io.openvidu.java.client.internal.transport.TransportSettings", "DEFAULT_ATTEMPT_TIMEOUT", Duration.class);
        failover = Optional.of(new FailoverBenchmark(clients, profile.failover, defaultAttemptTimeout, progress)
            .run());
      }
      if (only.contains(Section.CLUSTER)) {
        cluster = Optional.of(new ClusterBenchmark(clients, profile.cluster, progress).run());
      }
      report.line("Machine: " + machine.summary())
          .line("Command: `" + COMMAND + options() + "` (" + profile.name().toLowerCase() + " profile, "
              + Math.round(progress.elapsedSeconds()) + " s)")
          .line("Load average (1, 5, 15 min) at start: " + loadBefore + "; at end: " + Machine.loadAverage()
              + ". The machine may be shared: compare numbers within one run, not across runs.")
          .line("Clients, each in a class loader of its own: ours = " + clients.jarNames(ClientKind.OURS)
              + "; official = " + clients.jarNames(ClientKind.OFFICIAL) + "; raw OkHttp = "
              + clients.jarNames(ClientKind.RAW_OKHTTP))
          .line("Finished " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }
    if (throughput.isPresent() || failover.isPresent()) {
      report.section("Design targets", Targets.markdown(throughput, failover));
    }
    throughput.ifPresent(result -> report.section("1. Throughput and latency: the backend mix, one master",
        SectionNotes.THROUGHPUT + result.markdown()));
    allocation.ifPresent(result -> report.section("2. Allocation per call", SectionNotes.ALLOCATION
        + result.markdown()));
    failover.ifPresent(result -> report.section("3. Failover: one of three masters dies under load",
        SectionNotes.FAILOVER + result.markdown()));
    cluster.ifPresent(result -> report.section("4. The reference cluster", SectionNotes.CLUSTER
        + result.markdown()));

    String markdown = report.markdown();
    System.out.println();
    System.out.println(markdown);
    Path results = resultsDirectory != null ? resultsDirectory : target.getParent().resolve("results");
    Files.createDirectories(results);
    Path file = results.resolve(LocalDate.now() + "-" + machine.fileName() + (quick ? "-quick" : "") + ".md");
    Files.writeString(file, markdown);
    progress.line("report written to %s", file.toAbsolutePath().normalize());
    return 0;
  }

  /** The options that change what is measured, as given on the command line. */
  private String options() {
    String options = quick ? " --quick" : "";
    if (!only.equals(EnumSet.allOf(Section.class))) {
      options += " --only " + only.stream().map(section -> section.name().toLowerCase())
          .collect(Collectors.joining(","));
    }
    return options;
  }

  /** Where this class was loaded from: {@code target/benchmarks.jar}, or {@code target/classes} in an IDE. */
  private static Path launcherLocation() {
    try {
      return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the benchmarks jar", e);
    }
  }
}
