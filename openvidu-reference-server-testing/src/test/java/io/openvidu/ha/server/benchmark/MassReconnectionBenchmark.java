package io.openvidu.ha.server.benchmark;

import io.openvidu.ha.server.api.ApiClient;
import io.openvidu.ha.server.cluster.OpenViduCluster;
import io.openvidu.ha.server.testing.SimulatedParticipant;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prints how long a crowd of participants takes to reconnect through another master at once, as
 * after their master died: {@code participants} (default 400) in sessions of {@code perSession}
 * (default 100) join through master 1 of a 2-master in-memory cluster, all lose their connections,
 * then 16 threads reconnect them through master 2. A benchmark, not a test: it prints reconnections
 * per second and failures, and never fails on a number.
 *
 * <pre>
 * java -cp "openvidu-reference-server-testing/target/test-classes:$(cat cp.txt)" \
 *     io.openvidu.ha.server.benchmark.MassReconnectionBenchmark 400 100 2&gt;/dev/null
 * </pre>
 */
public final class MassReconnectionBenchmark {
  private static final int THREADS = 16;

  private MassReconnectionBenchmark() {}

  public static void main(String[] args) throws Exception {
    int participants = args.length > 0 ? Integer.parseInt(args[0]) : 400;
    int perSession = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    try (OpenViduCluster cluster = OpenViduCluster.builder().masters(2).start()) {
      // The first round pays for class loading and compilation; the second is measured.
      round(cluster, Math.min(participants, 100), perSession, "warm-up");
      round(cluster, participants, perSession, "measured");
    }
  }

  private static void round(OpenViduCluster cluster, int participants, int perSession, String label)
      throws Exception {
    URI first = URI.create(cluster.urlList().get(0));
    URI second = URI.create(cluster.urlList().get(1));
    ApiClient api = ApiClient.of(cluster.urlList().get(0), cluster.secret());
    List<SimulatedParticipant> crowd = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      String sessionId = null;
      for (int i = 0; i < participants; i++) {
        if (i % perSession == 0) {
          sessionId = api.post("/openvidu/api/sessions", null).json().get("id").asText();
        }
        String token =
            api.post("/openvidu/api/sessions/" + sessionId + "/connection", "{}")
                .json()
                .get("token")
                .asText();
        crowd.add(SimulatedParticipant.builder(token).via(first).join());
      }
      crowd.forEach(SimulatedParticipant::dropConnection);
      AtomicInteger failed = new AtomicInteger();
      long started = System.nanoTime();
      List<Future<?>> reconnecting = new ArrayList<>();
      for (SimulatedParticipant participant : crowd) {
        reconnecting.add(
            pool.submit(
                () -> {
                  try {
                    participant.reconnect(second);
                  } catch (RuntimeException e) {
                    failed.incrementAndGet();
                  }
                }));
      }
      for (Future<?> each : reconnecting) {
        each.get();
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          "%s: %d participants (%d per session) reconnected through another master in %.2f s:"
              + " %.0f/s, %d failed%n",
          label, participants, perSession, seconds, participants / seconds, failed.get());
    } finally {
      pool.shutdownNow();
      crowd.forEach(SimulatedParticipant::close);
    }
  }
}
