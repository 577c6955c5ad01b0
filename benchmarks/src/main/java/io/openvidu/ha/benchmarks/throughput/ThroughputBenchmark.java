package io.openvidu.ha.benchmarks.throughput;

import io.openvidu.ha.benchmarks.client.BackendClient;
import io.openvidu.ha.benchmarks.client.ClientSettings;
import io.openvidu.ha.benchmarks.isolation.ClientKind;
import io.openvidu.ha.benchmarks.isolation.IsolatedClients;
import io.openvidu.ha.benchmarks.load.Measurement;
import io.openvidu.ha.benchmarks.report.Progress;
import io.openvidu.ha.server.cluster.OpenViduCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Section 1: throughput and latency of the backend mix for each client against the same single
 * master (in-memory store, in this JVM), at each number of caller threads.
 *
 * <p>Noise control, since the machine is shared: every client is measured in the same run, against
 * a fresh cluster per thread count, in alternating windows (the order rotates each round), after a
 * warm-up of its own; the cluster and every client are also warmed once at the start so that the
 * first client measured does not pay for the JIT compilation of the server.
 */
public final class ThroughputBenchmark {
  static final List<ClientKind> CLIENTS =
      List.of(ClientKind.OURS, ClientKind.OFFICIAL, ClientKind.RAW_OKHTTP);
  private static final int JIT_WARM_UP_THREADS = 8;
  private static final int JIT_WARM_UP_TURNS = 3;

  /**
   * @param threadCounts how many caller threads to measure with
   * @param jitWarmUp per client, once, before anything is measured
   * @param warmUp per client and thread count, before its windows
   * @param window one measurement window
   * @param rounds windows per client and thread count
   */
  public record Settings(
      List<Integer> threadCounts,
      Duration jitWarmUp,
      Duration warmUp,
      Duration window,
      int rounds) {}

  private final IsolatedClients clients;
  private final Settings settings;
  private final Progress progress;

  public ThroughputBenchmark(IsolatedClients clients, Settings settings, Progress progress) {
    this.clients = clients;
    this.settings = settings;
    this.progress = progress;
  }

  /**
   * Runs every measurement; takes about {@code 3 x (jitWarmUp + n x (warmUp + rounds x window))}.
   */
  public ThroughputResult run() {
    warmUpOnce();
    Map<Integer, Map<ClientKind, Measurement>> byThreads = new LinkedHashMap<>();
    for (int threads : settings.threadCounts()) {
      byThreads.put(threads, measureAt(threads));
    }
    return new ThroughputResult(settings, byThreads);
  }

  /**
   * Warms the server and every client in turns, so that no client is measured while another still
   * compiles.
   */
  private void warmUpOnce() {
    Duration burst = settings.jitWarmUp().dividedBy(JIT_WARM_UP_TURNS);
    try (OpenViduCluster cluster = OpenViduCluster.builder().start()) {
      Map<ClientKind, BackendClient> open = new EnumMap<>(ClientKind.class);
      try {
        for (ClientKind kind : CLIENTS) {
          open.put(kind, open(kind, cluster));
        }
        for (int turn = 1; turn <= JIT_WARM_UP_TURNS; turn++) {
          for (ClientKind kind : CLIENTS) {
            progress.line(
                "throughput: warming up the JVM with %s, %d threads, turn %d/%d",
                kind.label(), JIT_WARM_UP_THREADS, turn, JIT_WARM_UP_TURNS);
            Measurement.of(open.get(kind), JIT_WARM_UP_THREADS, burst, "warm-up");
          }
        }
      } finally {
        open.values().forEach(BackendClient::close);
      }
    }
  }

  private Map<ClientKind, Measurement> measureAt(int threads) {
    try (OpenViduCluster cluster = OpenViduCluster.builder().start()) {
      Map<ClientKind, BackendClient> open = new EnumMap<>(ClientKind.class);
      try {
        for (ClientKind kind : CLIENTS) {
          open.put(kind, open(kind, cluster));
          progress.line("throughput: %s, %d threads, warm-up", kind.label(), threads);
          Measurement.of(open.get(kind), threads, settings.warmUp(), "warm-up");
        }
        Map<ClientKind, Measurement> measured = new EnumMap<>(ClientKind.class);
        for (int round = 0; round < settings.rounds(); round++) {
          for (ClientKind kind : rotated(round)) {
            Measurement window =
                Measurement.of(open.get(kind), threads, settings.window(), kind.name());
            progress.line(
                "throughput: %s, %d threads, round %d/%d: %,.0f calls/s",
                kind.label(), threads, round + 1, settings.rounds(), window.callsPerSecond());
            measured.merge(kind, window, Measurement::plus);
          }
        }
        return measured;
      } finally {
        open.values().forEach(BackendClient::close);
      }
    }
  }

  private BackendClient open(ClientKind kind, OpenViduCluster cluster) {
    return clients.open(kind, ClientSettings.defaults(cluster.urls(), cluster.secret()));
  }

  private static List<ClientKind> rotated(int round) {
    List<ClientKind> order = new ArrayList<>(CLIENTS);
    Collections.rotate(order, -round);
    return order;
  }
}
