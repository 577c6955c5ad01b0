package io.openvidu.ha.benchmarks.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A node process of the reference cluster ({@code io.openvidu.ha.server.Main}) started in a JVM of
 * its own from this JVM's class path, ready once it has printed {@code OPENVIDU_URLS=...}. Its log
 * goes to a file. Closing it sends SIGTERM (a clean stop), then SIGKILL if it lingers; a shutdown
 * hook ends every process still running if the benchmark itself is stopped. Not thread-safe.
 */
final class ServerProcess implements AutoCloseable {
  private static final String READY = "OPENVIDU_URLS=";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final List<Process> RUNNING = new ArrayList<>();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  synchronized (RUNNING) {
                    RUNNING.forEach(Process::destroyForcibly);
                  }
                },
                "server-processes-cleanup"));
  }

  private final Process process;
  private final String urls;

  private ServerProcess(Process process, String urls) {
    this.process = process;
    this.urls = urls;
  }

  /**
   * Starts {@code Main} with these options and waits until it is ready.
   *
   * @param secret the cluster's secret, passed in the environment (never on a command line others
   *     can read)
   * @param log where its standard error (its log) goes
   * @throws IllegalStateException when it exits or stays silent for a minute; the message names the
   *     log
   */
  static ServerProcess start(List<String> options, String secret, Path log) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                "io.openvidu.ha.server.Main"));
    command.addAll(options);
    Process process;
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
      builder.environment().put("OPENVIDU_SECRET", secret);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a server process", e);
    }
    synchronized (RUNNING) {
      RUNNING.add(process);
    }
    CompletableFuture<String> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> readOutput(process, ready), "server-output-" + process.pid());
    reader.setDaemon(true);
    reader.start();
    try {
      return new ServerProcess(process, ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
    } catch (ExecutionException | TimeoutException e) {
      stop(process);
      throw new IllegalStateException("the server process did not become ready; see " + log, e);
    } catch (InterruptedException e) {
      stop(process);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting a server process", e);
    }
  }

  /**
   * Reads its standard output to the end, completing {@code ready} with the URLs when they are
   * printed.
   */
  private static void readOutput(Process process, CompletableFuture<String> ready) {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith(READY)) {
          ready.complete(line.substring(READY.length()).trim());
        }
      }
      ready.completeExceptionally(new IllegalStateException("exited before it was ready"));
    } catch (IOException e) {
      ready.completeExceptionally(e);
    }
  }

  /** The base URLs of its masters, separated by commas. */
  String urls() {
    return urls;
  }

  @Override
  public void close() {
    stop(process);
  }

  private static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    synchronized (RUNNING) {
      RUNNING.remove(process);
    }
  }
}
