package io.openvidu.ha.benchmarks.allocation;

import io.openvidu.ha.benchmarks.client.BackendClient;
import io.openvidu.ha.benchmarks.client.ClientSettings;
import io.openvidu.ha.benchmarks.isolation.ClientKind;
import io.openvidu.ha.benchmarks.isolation.IsolatedClients;
import io.openvidu.ha.benchmarks.load.Operation;
import io.openvidu.ha.benchmarks.report.Progress;
import io.openvidu.ha.server.cluster.OpenViduCluster;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Section 2: bytes allocated per call by each client, on the calling thread, read from the JVM's
 * per-thread allocation counter ({@code
 * com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}) around every call of a batch of
 * mixes made one after the other on one thread; and the CPU time the batch took, on the calling
 * thread and in the whole process (the in-process server and helper threads such as timeout
 * watchdogs included), per call. CPU time, unlike calls per second, hardly depends on what else the
 * machine runs.
 *
 * <p>The three clients all do their work on the calling thread (OkHttp's and Apache HttpClient's
 * synchronous calls read and write the socket there), so the counter sees all of it; what the
 * in-process server allocates on its own threads is not counted. This is the "equivalent" of JMH's
 * GC profiler the issue allows: exact per-thread bytes, without JMH's forked JVMs (which could not
 * share the embedded cluster).
 */
public final class AllocationBenchmark {
  static final List<ClientKind> CLIENTS =
      List.of(ClientKind.OURS, ClientKind.OFFICIAL, ClientKind.RAW_OKHTTP);
  private static final int BATCHES = 10;

  /**
   * @param warmUpMixes mixes per client before counting (so that lazy initialisation and JIT are
   *     done)
   * @param mixes mixes per client counted
   */
  public record Settings(int warmUpMixes, int mixes) {}

  private final IsolatedClients clients;
  private final Settings settings;
  private final Progress progress;
  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final com.sun.management.OperatingSystemMXBean process =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  public AllocationBenchmark(IsolatedClients clients, Settings settings, Progress progress) {
    this.clients = clients;
    this.settings = settings;
    this.progress = progress;
  }

  /**
   * Counts each client's allocations and CPU time; takes a few seconds per client. The clients take
   * turns in batches, order rotating, warm-up included: measured one after the other, the first
   * would also pay for compiling the shared in-process server, which process CPU time counts.
   */
  public AllocationResult run() throws Exception {
    if (!threads.isThreadAllocatedMemorySupported() || !threads.isThreadAllocatedMemoryEnabled()) {
      throw new IllegalStateException("this JVM does not count allocated bytes per thread");
    }
    if (!threads.isCurrentThreadCpuTimeSupported() || !threads.isThreadCpuTimeEnabled()) {
      throw new IllegalStateException("this JVM does not measure CPU time per thread");
    }
    long counterCost = counterCost();
    Map<ClientKind, Tally> tallies = new EnumMap<>(ClientKind.class);
    Map<ClientKind, BackendClient> open = new EnumMap<>(ClientKind.class);
    try (OpenViduCluster cluster = OpenViduCluster.builder().start()) {
      try {
        for (ClientKind kind : CLIENTS) {
          open.put(
              kind, clients.open(kind, ClientSettings.defaults(cluster.urls(), cluster.secret())));
          tallies.put(kind, new Tally());
        }
        progress.line(
            "allocation and CPU: %d mixes per client to warm up, %d counted, in %d rotating batches",
            settings.warmUpMixes(), settings.mixes(), BATCHES);
        Tally discarded = new Tally();
        for (int batch = 0; batch < BATCHES; batch++) {
          for (int i = 0; i < CLIENTS.size(); i++) {
            ClientKind kind = CLIENTS.get((batch + i) % CLIENTS.size());
            count(open.get(kind), settings.warmUpMixes() / BATCHES, counterCost, discarded);
          }
        }
        for (int batch = 0; batch < BATCHES; batch++) {
          for (int i = 0; i < CLIENTS.size(); i++) {
            ClientKind kind = CLIENTS.get((batch + i) % CLIENTS.size());
            count(open.get(kind), settings.mixes() / BATCHES, counterCost, tallies.get(kind));
          }
        }
      } finally {
        for (BackendClient client : open.values()) {
          client.close();
        }
      }
    }
    Map<ClientKind, CallCost> perCall = new EnumMap<>(ClientKind.class);
    tallies.forEach((kind, tally) -> perCall.put(kind, tally.perCall()));
    return new AllocationResult(perCall);
  }

  /**
   * Adds the bytes of each operation, and the CPU time, of {@code mixes} mixes to {@code tally}.
   */
  private void count(BackendClient client, int mixes, long counterCost, Tally tally)
      throws Exception {
    long[] total = tally.bytes;
    long processCpuBefore = process.getProcessCpuTime();
    long threadCpuBefore = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < mixes; i++) {
      long before = allocated();
      Object session = client.createSession();
      long afterCreate = allocated();
      client.createConnection(session);
      long afterConnection = allocated();
      client.fetchSession(session);
      long afterFetch = allocated();
      client.closeSession(session);
      long afterClose = allocated();
      total[Operation.CREATE_SESSION.ordinal()] += afterCreate - before - counterCost;
      total[Operation.CREATE_CONNECTION.ordinal()] += afterConnection - afterCreate - counterCost;
      total[Operation.FETCH_SESSION.ordinal()] += afterFetch - afterConnection - counterCost;
      total[Operation.CLOSE_SESSION.ordinal()] += afterClose - afterFetch - counterCost;
    }
    tally.threadCpuNanos += threads.getCurrentThreadCpuTime() - threadCpuBefore;
    tally.processCpuNanos += process.getProcessCpuTime() - processCpuBefore;
    tally.mixes += mixes;
  }

  /** One client's sums over its batches. Confined to the measuring thread. */
  private static final class Tally {
    final long[] bytes = new long[Operation.values().length];
    long threadCpuNanos;
    long processCpuNanos;
    long mixes;

    CallCost perCall() {
      double calls = mixes * (double) Operation.values().length;
      Map<Operation, Double> perOperation = new EnumMap<>(Operation.class);
      for (Operation operation : Operation.values()) {
        perOperation.put(operation, bytes[operation.ordinal()] / (double) mixes);
      }
      return new CallCost(
          perOperation, threadCpuNanos / 1e3 / calls, processCpuNanos / 1e3 / calls);
    }
  }

  /** What reading the counter allocates itself: the median of many back-to-back reads. */
  private long counterCost() {
    long[] costs = new long[1001];
    for (int i = 0; i < costs.length; i++) {
      long first = allocated();
      costs[i] = allocated() - first;
    }
    Arrays.sort(costs);
    return costs[costs.length / 2];
  }

  private long allocated() {
    return threads.getCurrentThreadAllocatedBytes();
  }
}
