package io.openvidu.ha.it.processes;

import io.openvidu.ha.server.cluster.FreePorts;
import io.openvidu.ha.server.testing.RedisSentinelExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension (register it in a static field) that runs a reference cluster as separate
 * processes: one Redis with persistence on and N master processes over it, each on a fixed loopback
 * port so that a restarted master comes back at the same URL. Everything it started is killed after
 * the test class, and by a JVM shutdown hook if the JVM goes first. Logs and Redis's data are kept
 * under {@code target/it-work/}.
 *
 * <p>Not thread-safe: control it from the test thread. The masters' processes may be killed,
 * suspended and resumed from anywhere ({@link ChildProcess} is thread-safe).
 */
public final class ProcessCluster implements BeforeAllCallback, AfterAllCallback {
  private static final String SECRET = "MY_SECRET";

  private final int masterCount;
  private final int mediaNodes;
  private final List<Integer> ports = new ArrayList<>();
  private final List<MasterProcess> masters = new ArrayList<>();
  private Path workDir;
  private RedisProcess redis;
  private RedisSentinelExtension sentinel;
  private final boolean overSentinel;
  private int launches;
  private List<String> masterArguments = List.of();

  /** A cluster of {@code masters} master processes and {@code mediaNodes} simulated media nodes. */
  public ProcessCluster(int masters, int mediaNodes) {
    this(masters, mediaNodes, false);
  }

  private ProcessCluster(int masters, int mediaNodes, boolean overSentinel) {
    this.masterCount = masters;
    this.mediaNodes = mediaNodes;
    this.overSentinel = overSentinel;
  }

  /**
   * Starts every master with these command-line options too (e.g. {@code --webhook-endpoint URL});
   * call it before the cluster starts.
   */
  public ProcessCluster withMasterArguments(String... arguments) {
    this.masterArguments = List.of(arguments);
    return this;
  }

  /**
   * A cluster whose store is Redis with Sentinel (a primary, a replica, three sentinels: {@link
   * RedisSentinelExtension}) instead of one Redis process.
   */
  public static ProcessCluster overSentinel(int masters, int mediaNodes) {
    return new ProcessCluster(masters, mediaNodes, true);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    Path root = Path.of(System.getProperty("it.work.dir", System.getProperty("java.io.tmpdir")));
    Files.createDirectories(root);
    workDir = Files.createTempDirectory(root, context.getRequiredTestClass().getSimpleName() + "-");
    if (overSentinel) {
      sentinel = new RedisSentinelExtension();
      sentinel.start();
    } else {
      redis = new RedisProcess(FreePorts.find(), workDir.resolve("redis"));
      redis.start();
    }
    List<CompletableFuture<MasterProcess>> launching = new ArrayList<>();
    for (int i = 0; i < masterCount; i++) {
      int port = FreePorts.find();
      // Nothing listens on the ports picked so far yet: the same one may come up twice.
      while (ports.contains(port)) {
        port = FreePorts.find();
      }
      ports.add(port);
      masters.add(null);
    }
    for (int i = 0; i < masterCount; i++) {
      launching.add(launch(i));
    }
    for (int i = 0; i < masterCount; i++) {
      masters.set(i, launching.get(i).join());
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    for (MasterProcess master : masters) {
      if (master != null) {
        master.process().kill();
      }
    }
    if (redis != null) {
      redis.kill();
    }
    if (sentinel != null) {
      sentinel.stop();
    }
  }

  /** The masters' base URLs, in order; a restarted master keeps its URL. */
  public List<String> urlList() {
    return ports.stream().map(port -> "http://127.0.0.1:" + port).collect(Collectors.toList());
  }

  /** The {@code OPENVIDU_SECRET}. */
  public String secret() {
    return SECRET;
  }

  /** Master {@code index} (from 0) as it runs now. */
  public MasterProcess master(int index) {
    return masters.get(index);
  }

  /** The Redis every master shares (not over Sentinel). */
  public RedisProcess redis() {
    return redis;
  }

  /** The Redis with Sentinel every master shares (of {@link #overSentinel} only). */
  public RedisSentinelExtension sentinel() {
    return sentinel;
  }

  /**
   * Starts master {@code index} again on its port (killing what is left of it first) and waits
   * until it serves.
   */
  public MasterProcess restartMaster(int index) {
    return startMasterAgain(index).join();
  }

  /**
   * Starts master {@code index} again on its port, killing what is left of it first; the future
   * completes when it serves.
   */
  public CompletableFuture<MasterProcess> startMasterAgain(int index) {
    MasterProcess old = masters.get(index);
    if (old != null && old.process().isAlive()) {
      old.process().kill();
    }
    return launch(index)
        .thenApply(
            started -> {
              synchronized (masters) {
                masters.set(index, started);
              }
              return started;
            });
  }

  /**
   * Restarts every master that is no longer running, so that the next test starts from a whole
   * cluster.
   */
  public void restartDeadMasters() {
    for (int i = 0; i < masterCount; i++) {
      if (!masters.get(i).process().isAlive()) {
        restartMaster(i);
      }
    }
  }

  private CompletableFuture<MasterProcess> launch(int index) {
    int launch = ++launches;
    String name = "master-" + (index + 1) + "-launch-" + launch;
    return MasterProcess.launch(
        new MasterProcess.Options(
            name,
            ports.get(index),
            overSentinel ? sentinel.uri() : redis.uri(),
            urlList().get(0),
            workDir.resolve("recordings"),
            mediaNodes,
            workDir.resolve(name + ".log"),
            masterArguments));
  }
}
