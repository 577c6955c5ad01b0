package io.openvidu.ha.server.recording;

import io.openvidu.ha.server.api.ApiClient;
import io.openvidu.ha.server.cluster.NodeProcess;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Prints how long {@code POST /recordings/start} takes for the first recording after a cluster
 * starts and for later ones: COMPOSED, COMPOSED_QUICK_START (a session whose default output mode it
 * is), and COMPOSED on a media node added after the start. Not a test: it measures and prints, and
 * never fails on a number.
 *
 * <p>Each run starts the cluster as users do, a master process of its own ({@code Main}, the JVM's
 * default options, the recording warm-up on), so that each first start is the first of a fresh JVM,
 * and this JVM only drives it over HTTP and WebSockets. This JVM's own first calls are paid for on
 * a throw-away process before the first run: what is timed is the cluster's work and the network,
 * not the benchmark's class loading. The emulated launch times are zero (a start waits for its
 * launch time on top of what is timed). A control beside them: the session creation before each
 * COMPOSED start, a request that is no recording, first and later at the same moments of the JVM's
 * life as the starts (what it shows for its first is what any first request pays). Each start is
 * timed twice: its wall time as the client sees it, and the CPU time every thread of the master
 * process used meanwhile (compiler and collector threads included: on a loaded machine it moves
 * less than the wall time). One line per run, then the medians over the runs.
 *
 * <pre>
 * mvn -q -pl openvidu-reference-server-testing -am test-compile
 * mvn -q -pl openvidu-reference-server-testing dependency:build-classpath -Dmdep.outputFile=cp.txt \
 *     -Dmdep.includeScope=test
 * java -cp "openvidu-reference-server-testing/target/test-classes:$(cat cp.txt)" \
 *     io.openvidu.ha.server.recording.RecordingStartBenchmark 10 15 2&gt;/dev/null
 * </pre>
 *
 * Arguments: cluster starts (default 10), later starts per kind (default 15), and optionally the
 * master's JVM options; several option sets separated by {@code |} are measured in alternating
 * runs, each with its own medians (e.g. {@code "|-XX:TieredStopAtLevel=1"}: defaults against C1
 * only).
 */
public final class RecordingStartBenchmark {

  private static final String QUICK_START =
      "{\"defaultRecordingProperties\":{\"outputMode\":\"COMPOSED_QUICK_START\"}}";

  private RecordingStartBenchmark() {}

  /** One kind's starts in one run: the first, and the median of the later ones. */
  private record Starts(Sample first, Sample later) {

    static Starts of(List<Sample> samples) {
      List<Sample> rest = samples.subList(1, samples.size());
      return new Starts(
          samples.get(0),
          new Sample(
              medianOf(rest.stream().map(Sample::wallMillis).toList()),
              medianOf(rest.stream().map(Sample::serverCpuMillis).toList())));
    }

    @Override
    public String toString() {
      return String.format(
          "first %5.1f later %5.1f ms, server CPU first %5.1f later %5.1f ms",
          first.wallMillis(), later.wallMillis(), first.serverCpuMillis(), later.serverCpuMillis());
    }
  }

  /** One start: its wall time and the CPU time the master process spent meanwhile. */
  private record Sample(double wallMillis, double serverCpuMillis) {}

  /** One cluster start's figures. */
  private record Run(
      double clusterStart, Starts composed, Starts quickStart, Starts addedNode, Starts control) {

    @Override
    public String toString() {
      return String.format(
          "cluster start %6.0f ms%n    COMPOSED    %s%n    QUICK_START %s%n    added node  %s%n"
              + "    control     %s",
          clusterStart, composed, quickStart, addedNode, control);
    }
  }

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int later = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    // Several JVM option sets, separated by '|', are measured in alternating runs: an A/B whose
    // halves see the same machine.
    List<List<String>> masterJvms =
        args.length > 2
            ? Arrays.stream(args[2].split("\\|"))
                .map(String::trim)
                .map(
                    options ->
                        options.isEmpty() ? List.<String>of() : List.of(options.split("\\s+")))
                .toList()
            : List.of(List.of());
    Path work = Files.createTempDirectory("recording-start-benchmark");
    System.out.println("Warming this JVM's client code on a throw-away cluster process...");
    measure(work.resolve("client-warm-up"), 5, masterJvms.get(0));
    Map<List<String>, List<Run>> all = new LinkedHashMap<>();
    for (int i = 1; i <= runs * masterJvms.size(); i++) {
      List<String> masterJvm = masterJvms.get((i - 1) % masterJvms.size());
      Run run = measure(work.resolve("run-" + i), later, masterJvm);
      all.computeIfAbsent(masterJvm, options -> new ArrayList<>()).add(run);
      System.out.printf("run %2d %s: %s%n", i, masterJvm, run);
    }
    all.forEach(
        (masterJvm, its) -> {
          System.out.printf(
              "master JVM options %s, medians of %d runs (ratio: median of each run's first /"
                  + " later):%n",
              masterJvm, its.size());
          summarize("COMPOSED   ", its, Run::composed);
          summarize("QUICK_START", its, Run::quickStart);
          summarize("added node ", its, Run::addedNode);
          summarize("control    ", its, Run::control);
          System.out.printf(
              "cluster start %.0f ms%n", medianOf(its.stream().map(Run::clusterStart).toList()));
        });
  }

  private static void summarize(String kind, List<Run> runs, Function<Run, Starts> starts) {
    List<Starts> all = runs.stream().map(starts).toList();
    System.out.printf(
        "%s wall: first %5.1f vs later %5.1f ms (%.2fx) | server CPU: first %5.1f vs later %5.1f"
            + " ms (%.2fx)%n",
        kind,
        medianOf(all.stream().map(s -> s.first().wallMillis()).toList()),
        medianOf(all.stream().map(s -> s.later().wallMillis()).toList()),
        medianOf(all.stream().map(s -> s.first().wallMillis() / s.later().wallMillis()).toList()),
        medianOf(all.stream().map(s -> s.first().serverCpuMillis()).toList()),
        medianOf(all.stream().map(s -> s.later().serverCpuMillis()).toList()),
        medianOf(
            all.stream()
                .map(s -> s.first().serverCpuMillis() / s.later().serverCpuMillis())
                .toList()));
  }

  /** Starts a cluster process in {@code dir} and times its recording starts. */
  private static Run measure(Path dir, int later, List<String> masterJvm) throws Exception {
    Files.createDirectories(dir);
    long launched = System.nanoTime();
    try (NodeProcess.Launch launch =
            NodeProcess.launch(
                dir.resolve("master.log"),
                masterJvm,
                "--port",
                "0",
                "--recordings-dir",
                dir.resolve("recordings").toString(),
                "--recording-container-launch-ms",
                "0",
                "--recording-recorder-start-ms",
                "0");
        NodeProcess master = launch.get()) {
      double clusterStart = (System.nanoTime() - launched) / 1e6;
      String url = master.firstUrl();
      ApiClient api = ApiClient.of(url, "MY_SECRET");
      ProcessCpuClock cpu = new ProcessCpuClock(master.pid());
      try (Participants participants = new Participants(api, URI.create(url))) {
        // A session of the node first, as a real application has one before it records: not what
        // is measured.
        participants.sessionWithPublisher();
        List<Sample> composed = new ArrayList<>();
        List<Sample> quickStart = new ArrayList<>();
        List<Sample> control = new ArrayList<>();
        for (int i = 0; i <= later; i++) {
          // The control: creating the session of each COMPOSED start, a request that is no
          // recording, timed at the same moments of the JVM's life.
          double cpuBefore = cpu.millis();
          long started = System.nanoTime();
          String sessionId = participants.session(null);
          control.add(new Sample((System.nanoTime() - started) / 1e6, cpu.millis() - cpuBefore));
          participants.publish(participants.join(sessionId, "PUBLISHER"));
          composed.add(timeStart(api, cpu, sessionId));
          quickStart.add(timeStart(api, cpu, sessionWithPublisher(participants, QUICK_START)));
        }
        String node =
            api.post(
                    "/openvidu/api/media-nodes?wait=true",
                    "{\"uri\":\"ws://10.9.9.9:8888/kurento\",\"environmentId\":\"benchmark\"}")
                .json()
                .get("id")
                .asText();
        String onNode = "{\"mediaNode\":{\"id\":\"" + node + "\"}}";
        List<Sample> addedNode = new ArrayList<>();
        for (int i = 0; i <= later; i++) {
          addedNode.add(timeStart(api, cpu, sessionWithPublisher(participants, onNode)));
        }
        return new Run(
            clusterStart,
            Starts.of(composed),
            Starts.of(quickStart),
            Starts.of(addedNode),
            Starts.of(control));
      }
    }
  }

  private static String sessionWithPublisher(Participants participants, String body) {
    String sessionId = participants.session(body);
    participants.publish(participants.join(sessionId, "PUBLISHER"));
    return sessionId;
  }

  /** Starts and stops a recording of the session; returns what the start cost. */
  private static Sample timeStart(ApiClient api, ProcessCpuClock cpu, String sessionId) {
    double cpuBefore = cpu.millis();
    long started = System.nanoTime();
    ApiClient.Reply reply =
        api.post("/openvidu/api/recordings/start", "{\"session\":\"" + sessionId + "\"}");
    double millis = (System.nanoTime() - started) / 1e6;
    double cpuMillis = cpu.millis() - cpuBefore;
    if (reply.status() != 200) {
      throw new IllegalStateException("start answered " + reply.status() + " " + reply.body());
    }
    api.post("/openvidu/api/recordings/stop/" + reply.json().get("id").asText(), null);
    return new Sample(millis, cpuMillis);
  }

  private static double medianOf(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    return sorted.get(sorted.size() / 2);
  }

  /**
   * The CPU time all threads of a process have used, from Linux's per-thread scheduler statistics
   * (nanoseconds; {@code /proc/PID/stat} counts in 10 ms ticks, too coarse for a start of a few
   * milliseconds). NaN where {@code /proc} does not have them. The compiler and collector threads
   * count: a start that makes the JIT compile costs that.
   */
  private record ProcessCpuClock(long pid) {

    double millis() {
      Path tasks = Path.of("/proc", Long.toString(pid), "task");
      long nanos = 0;
      try (var threads = Files.list(tasks)) {
        for (Path thread : threads.toList()) {
          try {
            String stats = Files.readString(thread.resolve("schedstat"));
            nanos += Long.parseLong(stats.substring(0, stats.indexOf(' ')));
          } catch (java.io.IOException ended) {
            // The thread ended between the listing and the read.
          }
        }
      } catch (java.io.IOException e) {
        return Double.NaN;
      }
      return nanos / 1e6;
    }
  }
}
