package io.openvidu.ha.server.benchmark;

import io.openvidu.ha.server.cluster.OpenViduCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import redis.embedded.RedisServer;

/**
 * Prints the throughput and latency of the REST API over each store: 16 threads, each repeating
 * "create a session, create a connection, read the session" against a 2-master cluster (round
 * robin). A benchmark, not a test: it never fails on a number. Run with {@code mvn -pl
 * openvidu-reference-server test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.openvidu.ha.server.benchmark.RestThroughput}.
 */
public final class RestThroughput {
  private static final int THREADS = 16;
  private static final Duration WARM_UP = Duration.ofSeconds(3);
  private static final Duration MEASURE = Duration.ofSeconds(10);
  private static final HttpClient HTTP = HttpClient.newBuilder().build();
  private static final String AUTH =
      "Basic "
          + Base64.getEncoder()
              .encodeToString("OPENVIDUAPP:MY_SECRET".getBytes(StandardCharsets.UTF_8));

  private RestThroughput() {}

  public static void main(String[] args) throws Exception {
    System.out.printf(
        "%-8s %10s %10s %10s %10s%n", "store", "calls/s", "p50 ms", "p99 ms", "errors");
    try (OpenViduCluster warmUp = OpenViduCluster.builder().masters(2).start()) {
      // The first cluster of the JVM pays for class loading and compilation; measure nothing there.
      measure(warmUp, WARM_UP.multipliedBy(2));
    }
    try (OpenViduCluster memory = OpenViduCluster.builder().masters(2).start()) {
      run("memory", memory);
    }
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    RedisServer redis =
        RedisServer.newRedisServer().bind("127.0.0.1").port(port).setting("save \"\"").build();
    redis.start();
    try (OpenViduCluster overRedis =
        OpenViduCluster.builder().masters(2).store("redis://127.0.0.1:" + port).start()) {
      run("redis", overRedis);
    } finally {
      redis.stop();
    }
    System.exit(0);
  }

  private static void run(String name, OpenViduCluster cluster) throws Exception {
    measure(cluster, WARM_UP);
    Result result = measure(cluster, MEASURE);
    List<Long> latencies = result.latencies;
    Collections.sort(latencies);
    System.out.printf(
        "%-8s %10.0f %10.2f %10.2f %10d%n",
        name,
        latencies.size() / (double) MEASURE.toSeconds(),
        percentile(latencies, 0.50),
        percentile(latencies, 0.99),
        result.errors);
  }

  private static Result measure(OpenViduCluster cluster, Duration duration) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    long end = System.nanoTime() + duration.toNanos();
    AtomicInteger errors = new AtomicInteger();
    List<Future<List<Long>>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      futures.add(
          pool.submit(
              () -> {
                List<Long> latencies = new ArrayList<>();
                int i = 0;
                while (System.nanoTime() < end) {
                  String base = cluster.urlList().get((thread + i++) % cluster.urlList().size());
                  String id = "bench-" + thread + "-" + System.nanoTime();
                  time(
                      latencies,
                      errors,
                      base,
                      "POST",
                      "/openvidu/api/sessions",
                      "{\"customSessionId\":\"" + id + "\"}");
                  time(
                      latencies,
                      errors,
                      base,
                      "POST",
                      "/openvidu/api/sessions/" + id + "/connection",
                      "{}");
                  time(latencies, errors, base, "GET", "/openvidu/api/sessions/" + id, null);
                }
                return latencies;
              }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> future : futures) {
      all.addAll(future.get());
    }
    pool.shutdown();
    return new Result(all, errors.get());
  }

  private static void time(
      List<Long> latencies,
      AtomicInteger errors,
      String base,
      String method,
      String path,
      String body) {
    long start = System.nanoTime();
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(base + path))
                  .header("Authorization", AUTH)
                  .header("Content-Type", "application/json")
                  .method(
                      method,
                      body == null
                          ? HttpRequest.BodyPublishers.noBody()
                          : HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        errors.incrementAndGet();
      }
    } catch (Exception e) {
      errors.incrementAndGet();
    }
    latencies.add(System.nanoTime() - start);
  }

  private static double percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
  }

  private record Result(List<Long> latencies, int errors) {}
}
