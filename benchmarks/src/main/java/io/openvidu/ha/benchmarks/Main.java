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
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the benchmarks of issue #8 in one JVM and prints one Markdown report, also written to {@code
 * benchmarks/results/<date>-<machine>.md}: our SDK, the official 2.20.0 client and raw OkHttp side
 * by side against an embedded reference cluster (throughput and latency, allocation, failover),
 * then the cluster itself. Progress lines come first, the report last. Never fails on a number.
 */
@Command(
    name = "benchmarks",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Measures our SDK, the official openvidu-java-client 2.20.0 and raw OkHttp side by side against an "
          + "embedded reference cluster, then the cluster itself.",
      "Prints progress lines, then a Markdown report, also written under results/."
    })
public final class Main implements Callable<Integer> {
  static final String COMMAND =
      "mvn -B -q -pl benchmarks -am package -DskipTests && java -jar "
          + "benchmarks/target/benchmarks.jar";

  /** The parts of the run, in order. */
  enum Section {
    THROUGHPUT("1. Throughput and latency: the backend mix, one master", SectionNotes.THROUGHPUT),
    ALLOCATION("2. Allocation and CPU per call", SectionNotes.ALLOCATION),
    FAILOVER("3. Failover: one of three masters dies under load", SectionNotes.FAILOVER),
    CLUSTER("4. The reference cluster", SectionNotes.CLUSTER);

    final String title;
    final String notes;

    Section(String title, String notes) {
      this.title = title;
      this.notes = notes;
    }
  }

  // The official client's Apache HttpClient logs through java.util.logging, which holds its loggers
  // weakly: keep
  // this one so that its level stays set.
  private static final Logger APACHE_HTTP_LOG = Logger.getLogger("org.apache.http");

  private final Map<Section, Exception> failed = new EnumMap<>(Section.class);

  @Option(
      names = "--quick",
      description =
          "About two minutes instead of four to five: fewer windows and "
              + "shorter warm-ups; our SDK meets the hung master with a 2 s attempt timeout only and never trusts "
              + "idempotency keys.")
  boolean quick;

  @Option(
      names = "--only",
      split = ",",
      paramLabel = "SECTION",
      description = "Run only these sections: ${COMPLETION-CANDIDATES} (default: all).")
  Set<Section> only = EnumSet.allOf(Section.class);

  @Option(
      names = "--machine",
      paramLabel = "NAME",
      description = "Name of the machine in the report and its file name (default: the host name).")
  String machineName;

  @Option(
      names = "--results-dir",
      paramLabel = "DIR",
      description = "Where the report is written (default: the module's results/ directory).")
  Path resultsDirectory;

  @Option(
      names = "--clients-dir",
      paramLabel = "DIR",
      description =
          "The client jar sets built by the module (default: target/clients next to this jar).")
  Path clientsDirectory;

  public static void main(String[] args) {
    // Leftover threads of clients and servers must not keep the JVM alive once the report is out.
    System.exit(
        new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Profile profile = quick ? Profile.QUICK : Profile.FULL;
    Path target = launcherLocation().getParent();
    Progress progress = new Progress(System.out);
    Machine machine = Machine.describe(Optional.ofNullable(machineName));
    String loadBefore = Machine.loadAverage();
    progress.line(
        "benchmarks, %s profile, sections %s, on %s",
        profile.name().toLowerCase(), only, machine.summary());

    // Its retries of requests to a dead master are INFO lines on standard error; the report counts
    // what matters.
    APACHE_HTTP_LOG.setLevel(Level.WARNING);
    Optional<ThroughputResult> throughput;
    Optional<AllocationResult> allocation;
    Optional<FailoverResult> failover;
    Optional<ClusterResult> cluster;
    Report report = new Report("Benchmarks, " + LocalDate.now() + ", " + machine.name());
    try (IsolatedClients clients =
        new IsolatedClients(
            clientsDirectory != null ? clientsDirectory : target.resolve("clients"))) {
      throughput =
          run(
              Section.THROUGHPUT,
              progress,
              () -> new ThroughputBenchmark(clients, profile.throughput, progress).run());
      allocation =
          run(
              Section.ALLOCATION,
              progress,
              () -> new AllocationBenchmark(clients, profile.allocation, progress).run());
      failover =
          run(
              Section.FAILOVER,
              progress,
              () ->
                  new FailoverBenchmark(
                          clients,
                          profile.failover,
                          clients.constant(
                              ClientKind.OURS,
                              "io.openvidu.java.client.internal.transport.TransportSettings",
                              "DEFAULT_ATTEMPT_TIMEOUT",
                              Duration.class),
                          progress)
                      .run());
      cluster =
          run(
              Section.CLUSTER,
              progress,
              () -> new ClusterBenchmark(clients, profile.cluster, progress).run());
      report
          .line("Machine: " + machine.summary())
          .line(
              "Command: `"
                  + COMMAND
                  + options()
                  + "` ("
                  + profile.name().toLowerCase()
                  + " profile, "
                  + Math.round(progress.elapsedSeconds())
                  + " s)")
          .line(
              "Load average (1, 5, 15 min) at start: "
                  + loadBefore
                  + "; at end: "
                  + Machine.loadAverage()
                  + ". The machine may be shared: compare numbers within one run, not across runs.")
          .line(
              "Clients, each in a class loader of its own: ours = "
                  + clients.jarNames(ClientKind.OURS)
                  + "; official = "
                  + clients.jarNames(ClientKind.OFFICIAL)
                  + "; raw OkHttp = "
                  + clients.jarNames(ClientKind.RAW_OKHTTP))
          .line("Finished " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }
    if (throughput.isPresent() || failover.isPresent()) {
      report.section("Design targets", Targets.markdown(throughput, failover));
    }
    section(report, Section.THROUGHPUT, throughput.map(ThroughputResult::markdown));
    section(report, Section.ALLOCATION, allocation.map(AllocationResult::markdown));
    section(report, Section.FAILOVER, failover.map(FailoverResult::markdown));
    section(report, Section.CLUSTER, cluster.map(ClusterResult::markdown));

    String markdown = report.markdown();
    System.out.println();
    System.out.println(markdown);
    Path results =
        resultsDirectory != null ? resultsDirectory : target.getParent().resolve("results");
    Files.createDirectories(results);
    Path file =
        results.resolve(
            LocalDate.now() + "-" + machine.fileName() + (quick ? "-quick" : "") + ".md");
    Files.writeString(file, markdown);
    progress.line("report written to %s", file.toAbsolutePath().normalize());
    return failed.isEmpty() ? 0 : 1;
  }

  /**
   * Runs a section if it was asked for. A section that fails is reported as failed (its stack trace
   * on standard error) and the run goes on: the other sections' minutes are not lost.
   */
  private <T> Optional<T> run(Section section, Progress progress, Callable<T> benchmark) {
    if (!only.contains(section)) {
      return Optional.empty();
    }
    try {
      return Optional.of(benchmark.call());
    } catch (Exception e) {
      failed.put(section, e);
      progress.line("%s failed: %s", section.title, e);
      e.printStackTrace();
      return Optional.empty();
    }
  }

  private void section(Report report, Section section, Optional<String> markdown) {
    if (markdown.isPresent()) {
      report.section(section.title, section.notes + markdown.get());
    } else if (failed.containsKey(section)) {
      report.section(
          section.title, "Failed: `" + failed.get(section) + "` (stack trace on standard error).");
    }
  }

  /** The options that change what is measured, as given on the command line. */
  private String options() {
    String options = quick ? " --quick" : "";
    if (!only.equals(EnumSet.allOf(Section.class))) {
      options +=
          " --only "
              + only.stream()
                  .map(section -> section.name().toLowerCase())
                  .collect(Collectors.joining(","));
    }
    return options;
  }

  /**
   * Where this class was loaded from: {@code target/benchmarks.jar}, or {@code target/classes} in
   * an IDE.
   */
  private static Path launcherLocation() {
    try {
      return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the benchmarks jar", e);
    }
  }
}
