package io.openvidu.java.client.internal.transport;

import com.sun.net.httpserver.HttpServer;
import io.openvidu.java.client.internal.transport.http.TransportSettings;
import io.openvidu.java.client.transport.BalancingPolicy;
import io.openvidu.java.client.transport.OpenViduEventListener;
import io.openvidu.java.client.transport.RetryPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Measures, with the default settings, what a dead first endpoint adds to a call: a closed port
 * (refused at once) and a master that accepts connections and never answers. Not a test: it prints
 * a table and never fails on a number.
 *
 * <p>Each sample is the first call of a new transport (so the endpoint's failure is not yet known),
 * all of them sharing one warmed {@code OkHttpClient} so that the healthy endpoint's connection is
 * pooled, as it would be in a running application. The steady-state rows then show what later calls
 * pay once the dead endpoint is ejected: nothing, except the occasional call that probes it. The
 * last row offers calls at a steady rate, not waiting for earlier ones, to three endpoints one of
 * which hangs: it counts the calls that were sent into the hung endpoint before the transport
 * stopped sending it new ones, each of which pays the hedge delay (these calls are GETs, hedged to
 * another endpoint after a second), or the attempt timeout if no hedge could be sent.
 *
 * <p>Run: {@code mvn -q -pl openvidu-java-client test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.openvidu.java.client.internal.transport.FailoverLatencyBenchmark
 * [-Dexec.args=200]}
 */
public final class FailoverLatencyBenchmark {

  private static final int WARMUP = 200;
  private static final int HANG_PARALLELISM = 50;
  private static final long STEADY_SECONDS = 40;
  private static final long STEADY_PAUSE_MILLIS = 10;
  private static final int LOAD_PER_SECOND = 100;
  private static final int LOAD_SECONDS = 20;

  private final OkHttpClient sharedClient = new OkHttpClient();
  private final HttpUrl healthy;

  private FailoverLatencyBenchmark(HttpUrl healthy) {
    this.healthy = healthy;
  }

  public static void main(String[] args) throws Exception {
    // Every failover logs a WARN line; thousands of them would bury the table.
    // (The test resources' simplelogger.properties turns io.openvidu's DEBUG on; a system property
    // wins.)
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
    System.setProperty("org.slf4j.simpleLogger.log.io.openvidu", "error");
    int samples = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    // MockWebServer writes headers and body separately without TCP_NODELAY, so Nagle's algorithm
    // meets the
    // client's delayed ACK and every answer takes about 40 ms; the JDK's server with nodelay does
    // not.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    ExecutorService serverThreads = Executors.newFixedThreadPool(8);
    HttpServer server = startServer(serverThreads);
    HttpServer second = startServer(serverThreads);
    try (ServerSocket closed = bindAndClose();
        SilentServer silent = new SilentServer()) {
      HttpUrl healthy = HttpUrl.get("http://127.0.0.1:" + server.getAddress().getPort());
      HttpUrl healthy2 = HttpUrl.get("http://127.0.0.1:" + second.getAddress().getPort());
      HttpUrl refusing = HttpUrl.get("http://127.0.0.1:" + closed.getLocalPort());
      FailoverLatencyBenchmark bench = new FailoverLatencyBenchmark(healthy);

      System.out.printf(
          "defaults: connectTimeout=%d ms, attemptTimeout=%d ms, callTimeout=%d ms, %s, %s%n",
          TransportSettings.DEFAULT_CONNECT_TIMEOUT.toMillis(),
          TransportSettings.DEFAULT_ATTEMPT_TIMEOUT.toMillis(),
          TransportSettings.DEFAULT_CALL_TIMEOUT.toMillis(),
          BalancingPolicy.ROUND_ROBIN,
          RetryPolicy.defaults());
      bench.firstCalls(WARMUP, healthy);
      bench.firstCalls(WARMUP, refusing, healthy);

      System.out.printf(
          "%-52s %8s %10s %10s %10s%n", "scenario", "calls", "p50 ms", "p99 ms", "max ms");
      long[] baseline = bench.firstCalls(samples, healthy);
      print("first call, healthy endpoint only (baseline)", baseline, null);
      print(
          "first call, 1st endpoint closed port",
          bench.firstCalls(samples, refusing, healthy),
          baseline);
      print(
          "first call, 1st endpoint accepts, never answers",
          bench.firstCallsInParallel(samples, silent.url(), healthy),
          baseline);
      print(
          "steady 40 s, one transport, 1st endpoint closed port",
          bench.sameTransport(refusing),
          baseline);
      print(
          "steady 40 s, one transport, 1st endpoint hangs",
          bench.sameTransport(silent.url()),
          baseline);
      print(
          String.format(
              "%d calls/s for %d s, 3 endpoints, one hangs", LOAD_PER_SECOND, LOAD_SECONDS),
          bench.underLoad(silent.url(), healthy, healthy2),
          baseline);
      System.out.println("extra = the scenario's percentile minus the baseline's percentile");
      bench.sharedClient.dispatcher().executorService().shutdown();
      bench.sharedClient.connectionPool().evictAll();
    } finally {
      server.stop(0);
      second.stop(0);
      serverThreads.shutdown();
    }
  }

  private static HttpServer startServer(ExecutorService threads) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    byte[] body = "{\"id\":\"ses_A\",\"connections\":[]}".getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.setExecutor(threads);
    server.start();
    return server;
  }

  /** Each call on a new transport over the given endpoints (in that order), one after the other. */
  private long[] firstCalls(int count, HttpUrl... endpoints) throws Exception {
    long[] nanos = new long[count];
    for (int i = 0; i < count; i++) {
      try (Transport transport = Transports.create(settings(endpoints))) {
        long start = System.nanoTime();
        transport.execute(ApiRequest.get("/openvidu/api/sessions/ses_A"));
        nanos[i] = System.nanoTime() - start;
      }
    }
    return nanos;
  }

  /**
   * As {@link #firstCalls}, many at a time: each waits out a full attempt timeout on the silent
   * endpoint.
   */
  private long[] firstCallsInParallel(int count, HttpUrl... endpoints) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(HANG_PARALLELISM);
    try {
      List<Future<Long>> calls = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        calls.add(pool.submit(() -> firstCalls(1, endpoints)[0]));
      }
      long[] nanos = new long[count];
      for (int i = 0; i < count; i++) {
        nanos[i] = calls.get(i).get();
      }
      return nanos;
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Calls on one transport whose first endpoint is dead, one every {@value #STEADY_PAUSE_MILLIS} ms
   * for {@value #STEADY_SECONDS} s: long enough for the ejection to end several times, so that the
   * calls that probe the dead endpoint show.
   */
  private long[] sameTransport(HttpUrl dead) throws Exception {
    List<Long> nanos = new ArrayList<>();
    long end = System.nanoTime() + STEADY_SECONDS * 1_000_000_000L;
    try (Transport transport = Transports.create(settings(dead, healthy))) {
      while (System.nanoTime() - end < 0) {
        long start = System.nanoTime();
        transport.execute(ApiRequest.get("/openvidu/api/sessions/ses_A"));
        nanos.add(System.nanoTime() - start);
        Thread.sleep(STEADY_PAUSE_MILLIS);
      }
    }
    return nanos.stream().mapToLong(Long::longValue).toArray();
  }

  /**
   * Calls started at a steady {@value #LOAD_PER_SECOND} per second for {@value #LOAD_SECONDS} s,
   * whether or not earlier ones have finished (an application serving its own users does not wait),
   * on one round-robin transport whose endpoints are {@code endpoints}. Calls routed to a hung
   * endpoint before the transport stops sending it new ones each pay an attempt timeout.
   */
  private long[] underLoad(HttpUrl... endpoints) throws Exception {
    int count = LOAD_PER_SECOND * LOAD_SECONDS;
    ExecutorService callers = Executors.newCachedThreadPool();
    try (Transport transport = Transports.create(settings(endpoints))) {
      List<Future<Long>> calls = new ArrayList<>();
      long start = System.nanoTime();
      long interval = 1_000_000_000L / LOAD_PER_SECOND;
      for (int i = 0; i < count; i++) {
        long due = start + i * interval;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        calls.add(
            callers.submit(
                () -> {
                  long begin = System.nanoTime();
                  transport.execute(ApiRequest.get("/openvidu/api/sessions/ses_A"));
                  return System.nanoTime() - begin;
                }));
      }
      long[] nanos = new long[count];
      for (int i = 0; i < count; i++) {
        nanos[i] = calls.get(i).get();
      }
      return nanos;
    } finally {
      callers.shutdown();
    }
  }

  private TransportSettings settings(HttpUrl... endpoints) {
    return new TransportSettings(
        Arrays.asList(endpoints),
        "bench-secret",
        TransportSettings.DEFAULT_CONNECT_TIMEOUT,
        TransportSettings.DEFAULT_ATTEMPT_TIMEOUT,
        TransportSettings.DEFAULT_CALL_TIMEOUT,
        RetryPolicy.defaults(),
        BalancingPolicy.ROUND_ROBIN,
        sharedClient,
        OpenViduEventListener.NONE,
        false);
  }

  private static void print(String scenario, long[] nanos, long[] baseline) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    String row =
        String.format(
            "%-52s %8d %10.2f %10.2f %10.2f",
            scenario,
            sorted.length,
            ms(pct(sorted, 50)),
            ms(pct(sorted, 99)),
            ms(sorted[sorted.length - 1]));
    if (baseline != null) {
      long[] base = baseline.clone();
      Arrays.sort(base);
      row +=
          String.format(
              "   extra p50 %.2f ms, p99 %.2f ms",
              ms(pct(sorted, 50) - pct(base, 50)), ms(pct(sorted, 99) - pct(base, 99)));
    }
    long slowed =
        baseline == null ? 0 : Arrays.stream(nanos).filter(n -> n > 1_000_000_000L).count();
    if (slowed > 0) {
      row += ", " + slowed + " call(s) over 1 s";
    }
    long timeout = TransportSettings.DEFAULT_ATTEMPT_TIMEOUT.toNanos();
    long paid = baseline == null ? 0 : Arrays.stream(nanos).filter(n -> n >= timeout).count();
    if (paid > 0) {
      row += ", " + paid + " paid the attempt timeout";
    }
    System.out.println(row);
  }

  private static long pct(long[] sorted, int percentile) {
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static ServerSocket bindAndClose() throws IOException {
    ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    socket.close();
    return socket;
  }
}
