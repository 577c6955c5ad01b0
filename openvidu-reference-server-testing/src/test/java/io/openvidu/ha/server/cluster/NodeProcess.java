package io.openvidu.ha.server.cluster;

import io.openvidu.ha.server.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A node process of the cluster started through {@link Main} in its own JVM, as users start it. */
public final class NodeProcess implements AutoCloseable {
  /** A short-lived test process: start fast rather than optimise for the long run. */
  private static final List<String> TEST_JVM =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  private final Process process;
  private final String urls;

  private NodeProcess(Process process, String urls) {
    this.process = process;
    this.urls = urls;
  }

  /** Starts {@code Main} with {@code args} and waits for its {@code OPENVIDU_URLS=} line. */
  static NodeProcess start(Path logFile, String... args) throws Exception {
    return launch(logFile, args).get();
  }

  /**
   * Starts {@code Main} with {@code args}; the future completes with its {@code OPENVIDU_URLS=}
   * line.
   */
  static Launch launch(Path logFile, String... args) throws IOException {
    return launch(logFile, TEST_JVM, args);
  }

  /**
   * Starts {@code Main} with {@code args} in a JVM with {@code jvmOptions} (none: the JVM's
   * defaults, as a production process runs); the future completes with its {@code OPENVIDU_URLS=}
   * line.
   */
  public static Launch launch(Path logFile, List<String> jvmOptions, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(Arrays.asList(args));
    Process process = new ProcessBuilder(command).redirectError(logFile.toFile()).start();
    return new Launch(process, CompletableFuture.supplyAsync(() -> readUrls(process)), logFile);
  }

  /** A process being started; closing it kills the process. */
  public static final class Launch implements AutoCloseable {
    private final Process process;
    private final CompletableFuture<String> urls;
    private final Path logFile;

    private Launch(Process process, CompletableFuture<String> urls, Path logFile) {
      this.process = process;
      this.urls = urls;
      this.logFile = logFile;
    }

    /** Waits until it prints its URLs (at most a minute). */
    public NodeProcess get() {
      try {
        return new NodeProcess(process, urls.get(60, TimeUnit.SECONDS));
      } catch (Exception e) {
        process.destroyForcibly();
        throw new IllegalStateException("the node process did not start; see " + logFile, e);
      }
    }

    @Override
    public void close() {
      process.destroyForcibly();
    }
  }

  /** The masters' URLs it printed. */
  String urls() {
    return urls;
  }

  /** Its first master's URL. */
  public String firstUrl() {
    return urls.split(",")[0];
  }

  /** Kills it at once, as {@code kill -9} would, and waits for it to be gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** Asks it to stop, as SIGTERM does, and returns its exit code. */
  int terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    return process.exitValue();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The operating system's id of the node's process. */
  public long pid() {
    return process.pid();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }

  private static String readUrls(Process process) {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("OPENVIDU_URLS=")) {
          String urls = line.substring("OPENVIDU_URLS=".length());
          // Keep draining standard output so that the process never blocks on a full pipe.
          Thread drain = new Thread(() -> drain(process), "drain");
          drain.setDaemon(true);
          drain.start();
          return urls;
        }
      }
      throw new IllegalStateException("exited without printing OPENVIDU_URLS");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void drain(Process process) {
    try {
      process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    } catch (IOException ignored) {
      // the process is gone
    }
  }
}
