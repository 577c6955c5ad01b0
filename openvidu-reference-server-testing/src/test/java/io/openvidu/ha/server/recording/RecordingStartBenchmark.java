package io.openvidu.ha.server.recording;

import io.openvidu.ha.server.api.ApiClient;
import io.openvidu.ha.server.cluster.OpenViduCluster;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints how long {@code POST /recordings/start} takes for the first recording after a cluster
 * starts and for later ones, in a fresh JVM: COMPOSED, COMPOSED_QUICK_START (a session whose
 * default output mode it is), and COMPOSED on a media node added after the start. One line per run,
 * so that a loop of fresh JVMs gives the spread over cluster starts. Not a test: it measures and
 * prints, and never fails on a number. The emulated launch times are zero, so that what is timed is
 * the cluster's own work (a start waits for its launch time on top of it).
 *
 * <pre>
 * mvn -q -Dmaven.repo.local=... -pl openvidu-reference-server-testing -am test-compile
 * mvn -q -pl openvidu-reference-server-testing dependency:build-classpath -Dmdep.outputFile=cp.txt \
 *     -Dmdep.includeScope=test
 * for i in $(seq 10); do java -cp "target/test-classes:target/classes:$(cat cp.txt)" \
 *     io.openvidu.ha.server.recording.RecordingStartBenchmark 20 2&gt;/dev/null; done
 * </pre>
 */
public final class RecordingStartBenchmark {

  private static final String QUICK_START =
      "{\"defaultRecordingProperties\":{\"outputMode\":\"COMPOSED_QUICK_START\"}}";

  private RecordingStartBenchmark() {}

  public static void main(String[] args) {
    int later = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    long clusterStart = System.nanoTime();
    try (OpenViduCluster cluster =
            OpenViduCluster.builder()
                .recordingSettings(
                    RecordingSettings.defaults().withLaunchTimes(Duration.ZERO, Duration.ZERO))
                .start();
        Participants participants =
            new Participants(
                ApiClient.of(cluster.urlList().get(0), cluster.secret()),
                URI.create(cluster.urlList().get(0)))) {
      double startupMillis = (System.nanoTime() - clusterStart) / 1e6;
      ApiClient api = ApiClient.of(cluster.urlList().get(0), cluster.secret());
      // A session of the node first, as a real application has one before it records: not what we
      // measure.
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
      System.out.printf(
          "cluster start %7.1f ms | COMPOSED first %6.1f later median %5.1f | "
              + "QUICK_START first %6.1f later median %5.1f | added node first %6.1f later median"
              + " %5.1f (ms, n=%d)%n",
          startupMillis,
          composed.get(0),
          medianOfLater(composed),
          quickStart.get(0),
          medianOfLater(quickStart),
          addedNode.get(0),
          medianOfLater(addedNode),
          later);
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
}
