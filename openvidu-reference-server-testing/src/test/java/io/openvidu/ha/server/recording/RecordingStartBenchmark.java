package io.openvidu.ha.server.recording;

import io.openvidu.ha.server.api.ApiClient;
import io.openvidu.ha.server.cluster.NodeProcess;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * launch time on top of what is timed). One line per run, then the medians over the runs.
 *
 * <pre>
 * mvn -q -pl openvidu-reference-server-testing -am test-compile
 * mvn -q -pl openvidu-reference-server-testing dependency:build-classpath -Dmdep.outputFile=cp.txt \
 *     -Dmdep.includeScope=test
 * java -cp "openvidu-reference-server-testing/target/test-classes:$(cat cp.txt)" \
 *     io.openvidu.ha.server.recording.RecordingStartBenchmark 10 15 2&gt;/dev/null
 * </pre>
 *
 * Arguments: cluster starts (default 10), later starts per kind (default 15).
 */
public final class RecordingStartBenchmark {

  private static final String QUICK_START =
      "{\"defaultRecordingProperties\":{\"outputMode\":\"COMPOSED_QUICK_START\"}}";

  private RecordingStartBenchmark() {}

  /** One cluster start's figures, in milliseconds. */
  private record Run(
      double clusterStart,
      double composedFirst,
      double composedLater,
      double quickStartFirst,
      double quickStartLater,
      double addedNodeFirst,
      double addedNodeLater) {

    @Override
    public String toString() {
      return String.format(
          "cluster start %7.1f | COMPOSED first %6.1f later median %5.1f | QUICK_START first %6.1f"
              + " later median %5.1f | added node first %6.1f later median %5.1f (ms)",
          clusterStart,
          composedFirst,
          composedLater,
          quickStartFirst,
          quickStartLater,
          addedNodeFirst,
          addedNodeLater);
    }
  }

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int later = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    Path work = Files.createTempDirectory("recording-start-benchmark");
    System.out.println("Warming this JVM's client code on a throw-away cluster process...");
    measure(work.resolve("client-warm-up"), 5);
    List<Run> all = new ArrayList<>();
    for (int i = 1; i <= runs; i++) {
      Run run = measure(work.resolve("run-" + i), later);
      all.add(run);
      System.out.printf("run %2d: %s%n", i, run);
    }
    System.out.printf(
        "median of %d runs: COMPOSED first %.1f vs later %.1f (%.2fx) | QUICK_START first %.1f vs"
            + " later %.1f (%.2fx) | added node first %.1f vs later %.1f (%.2fx) | cluster start"
            + " %.0f ms%n",
        runs,
        median(all, Run::composedFirst),
        median(all, Run::composedLater),
        median(all, r -> r.composedFirst() / r.composedLater()),
        median(all, Run::quickStartFirst),
        median(all, Run::quickStartLater),
        median(all, r -> r.quickStartFirst() / r.quickStartLater()),
        median(all, Run::addedNodeFirst),
        median(all, Run::addedNodeLater),
        median(all, r -> r.addedNodeFirst() / r.addedNodeLater()),
        median(all, Run::clusterStart));
  }

  /** Starts a cluster process in {@code dir} and times its recording starts. */
  private static Run measure(Path dir, int later) throws Exception {
    Files.createDirectories(dir);
    long launched = System.nanoTime();
    try (NodeProcess.Launch launch =
            NodeProcess.launch(
                dir.resolve("master.log"),
                List.of(),
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
      try (Participants participants = new Participants(api, URI.create(url))) {
        // A session of the node first, as a real application has one before it records: not what
        // is measured.
        participants.sessionWithPublisher();
        List<Double> composed = new ArrayList<>();
        List<Double> quickStart = new ArrayList<>();
        for (int i = 0; i <= later; i++) {
          composed.add(timeStart(api, sessionWithPublisher(participants, null)));
          quickStart.add(timeStart(api, sessionWithPublisher(participants, QUICK_START)));
        }
        String node =
            api.post(
                    "/openvidu/api/media-nodes?wait=true",
                    "{\"uri\":\"ws://10.9.9.9:8888/kurento\",\"environmentId\":\"benchmark\"}")
                .json()
                .get("id")
                .asText();
        String onNode = "{\"mediaNode\":{\"id\":\"" + node + "\"}}";
        List<Double> addedNode = new ArrayList<>();
        for (int i = 0; i <= later; i++) {
          addedNode.add(timeStart(api, sessionWithPublisher(participants, onNode)));
        }
        return new Run(
            clusterStart,
            composed.get(0),
            medianOfLater(composed),
            quickStart.get(0),
            medianOfLater(quickStart),
            addedNode.get(0),
            medianOfLater(addedNode));
      }
    }
  }

  private static String sessionWithPublisher(Participants participants, String body) {
    String sessionId = participants.session(body);
    participants.publish(participants.join(sessionId, "PUBLISHER"));
    return sessionId;
  }

  /** Starts and stops a recording of the session; returns how long the start took, in ms. */
  private static double timeStart(ApiClient api, String sessionId) {
    long started = System.nanoTime();
    ApiClient.Reply reply =
        api.post("/openvidu/api/recordings/start", "{\"session\":\"" + sessionId + "\"}");
    double millis = (System.nanoTime() - started) / 1e6;
    if (reply.status() != 200) {
      throw new IllegalStateException("start answered " + reply.status() + " " + reply.body());
    }
    api.post("/openvidu/api/recordings/stop/" + reply.json().get("id").asText(), null);
    return millis;
  }

  private static double medianOfLater(List<Double> millis) {
    List<Double> rest = new ArrayList<>(millis.subList(1, millis.size()));
    rest.sort(Double::compare);
    return rest.get(rest.size() / 2);
  }

  private static double median(List<Run> runs, Function<Run, Double> figure) {
    List<Double> values = new ArrayList<>(runs.stream().map(figure).toList());
    values.sort(Double::compare);
    return values.get(values.size() / 2);
  }
}
