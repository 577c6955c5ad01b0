package io.openvidu.ha.it.processes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A process these tests started, with the signals the fault tests send it. Every child is also
 * killed by a JVM shutdown hook, so that a test JVM that dies (or is stopped) half-way leaves no
 * master or Redis behind. Thread-safe.
 */
public final class ChildProcess {
  private static final Set<Process> LIVING = ConcurrentHashMap.newKeySet();

  private static final int LOG_TAIL_LINES = 25;

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () ->
                    LIVING.forEach(
                        process -> {
                          resumeQuietly(process.pid());
                          process.destroyForcibly();
                        }),
                "kill-child-processes"));
  }

  private final String name;
  private final Process process;
  private final Path log;

  private ChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code command}, its standard error going to {@code log}; standard output is left to the
   * caller.
   */
  static ChildProcess start(String name, List<String> command, Path log) {
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      LIVING.add(process);
      process.onExit().thenRun(() -> LIVING.remove(process));
      return new ChildProcess(name, process, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + command.get(0), e);
    }
  }

  /**
   * Reads its standard output on a daemon thread: the future completes with the first line that
   * {@code matches} (or fails when the process ends first); later lines are read and dropped, so
   * that a full pipe never blocks it.
   */
  CompletableFuture<String> firstLineMatching(Predicate<String> matches) {
    CompletableFuture<String> found = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                  if (!found.isDone() && matches.test(line)) {
                    found.complete(line);
                  }
                }
              } catch (IOException e) {
                found.completeExceptionally(e);
              }
              found.completeExceptionally(
                  new IllegalStateException(name + " exited; see " + log + logTail()));
            },
            "stdout-" + name);
    reader.setDaemon(true);
    reader.start();
    return found;
  }

  /**
   * The last lines of its log, for a failure message: a CI machine's report keeps the message, not
   * the log file.
   */
  private String logTail() {
    try {
      // Its output ended: let it finish writing its last lines before they are read.
      process.waitFor(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return "; its log ends with:\n  "
          + String.join(
              "\n  ", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return " (its log could not be read: " + e.getMessage() + ")";
    }
  }

  /** The file its standard error goes to. */
  public Path log() {
    return log;
  }

  /** Its operating-system process id. */
  public long pid() {
    return process.pid();
  }

  /** Whether it still runs (a stopped process still runs). */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL, and waits until it is gone. */
  public void kill() {
    resumeQuietly(
        process
            .pid()); // a stopped process dies of SIGKILL too, but wake it so that nothing lingers
    process.destroyForcibly();
    awaitExit();
  }

  /** SIGTERM (a clean stop), and waits until it is gone; SIGKILL if it takes more than 30 s. */
  public void terminate() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
    }
  }

  /** SIGSTOP: the process freezes with its sockets open, as a hung machine does. */
  public void suspend() {
    signal("STOP");
  }

  /** SIGCONT: a suspended process carries on. */
  public void resume() {
    signal("CONT");
  }

  private void signal(String signal) {
    int exit = runKill(signal, process.pid());
    if (exit != 0) {
      throw new IllegalStateException(
          "kill -" + signal + " " + name + " (pid " + process.pid() + ") exited " + exit);
    }
  }

  private void awaitExit() {
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(name + " did not exit within 30 s of SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void resumeQuietly(long pid) {
    runKill("CONT", pid);
  }

  private static int runKill(String signal, long pid) {
    try {
      Process kill =
          new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
              .redirectErrorStream(true)
              .start();
      kill.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      return kill.waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run kill -" + signal, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ")";
  }
}
