package io.openvidu.ha.benchmarks.store;

import io.openvidu.ha.server.store.ClusterStore;
import io.openvidu.ha.server.store.ConnectionState;
import io.openvidu.ha.server.store.ConnectionStatus;
import io.openvidu.ha.server.store.MediaNodeState;
import io.openvidu.ha.server.store.MediaNodeStatus;
import io.openvidu.ha.server.store.OpenViduRole;
import io.openvidu.ha.server.store.PublisherState;
import io.openvidu.ha.server.store.SessionOperations;
import io.openvidu.ha.server.store.SessionState;
import io.openvidu.ha.server.store.StoreUnavailableException;
import io.openvidu.ha.server.store.redis.RedisDocumentStore;
import io.openvidu.ha.server.store.redis.RedisStoreUri;
import io.openvidu.ha.server.testing.RedisSentinelExtension;
import io.openvidu.ha.server.testing.RedisServerExtension;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The reference cluster's store on its own (no HTTP), issue #15: connections per second into one
 * big session, per slice of 500, from many threads; the time to fetch that session; sessions per
 * second; a mixed workload; and the latency of one commit. Against the in-memory store and a real
 * Redis (started here from the embedded-redis binary). Prints numbers, asserts nothing.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar io.openvidu.ha.benchmarks.store.StoreBenchmark
 * </pre>
 */
@Command(
    name = "store-benchmark",
    mixinStandardHelpOptions = true,
    description = "Measures the reference cluster's store (memory and Redis) without HTTP.")
public final class StoreBenchmark implements Callable<Integer> {
  private static final int SLICE = 500;

  @Option(
      names = "--stores",
      split = ",",
      description =
          "Which stores: memory, redis, sentinel (primary, replica, three sentinels; commits wait"
              + " for the replica), sentinel-no-ack (the same, commits do not wait) (default:"
              + " ${DEFAULT-VALUE}).")
  List<String> stores = List.of("memory", "redis", "sentinel", "sentinel-no-ack");

  @Option(names = "--connections", description = "Connections into the one big session.")
  int connections = 5_000;

  @Option(names = "--threads", description = "Caller threads.")
  int threads = 16;

  @Option(
      names = "--joins",
      description = "Participants joining one session at once (their tokens made beforehand).")
  int joins = 1_000;

  @Option(
      names = "--webhooks",
      description =
          "Turn webhooks on (OPENVIDU_WEBHOOK in the configuration document): every transition"
              + " then stages its events in the outbox (nobody delivers them here).")
  boolean webhooks;

  @Option(
      names = "--phases",
      split = ",",
      description =
          "Which phases: connections (into one big session, and its fetch), joins, publishes (in"
              + " one session), sessions, mixed, latency (default: all).")
  List<String> phases =
      List.of("connections", "joins", "publishes", "sessions", "mixed", "latency");

  @Option(names = "--sessions", description = "Sessions created for sessions/s.")
  int sessions = 3_000;

  @Option(names = "--mixed-seconds", description = "How long the mixed workload runs.")
  int mixedSeconds = 10;

  @Option(names = "--commits", description = "Sequential commits timed for the commit latency.")
  int commits = 2_000;

  @Option(
      names = "--phase-limit-seconds",
      description = "A phase that takes longer stops and reports what it did.")
  int phaseLimitSeconds = 180;

  public static void main(String[] args) {
    System.exit(new CommandLine(new StoreBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    for (String kind : stores) {
      RedisServerExtension redis = null;
      RedisSentinelExtension sentinel = null;
      try {
        ClusterStore store;
        if (kind.equals("redis")) {
          redis = new RedisServerExtension();
          redis.start();
          store = ClusterStore.over(RedisDocumentStore.connect(redis.uri()), "bench:");
        } else if (kind.startsWith("sentinel")) {
          sentinel = new RedisSentinelExtension();
          sentinel.start();
          int acks = kind.equals("sentinel") ? 1 : 0;
          store =
              ClusterStore.over(
                  RedisDocumentStore.connect(RedisStoreUri.parse(sentinel.uri()), acks), "bench:");
        } else {
          store = ClusterStore.inMemory();
        }
        System.out.println(
            "## store: "
                + kind
                + ", "
                + threads
                + " threads, webhooks "
                + (webhooks ? "on" : "off"));
        run(store);
        store.close();
      } finally {
        if (redis != null) {
          redis.stop();
        }
        if (sentinel != null) {
          sentinel.stop();
        }
      }
    }
    return 0;
  }

  private void run(ClusterStore store) throws Exception {
    store.atomically(tx -> tx.mediaNodes().add(node("media_bench")));
    if (webhooks) {
      store.atomically(
          tx -> {
            tx.writeDocument("config", java.util.Map.of("OPENVIDU_WEBHOOK", true));
            return null;
          });
    }
    warmUp(store);
    if (phases.contains("connections")) {
      bigSession(store);
    }
    if (phases.contains("joins")) {
      joinsIntoOneSession(store);
    }
    if (phases.contains("publishes")) {
      publishesInOneSession(store);
    }
    if (phases.contains("sessions")) {
      sessionsPerSecond(store);
    }
    if (phases.contains("mixed")) {
      mixed(store);
    }
    if (phases.contains("latency")) {
      commitLatency(store);
    }
  }

  private void warmUp(ClusterStore store) throws Exception {
    parallel(
        2_000,
        i -> {
          String id = "warm" + i;
          store.atomically(tx -> tx.sessions().create(session(id)));
          store.atomically(tx -> tx.sessions().addConnection(pending(id, "c" + i)));
          store.atomically(tx -> tx.sessions().find(id));
          store.atomically(tx -> tx.sessions().close(id, "sessionClosedByServer", 0));
        });
  }

  private void bigSession(ClusterStore store) throws Exception {
    String sessionId = "big";
    store.atomically(tx -> tx.sessions().create(session(sessionId)));
    AtomicLongArray doneAt = new AtomicLongArray(connections);
    AtomicInteger finished = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    long start = System.nanoTime();
    parallel(
        connections,
        i -> {
          try {
            store.atomically(tx -> tx.sessions().addConnection(pending(sessionId, "con_" + i)));
            doneAt.set(finished.getAndIncrement(), System.nanoTime());
          } catch (StoreUnavailableException e) {
            failed.incrementAndGet();
          }
        });
    int done = finished.get();
    System.out.printf(
        Locale.ROOT,
        "connections into one session: %d of %d created in %.1f s, %d calls failed"
            + " (store gave up)%n",
        done,
        connections,
        (System.nanoTime() - start) / 1e9,
        failed.get());
    System.out.println(perSlice("connections/s per 500:", start, doneAt, done));
    // The first fetches compile the decoding of a session that big: time the 31 after 30 of them.
    long[] fetch = new long[31];
    int[] size = new int[1];
    for (int i = -30; i < fetch.length; i++) {
      long t0 = System.nanoTime();
      size[0] = store.atomically(tx -> tx.sessions().get(sessionId)).connections().size();
      if (i >= 0) {
        fetch[i] = System.nanoTime() - t0;
      }
    }
    Arrays.sort(fetch);
    System.out.printf(
        Locale.ROOT,
        "fetch of that session (%d connections): median %.2f ms, min %.2f ms%n",
        size[0],
        fetch[fetch.length / 2] / 1e6,
        fetch[0] / 1e6);
  }

  /**
   * {@code joins} participants join one session at once, each with its own token: with webhooks on,
   * each join stages {@code participantJoined} in the session's one queue.
   */
  private void joinsIntoOneSession(ClusterStore store) throws Exception {
    String sessionId = "joined";
    store.atomically(tx -> tx.sessions().create(session(sessionId)));
    parallel(
        joins,
        i -> store.atomically(tx -> tx.sessions().addConnection(pending(sessionId, "j" + i))));
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    AtomicLongArray doneAt = new AtomicLongArray(joins);
    long start = System.nanoTime();
    int done =
        parallel(
            joins,
            i -> {
              try {
                // What a WebSocket joinRoom asks of the store: the activation, then the others
                // already there for its answer, as one snapshot.
                store.atomically(
                    tx ->
                        tx.sessions()
                            .activateConnection(
                                sessionId,
                                "tok_j" + i,
                                new SessionOperations.Activation(
                                    1, "127.0.0.1", "bench", "unknown", "", "m1")));
                store.atomically(tx -> tx.sessions().view(sessionId));
                doneAt.set(finished.getAndIncrement(), System.nanoTime());
              } catch (StoreUnavailableException e) {
                failed.incrementAndGet();
              }
            });
    System.out.printf(
        Locale.ROOT,
        "joins into one session: %.0f joins/s (%d joins, %d gave up)%n",
        (done - failed.get()) / ((System.nanoTime() - start) / 1e9),
        done - failed.get(),
        failed.get());
    System.out.println(perSlice("joins/s per 500:", start, doneAt, finished.get()));
  }

  /** Calls per second in each slice of {@link #SLICE} completions. */
  private static String perSlice(String title, long start, AtomicLongArray doneAt, int done) {
    long sliceStart = start;
    StringBuilder line = new StringBuilder(title);
    for (int end = SLICE; end <= done; end += SLICE) {
      long sliceEnd = doneAt.get(end - 1);
      line.append(String.format(Locale.ROOT, " %.0f", SLICE / ((sliceEnd - sliceStart) / 1e9)));
      sliceStart = sliceEnd;
    }
    return line.toString();
  }

  /**
   * {@code joins} participants of one session start publishing at once: each changes only its own
   * connection, so without webhooks they do not conflict; with webhooks on, each stages {@code
   * webrtcConnectionCreated} in the session's one queue.
   */
  private void publishesInOneSession(ClusterStore store) throws Exception {
    String sessionId = "published";
    store.atomically(tx -> tx.sessions().create(session(sessionId)));
    parallel(
        joins,
        i ->
            store.atomically(
                tx ->
                    tx.sessions()
                        .addConnection(
                            pending(sessionId, "p" + i)
                                .with(
                                    b ->
                                        b.status(ConnectionStatus.ACTIVE)
                                            .activeAt(System.currentTimeMillis())))));
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger attempts = new AtomicInteger();
    long start = System.nanoTime();
    int done =
        parallel(
            joins,
            i -> {
              try {
                store.atomically(
                    tx -> {
                      attempts.incrementAndGet(); // each conflict runs the transaction again
                      return tx.sessions()
                          .addPublisher(
                              sessionId,
                              "p" + i,
                              new PublisherState(
                                  "str_p" + i, System.currentTimeMillis(), null, null));
                    });
              } catch (StoreUnavailableException e) {
                failed.incrementAndGet();
              }
            });
    System.out.printf(
        Locale.ROOT,
        "publishes in one session: %.0f publishes/s (%d publishes, %d gave up, %.2f attempts per"
            + " publish)%n",
        (done - failed.get()) / ((System.nanoTime() - start) / 1e9),
        done - failed.get(),
        failed.get(),
        attempts.get() / (double) done);
  }

  private void sessionsPerSecond(ClusterStore store) throws Exception {
    long start = System.nanoTime();
    int done =
        parallel(sessions, i -> store.atomically(tx -> tx.sessions().create(session("s" + i))));
    System.out.printf(
        Locale.ROOT,
        "sessions/s: %.0f (%d sessions)%n",
        done / ((System.nanoTime() - start) / 1e9),
        done);
  }

  /**
   * Each round: create a session, add two connections, a participant joins with one token, fetch
   * the session, close it. Rounds per second.
   */
  private void mixed(ClusterStore store) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(mixedSeconds);
    AtomicInteger rounds = new AtomicInteger();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      futures.add(
          pool.submit(
              () -> {
                for (int r = 0; System.nanoTime() < deadline; r++) {
                  String id = "mix" + thread + "_" + r;
                  store.atomically(tx -> tx.sessions().create(session(id)));
                  store.atomically(tx -> tx.sessions().addConnection(pending(id, "a")));
                  store.atomically(tx -> tx.sessions().addConnection(pending(id, "b")));
                  store.atomically(
                      tx ->
                          tx.sessions()
                              .activateConnection(
                                  id,
                                  "tok_a",
                                  new SessionOperations.Activation(
                                      1, "127.0.0.1", "bench", "unknown", "", "m1")));
                  store.atomically(tx -> tx.sessions().get(id));
                  store.atomically(tx -> tx.sessions().close(id, "sessionClosedByServer", 2));
                  rounds.incrementAndGet();
                }
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "mixed (create, 2 connections, join, fetch, close): %.0f rounds/s = %.0f store calls/s%n",
        rounds.get() / seconds,
        6 * rounds.get() / seconds);
  }

  private void commitLatency(ClusterStore store) {
    long[] took = new long[commits];
    for (int i = 0; i < commits; i++) {
      String id = "lat" + i;
      long t0 = System.nanoTime();
      store.atomically(tx -> tx.sessions().create(session(id)));
      took[i] = System.nanoTime() - t0;
    }
    Arrays.sort(took);
    System.out.printf(
        Locale.ROOT,
        "commit latency, one thread (create session): p50 %.3f ms, p99 %.3f ms%n",
        took[commits / 2] / 1e6,
        took[commits * 99 / 100] / 1e6);
  }

  private interface Task {
    void run(int index) throws Exception;
  }

  /** Runs {@code count} tasks on the caller threads; stops early at the phase limit. */
  private int parallel(int count, Task task) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(phaseLimitSeconds);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(
          pool.submit(
              () -> {
                for (int i = next.getAndIncrement();
                    i < count && System.nanoTime() < deadline;
                    i = next.getAndIncrement()) {
                  task.run(i);
                  done.incrementAndGet();
                }
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    return done.get();
  }

  private static SessionState session(String id) {
    return SessionState.builder().id(id).createdAt(System.currentTimeMillis()).build();
  }

  private static ConnectionState pending(String sessionId, String connectionId) {
    return ConnectionState.builder()
        .id(connectionId)
        .sessionId(sessionId)
        .createdAt(System.currentTimeMillis())
        .role(OpenViduRole.PUBLISHER)
        .token("tok_" + connectionId)
        .build();
  }

  private static MediaNodeState node(String id) {
    long now = System.currentTimeMillis();
    return new MediaNodeState(
        id,
        id,
        "127.0.0.1",
        "ws://127.0.0.1:8888/kurento",
        now,
        true,
        now,
        null,
        MediaNodeStatus.RUNNING,
        0,
        List.of());
  }
}
