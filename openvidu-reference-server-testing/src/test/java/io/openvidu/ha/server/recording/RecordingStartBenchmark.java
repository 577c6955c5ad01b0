package io.openvidu.ha.server.recording;

import io.openvidu.ha.server.api.ApiClient;
import io.openvidu.ha.server.cluster.OpenViduCluster;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints how long {@code POST /recordings/start} of a COMPOSED recording takes for a media node's
 * first recording and for its later ones, in a fresh JVM, with the warm-up the cluster does before
 * its media nodes report running. Not a test: it measures and prints, and never fails on a number.
 *
 * <pre>
 * mvn -q -pl openvidu-reference-server test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.openvidu.ha.server.recording.RecordingStartBenchmark [-Dexec.args=50]
 * </pre>
 */
public final class RecordingStartBenchmark {

  private RecordingStartBenchmark() {}

  public static void main(String[] args) {
    int later = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    long clusterStart = System.nanoTime();
    try (OpenViduCluster cluster = OpenViduCluster.builder().start();
        Participants participants =
            new Participants(
                ApiClient.of(cluster.urlList().get(0), cluster.secret()),
                URI.create(cluster.urlList().get(0)))) {
      double startupMillis = (System.nanoTime() - clusterStart) / 1e6;
      ApiClient api = ApiClient.of(cluster.urlList().get(0), cluster.secret());
      // A session of the node first, as a real application has one before it records: not what we
      // measure.
      participants.sessionWithPublisher();
      List<Double> millis = new ArrayList<>();
      for (int i = 0; i <= later; i++) {
        String sessionId = participants.sessionWithPublisher();
        long started = System.nanoTime();
        int status =
            api.post("/openvidu/api/recordings/start", "{\"session\":\"" + sessionId + "\"}")
                .status();
        millis.add((System.nanoTime() - started) / 1e6);
        if (status != 200) {
          throw new IllegalStateException("start answered " + status);
        }
        api.post("/openvidu/api/recordings/stop/" + sessionId, null);
      }
      List<Double> rest = new ArrayList<>(millis.subList(1, millis.size()));
      rest.sort(Double::compare);
      System.out.printf(
          "cluster start (includes the recording warm-up): %8.1f ms%n", startupMillis);
      System.out.printf(
          "first COMPOSED start of the node:               %8.1f ms%n", millis.get(0));
      System.out.printf(
          "later starts (n=%d): median %.1f ms, p90 %.1f ms, max %.1f ms%n",
          rest.size(),
          rest.get(rest.size() / 2),
          rest.get((int) (rest.size() * 0.9)),
          rest.get(rest.size() - 1));
    }
  }
}
