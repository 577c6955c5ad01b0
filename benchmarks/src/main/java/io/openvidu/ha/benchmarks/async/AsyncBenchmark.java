package io.openvidu.ha.benchmarks.async;

import io.openvidu.ha.benchmarks.load.Percentiles;
import io.openvidu.ha.benchmarks.report.Machine;
import io.openvidu.ha.server.cluster.OpenViduCluster;
import io.openvidu.java.client.OpenVidu;
import io.openvidu.java.client.Session;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SDK's asynchronous API against its blocking one, same client, same server, same run (issue
 * #17): {@code session.async().fetch()} kept at 1,000 calls in flight from one thread, with a
 * 2-thread callback executor, against {@code session.fetch()} from 64 threads. The two alternate in
 * windows after a warm-up of each; calls per second is the median of the windows, latencies are
 * pooled over them. The server is one master of an embedded cluster in this JVM, on the same cores.
 * At a fixed number of calls in flight, latency is that number over the throughput (Little's law):
 * 1,000 in flight wait in the HTTP client's queue (64 at once per host) and the server's, which is
 * what a caller who keeps 1,000 outstanding sees; the async row's latency is that, not a cost of
 * the API.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -cp "benchmarks/target/benchmarks.jar:benchmarks/target/clients/ours/*" io.openvidu.ha.benchmarks.async.AsyncBenchmark [rounds=7] [window-seconds=3] [warm-up-seconds=10]
 * </pre>
 *
 * Prints a Markdown table; never fails on a number.
 */
public final class AsyncBenchmark {

  private static final int THREADS = 64;
  private static final int IN_FLIGHT = 1000;

  private AsyncBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    long windowNanos = TimeUnit.SECONDS.toNanos(args.length > 1 ? Long.parseLong(args[1]) : 3);
    long warmUpNanos = TimeUnit.SECONDS.toNanos(args.length > 2 ? Long.parseLong(args[2]) : 10);
    ExecutorService callbacks = Executors.newFixedThreadPool(2);
    try (OpenViduCluster cluster = OpenViduCluster.builder().start();
        OpenVidu openVidu =
            new OpenVidu.Builder()
                .endpoints(cluster.urls().split(","))
                .secret(cluster.secret())
                .asyncExecutor(callbacks)
                .build()) {
      Session session = openVidu.createSession();
      for (int i = 0; i < 2; i++) { // interleaved, so that both paths are compiled alike
        Window.blocking(session, warmUpNanos / 2);
        Window.async(session, warmUpNanos / 2);
      }
      List<Window> blocking = new ArrayList<>();
      List<Window> async = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        // The order alternates, so that neither always follows the other's garbage.
        if (round % 2 == 0) {
          blocking.add(Window.blocking(session, windowNanos));
          async.add(Window.async(session, windowNanos));
        } else {
          async.add(Window.async(session, windowNanos));
          blocking.add(Window.blocking(session, windowNanos));
        }
        System.err.printf(
            "round %d/%d: blocking %.0f calls/s, async %.0f calls/s%n",
            round + 1,
            rounds,
            blocking.get(round).callsPerSecond(),
            async.get(round).callsPerSecond());
      }
      System.out.println(
          "## Async vs blocking: session.fetch() on one in-process master ("
              + Machine.describe(Optional.empty()).summary()
              + ")");
      System.out.println();
      System.out.println(
          "| API | concurrency | calls/s (median) | p50 ms | p99 ms | max ms | failed |");
      System.out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
      row("blocking", THREADS + " threads", blocking);
      row("async", IN_FLIGHT + " in flight, 1 thread", async);
    } finally {
      callbacks.shutdown();
    }
  }

  private static void row(String api, String concurrency, List<Window> windows) {
    double[] rates = windows.stream().mapToDouble(Window::callsPerSecond).sorted().toArray();
    long[] all = windows.stream().flatMapToLong(w -> Arrays.stream(w.latencies)).toArray();
    Percentiles latency = Percentiles.of(all);
    int failed = windows.stream().mapToInt(w -> w.failed).sum();
    System.out.printf(
        "| %s | %s | %.0f | %.1f | %.1f | %.1f | %d |%n",
        api,
        concurrency,
        rates[rates.length / 2],
        latency.at(50) / 1e6,
        latency.at(99) / 1e6,
        latency.max() / 1e6,
        failed);
  }

  /** One window of calls: how many per second, their latencies, how many failed. */
  private static final class Window {
    private final long[] latencies;
    private final long nanos;
    private final int failed;

    private Window(long[] latencies, long nanos, int failed) {
      this.latencies = latencies;
      this.nanos = nanos;
      this.failed = failed;
    }

    double callsPerSecond() {
      return latencies.length * 1e9 / nanos;
    }

    static Window blocking(Session session, long windowNanos) throws InterruptedException {
      long end = System.nanoTime() + windowNanos;
      LongList[] perThread = new LongList[THREADS];
      AtomicInteger failed = new AtomicInteger();
      Thread[] threads = new Thread[THREADS];
      long start = System.nanoTime();
      for (int i = 0; i < THREADS; i++) {
        LongList latencies = perThread[i] = new LongList();
        threads[i] =
            new Thread(
                () -> {
                  while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                      session.fetch();
                      latencies.add(System.nanoTime() - t0);
                    } catch (Exception e) {
                      failed.incrementAndGet();
                    }
                  }
                });
        threads[i].start();
      }
      for (Thread thread : threads) {
        thread.join();
      }
      long elapsed = System.nanoTime() - start;
      LongList all = new LongList();
      for (LongList list : perThread) {
        all.addAll(list);
      }
      return new Window(all.toArray(), elapsed, failed.get());
    }

    static Window async(Session session, long windowNanos) throws InterruptedException {
      Semaphore inFlight = new Semaphore(IN_FLIGHT);
      LongList latencies = new LongList();
      AtomicInteger failed = new AtomicInteger();
      long start = System.nanoTime();
      long end = start + windowNanos;
      while (System.nanoTime() < end) {
        inFlight.acquire();
        long t0 = System.nanoTime();
        session
            .async()
            .fetch()
            .whenComplete(
                (changed, failure) -> {
                  long latency = System.nanoTime() - t0;
                  if (failure != null) {
                    failed.incrementAndGet();
                  } else {
                    synchronized (latencies) {
                      latencies.add(latency);
                    }
                  }
                  inFlight.release();
                });
      }
      inFlight.acquire(IN_FLIGHT); // the window's calls drain
      long elapsed = System.nanoTime() - start;
      synchronized (latencies) {
        return new Window(latencies.toArray(), elapsed, failed.get());
      }
    }
  }

  /** A growable array of longs. Not thread-safe. */
  private static final class LongList {
    private long[] values = new long[1024];
    private int size;

    void add(long value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    void addAll(LongList other) {
      for (int i = 0; i < other.size; i++) {
        add(other.values[i]);
      }
    }

    long[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
