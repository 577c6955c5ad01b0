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
 * Section 2: bytes allocated per call by each client, on the calling thread, read from the JVM's per-thread
 * allocation counter ({@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}) around every call
 * of a batch of mixes made one after the other on one thread.
 *
 * <p>The three clients all do their work on the calling thread (OkHttp's and Apache HttpClient's synchronous calls
 * read and write the socket there), so the counter sees all of it; what the in-process server allocates on its own
 * threads is not counted. This is the "equivalent" of JMH's GC profiler the issue allows: exact per-thread bytes,
 * without JMH's forked JVMs (which could not share the embedded cluster).
 */
public final class AllocationBenchmark {
  static final List<ClientKind> CLIENTS = List.of(ClientKind.OURS, ClientKind.OFFICIAL, ClientKind.RAW_OKHTTP);

  /**
   * @param warmUpMixes mixes per client before counting (so that lazy initialisation and JIT are done)
   * @param mixes       mixes per client counted
   */
  public record Settings(int warmUpMixes, int mixes) {
  }

  private final IsolatedClients clients;
  private final Settings settings;
  private final Progress progress;
  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  public AllocationBenchmark(IsolatedClients clients, Settings settings, Progress progress) {
    this.clients = clients;
    this.settings = settings;
    this.progress = progress;
  }

  /** Counts each client's allocations; takes a few seconds per client. */
  public AllocationResult run() throws Exception {
    if (!threads.isThreadAllocatedMemorySupported() || !threads.isThreadAllocatedMemoryEnabled()) {
      throw new IllegalStateException("this JVM does not count allocated bytes per thread");
    }
    long counterCost = counterCost();
    Map<ClientKind, Map<Operation, Double>> perCall = new EnumMap<>(ClientKind.class);
    try (OpenViduCluster cluster = OpenViduCluster.builder().start()) {
      for (ClientKind kind : CLIENTS) {
        try (BackendClient client = clients.open(kind, ClientSettings.defaults(cluster.urls(), cluster.secret()))) {
          progress.line("allocation: %s, %d mixes to warm up, %d counted", kind.label(), settings.warmUpMixes(),
              settings.mixes());
          count(client, settings.warmUpMixes(), counterCost);
          perCall.put(kind, count(client, settings.mixes(), counterCost));
        }
      }
    }
    return new AllocationResult(perCall);
  }

  /** Bytes per call of each operation over {@code mixes} mixes. */
  private Map<Operation, Double> count(BackendClient client, int mixes, long counterCost) throws Exception {
    long[] total = new long[Operation.values().length];
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
    Map<Operation, Double> perCall = new EnumMap<>(Operation.class);
    for (Operation operation : Operation.values()) {
      perCall.put(operation, total[operation.ordinal()] / (double) mixes);
    }
    return perCall;
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
