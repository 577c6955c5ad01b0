package io.openvidu.ha.server.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvidu.ha.server.api.ApiClient;
import io.openvidu.ha.server.cluster.OpenViduCluster;
import io.openvidu.ha.server.testing.SimulatedParticipant;
import io.openvidu.ha.server.testing.WebhookReceiverServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prints how many webhook events per second a 3-master in-memory cluster delivers under the
 * examples' traffic (sessions created by REST, a participant joining through another master,
 * publishing and leaving: 6 events each), and the delay from the change (the event's {@code
 * timestamp}) to its arrival at a real HTTP receiver (p50, p99): with every master healthy, then
 * with master 1 killed halfway. A benchmark, not a test: it never fails on a number. Run with
 * {@code mvn -pl openvidu-reference-server-testing test-compile exec:java
 * -Dexec.classpathScope=test
 * -Dexec.mainClass=io.openvidu.ha.server.webhook.WebhookDeliveryBenchmark}.
 */
public final class WebhookDeliveryBenchmark {
  private static final int THREADS = 8;
  private static final Duration MEASURE = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private WebhookDeliveryBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.out.printf(
        "%-22s %8s %10s %10s %10s %8s%n",
        "scenario", "events", "events/s", "p50 ms", "p99 ms", "repeats");
    run("warm-up (not measured)", false, Duration.ofSeconds(5), false);
    run("3 masters healthy", false, MEASURE, true);
    run("master 1 killed at 5 s", true, MEASURE, true);
    System.exit(0);
  }

  private static void run(String name, boolean kill, Duration duration, boolean print)
      throws Exception {
    try (WebhookReceiverServer receiver = new WebhookReceiverServer();
        OpenViduCluster cluster =
            OpenViduCluster.builder()
                .masters(3)
                .webhook(WebhookSettings.builder().endpoint(receiver.url()).build())
                .start()) {
      long end = System.currentTimeMillis() + duration.toMillis();
      long killAt = System.currentTimeMillis() + duration.toMillis() / 2;
      AtomicInteger loops = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        workers.add(
            pool.submit(
                () -> {
                  while (System.currentTimeMillis() < end) {
                    int restMaster = kill ? 0 : thread % 3;
                    int rpcMaster = kill ? 2 : (thread + 1) % 3;
                    ApiClient api = ApiClient.of(cluster.master(restMaster).url(), "MY_SECRET");
                    String sessionId =
                        api.post("/openvidu/api/sessions", "{}").json().path("id").asText();
                    String token =
                        api.post("/openvidu/api/sessions/" + sessionId + "/connection", "{}")
                            .json()
                            .path("token")
                            .asText();
                    try (SimulatedParticipant participant =
                        SimulatedParticipant.builder(token)
                            .via(URI.create(cluster.master(rpcMaster).url()))
                            .join()) {
                      participant.publish();
                      participant.leave();
                    }
                    loops.incrementAndGet();
                  }
                  return null;
                }));
      }
      if (kill) {
        Thread.sleep(Math.max(0, killAt - System.currentTimeMillis()));
        cluster.master(1).kill();
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
      pool.shutdown();
      int expected = loops.get() * 6;
      long deadline = System.currentTimeMillis() + 60_000;
      while (unique(receiver).size() < expected && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      if (print) {
        report(name, receiver, expected);
      }
    }
  }

  private static Set<String> unique(WebhookReceiverServer receiver) {
    Set<String> ids = new HashSet<>();
    for (WebhookReceiverServer.Post post : receiver.acceptedPosts()) {
      ids.add(post.headers().get("Webhook-id").get(0));
    }
    return ids;
  }

  private static void report(String name, WebhookReceiverServer receiver, int expected)
      throws Exception {
    Set<String> seen = new HashSet<>();
    List<Long> delays = new ArrayList<>();
    long first = Long.MAX_VALUE;
    long last = 0;
    int repeats = 0;
    for (WebhookReceiverServer.Post post : receiver.acceptedPosts()) {
      if (!seen.add(post.headers().get("Webhook-id").get(0))) {
        repeats++;
        continue;
      }
      JsonNode event = JSON.readTree(post.body());
      delays.add(post.receivedAt() - event.path("timestamp").asLong());
      first = Math.min(first, post.receivedAt());
      last = Math.max(last, post.receivedAt());
    }
    Collections.sort(delays);
    double seconds = Math.max(1, last - first) / 1000.0;
    System.out.printf(
        "%-22s %8s %10.0f %10d %10d %8d%n",
        name,
        seen.size() + "/" + expected,
        seen.size() / seconds,
        delays.isEmpty() ? 0 : delays.get(delays.size() / 2),
        delays.isEmpty() ? 0 : delays.get(Math.min(delays.size() - 1, delays.size() * 99 / 100)),
        repeats);
  }
}
