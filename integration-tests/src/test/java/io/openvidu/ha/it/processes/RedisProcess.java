package io.openvidu.ha.it.processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import redis.embedded.core.ExecutableProvider;

/**
 * A real Redis ({@code redis-server} as shipped by {@code com.github.codemonstur:embedded-redis})
 * on a fixed loopback port with persistence on: every write is appended and fsynced before Redis
 * answers ({@code appendonly yes}, {@code appendfsync always}), so a restart on the same port, even
 * after SIGKILL, keeps everything Redis acknowledged.
 *
 * <p>The binary is run directly rather than through embedded-redis's {@code RedisServer}, because
 * the fault tests need the process itself: its pid for SIGSTOP, and SIGKILL from the shutdown hook.
 * Not thread-safe: control it from the test thread.
 */
public final class RedisProcess {
  private static final String READY = "Ready to accept connections";

  private final int port;
  private final Path dataDir;
  private ChildProcess process;

  /** A Redis that will listen on {@code port} and keep its append-only file in {@code dataDir}. */
  public RedisProcess(int port, Path dataDir) {
    this.port = port;
    this.dataDir = dataDir;
  }

  /**
   * Starts it (with the data it persisted before, if any) and waits until it accepts connections.
   */
  public void start() {
    if (process != null && process.isAlive()) {
      return;
    }
    try {
      Files.createDirectories(dataDir);
      String binary = ExecutableProvider.newJarResourceProvider().get().getAbsolutePath();
      List<String> command =
          List.of(
              binary,
              "--bind",
              "127.0.0.1",
              "--port",
              Integer.toString(port),
              "--dir",
              dataDir.toString(),
              "--appendonly",
              "yes",
              "--appendfsync",
              "always",
              "--save",
              "",
              "--protected-mode",
              "no");
      ChildProcess started =
          ChildProcess.start("redis-server:" + port, command, dataDir.resolve("redis.err"));
      awaitReady(started);
      process = started;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start redis-server on port " + port, e);
    }
  }

  /** SIGTERM: Redis flushes its append-only file and exits; the port closes. */
  public void stop() {
    if (process != null) {
      process.terminate();
    }
  }

  /** SIGKILL. Nothing acknowledged is lost: the append-only file is fsynced on every write. */
  public void kill() {
    if (process != null) {
      process.kill();
    }
  }

  /** Stops it cleanly and starts it again on the same port with the same data. */
  public void restart() {
    stop();
    start();
  }

  /** The process, to suspend or resume it. */
  public ChildProcess process() {
    return process;
  }

  /** {@code redis://127.0.0.1:<port>}. */
  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  private static void awaitReady(ChildProcess child) {
    try {
      child.firstLineMatching(line -> line.contains(READY)).get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      child.kill();
      throw new IllegalStateException(child + " did not start; see " + child.log(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      child.kill();
      throw new IllegalStateException("interrupted while starting " + child, e);
    }
  }
}
