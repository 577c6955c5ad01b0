package io.openvidu.ha.springboot;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One of the Spring Boot applications in a JVM of its own (its Spring Boot pins Tomcat, Jackson,
 * SLF4J... below what the cluster in the test JVM needs), on the class path it was built with,
 * listening on a free port. Its output goes to a log file under {@code target/app-logs}. Not
 * thread-safe.
 */
final class AppProcess implements AutoCloseable {

  private static final String MAIN_CLASS = "io.openvidu.ha.springboot.TutorialApplication";

  /**
   * "Tomcat started on port(s): 8080 (http)" (Boot 2) or "Tomcat started on port 8080" (Boot 3).
   */
  private static final Pattern STARTED =
      Pattern.compile("Tomcat started on port(?:\\(s\\):)? (\\d+)");

  private final Process process;
  private final Path log;
  private final CompletableFuture<Integer> port = new CompletableFuture<>();

  private AppProcess(List<Path> classPath, String openViduUrl, String secret, Path log)
      throws IOException {
    this.log = log;
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    // Start-up time matters more than peak speed for a few requests.
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-Xmx256m");
    command.add("-cp");
    command.add(
        classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
    command.add(MAIN_CLASS);
    command.add("--server.port=0");
    command.add("--openvidu.url=" + openViduUrl);
    command.add("--openvidu.secret=" + secret);
    Files.createDirectories(log.getParent());
    process = new ProcessBuilder(command).redirectErrorStream(true).start();
    Thread reader = new Thread(this::copyOutput, "app-output " + log.getFileName());
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts the application; {@link #url()} waits until it listens. */
  static AppProcess start(List<Path> classPath, String openViduUrl, String secret, Path log)
      throws IOException {
    return new AppProcess(classPath, openViduUrl, secret, log);
  }

  /**
   * @return {@code http://127.0.0.1:port} once the application listens
   * @throws IllegalStateException it exited or did not start within 120 s (the log says why)
   */
  String url() throws InterruptedException {
    try {
      return "http://127.0.0.1:" + port.get(120, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the application did not start; see " + log, e);
    }
  }

  private void copyOutput() {
    try (BufferedReader lines =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        out.println(line);
        out.flush();
        Matcher started = STARTED.matcher(line);
        if (!port.isDone() && started.find()) {
          port.complete(Integer.parseInt(started.group(1)));
        }
      }
    } catch (IOException e) {
      port.completeExceptionally(e);
    } finally {
      port.completeExceptionally(new IllegalStateException("the application exited"));
    }
  }

  /** Stops the application as a SIGTERM would (Spring's shutdown), forcibly after 20 s. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
    }
  }
}
