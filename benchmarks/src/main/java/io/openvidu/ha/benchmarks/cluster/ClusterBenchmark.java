package io.openvidu.ha.benchmarks.cluster;

import io.openvidu.ha.benchmarks.client.BackendClient;
import io.openvidu.ha.benchmarks.client.ClientSettings;
import io.openvidu.ha.benchmarks.isolation.ClientKind;
import io.openvidu.ha.benchmarks.isolation.IsolatedClients;
import io.openvidu.ha.benchmarks.load.Measurement;
import io.openvidu.ha.benchmarks.report.Progress;
import io.openvidu.ha.server.testing.RedisServerExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Section 4: what the reference cluster itself serves, in three shapes: one master, three masters
 * in one process (both over the in-memory store), and three single-master processes over one Redis.
 * Every shape runs in server processes of its own (started from this JVM's class path), so that all
 * three are measured alike and the load generator's garbage collection is not theirs. The load is
 * the raw OkHttp client (the cheapest caller) spreading calls round robin over every master,
 * closed-loop.
 */
public final class ClusterBenchmark {
  private static final String SECRET = "MY_SECRET";

  /**
   * @param threads caller threads
   * @param warmUp load before measuring, per shape (the server processes start cold)
   * @param window measurement, per shape
   */
  public record Settings(int threads, Duration warmUp, Duration window) {}

  /** A shape of the cluster. */
  public enum Topology {
    ONE_MASTER("1 master, memory store", 1, 1, false),
    THREE_MASTERS("3 masters in 1 process, memory store", 1, 3, false),
    THREE_PROCESSES_REDIS("3 master processes, Redis store", 3, 1, true);

    private final String label;
    private final int processes;
    private final int mastersPerProcess;
    private final boolean redis;

    Topology(String label, int processes, int mastersPerProcess, boolean redis) {
      this.label = label;
      this.processes = processes;
      this.mastersPerProcess = mastersPerProcess;
      this.redis = redis;
    }

    public String label() {
      return label;
    }
  }

  private final IsolatedClients clients;
  private final Settings settings;
  private final Progress progress;

  public ClusterBenchmark(IsolatedClients clients, Settings settings, Progress progress) {
    this.clients = clients;
    this.settings = settings;
    this.progress = progress;
  }

  /**
   * Measures every shape. The processes' logs and recordings go to a temporary directory, deleted
   * when every shape was measured and kept (an error names it) when one failed.
   */
  public ClusterResult run() {
    Path workDirectory = createWorkDirectory();
    Map<Topology, Measurement> measured = new LinkedHashMap<>();
    for (Topology topology : Topology.values()) {
      measured.put(topology, measure(topology, workDirectory));
    }
    delete(workDirectory);
    return new ClusterResult(settings, measured);
  }

  private Measurement measure(Topology topology, Path workDirectory) {
    progress.line("cluster: %s: starting", topology.label());
    RedisServerExtension redis = new RedisServerExtension();
    List<ServerProcess> processes = new ArrayList<>();
    try {
      Optional<String> store = Optional.empty();
      if (topology.redis) {
        redis.start();
        store = Optional.of(redis.uri());
      }
      processes.addAll(startAll(topology, store, workDirectory));
      List<String> urls = processes.stream().map(ServerProcess::urls).toList();
      try (BackendClient client =
          clients.open(
              ClientKind.RAW_OKHTTP, ClientSettings.defaults(String.join(",", urls), SECRET))) {
        progress.line(
            "cluster: %s: %d threads, %d s warm-up, %d s measured",
            topology.label(),
            settings.threads(),
            settings.warmUp().toSeconds(),
            settings.window().toSeconds());
        Measurement.of(client, settings.threads(), settings.warmUp(), "cluster-warm-up");
        Measurement measurement =
            Measurement.of(client, settings.threads(), settings.window(), "cluster");
        progress.line("cluster: %s: %,.0f calls/s", topology.label(), measurement.callsPerSecond());
        return measurement;
      }
    } finally {
      processes.forEach(ServerProcess::close);
      redis.stop();
    }
  }

  /**
   * Starts the topology's processes side by side (a JVM takes seconds to start on a busy machine),
   * then once more, one at a time, any that failed: a cold JVM on a starved machine can miss the
   * store's connect timeout, and start-up is not what is measured.
   */
  private List<ServerProcess> startAll(
      Topology topology, Optional<String> store, Path workDirectory) {
    List<CompletableFuture<ServerProcess>> starting = new ArrayList<>();
    // Not the common pool: on two cores it runs one task at a time.
    ExecutorService starters = Executors.newFixedThreadPool(topology.processes);
    for (int i = 0; i < topology.processes; i++) {
      int index = i;
      starting.add(
          CompletableFuture.supplyAsync(
              () -> startOne(topology, store, workDirectory, index), starters));
    }
    starters.shutdown();
    List<ServerProcess> started = new ArrayList<>();
    try {
      for (int i = 0; i < starting.size(); i++) {
        try {
          started.add(starting.get(i).join());
        } catch (CompletionException e) {
          progress.line(
              "cluster: %s: process %d did not start (%s); starting it again",
              topology.label(), i + 1, e.getCause().getMessage());
          started.add(startOne(topology, store, workDirectory, i));
        }
      }
      return started;
    } catch (RuntimeException e) {
      started.forEach(ServerProcess::close);
      starting.forEach(future -> future.thenAccept(ServerProcess::close));
      throw e;
    }
  }

  private static ServerProcess startOne(
      Topology topology, Optional<String> store, Path workDirectory, int index) {
    String name = topology.name().toLowerCase() + "-" + (index + 1);
    return ServerProcess.start(
        options(topology, store, workDirectory, index),
        SECRET,
        workDirectory.resolve(name + ".log"));
  }

  private static List<String> options(
      Topology topology, Optional<String> store, Path workDirectory, int index) {
    return List.of(
        "--masters",
        String.valueOf(topology.mastersPerProcess),
        "--port",
        "0",
        "--store",
        store.orElse("memory"),
        "--media-nodes",
        "1",
        "--recordings-dir",
        workDirectory
            .resolve("recordings-" + topology.name().toLowerCase() + "-" + index)
            .toString());
  }

  private static void delete(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + directory, e);
    }
  }

  private static Path createWorkDirectory() {
    try {
      return Files.createTempDirectory("openvidu-benchmarks-cluster");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a work directory", e);
    }
  }
}
