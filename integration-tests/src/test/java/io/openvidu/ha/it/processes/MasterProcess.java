package io.openvidu.ha.it.processes;

import io.openvidu.ha.server.Main;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One master of the reference cluster in its own JVM, started from the command line the way users
 * start it ({@code Main --store redis://... --port ...}) with this test JVM's class path. Ready
 * once it printed its {@code OPENVIDU_URLS=} line. Thread-safe.
 */
public final class MasterProcess {
  private static final String URLS_LINE = "OPENVIDU_URLS=";

  private final ChildProcess process;
  private final String url;

  private MasterProcess(ChildProcess process, String url) {
    this.process = process;
    this.url = url;
  }

  /**
   * What a master process needs to join the cluster. Every master of a cluster has the same {@code
   * publicUrl} (what a load balancer in front of them would answer at), which tokens and recording
   * URLs carry. {@code extraArguments} go last on the command line (e.g. webhook options).
   */
  public record Options(
      String name,
      int port,
      String storeUri,
      String publicUrl,
      Path recordingsDir,
      int mediaNodes,
      Path log,
      List<String> extraArguments) {}

  /**
   * Starts the process; the future completes when it is ready (or fails with the reason and its
   * log's path). Several masters may be started at once and awaited together.
   */
  public static CompletableFuture<MasterProcess> launch(Options options) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Short-lived processes on a shared 2-core machine: start fast, stay small.
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "--masters",
                "1",
                "--port",
                Integer.toString(options.port()),
                "--store",
                options.storeUri(),
                "--public-url",
                options.publicUrl(),
                "--recordings-dir",
                options.recordingsDir().toString(),
                "--media-nodes",
                Integer.toString(options.mediaNodes()),
                // Tests wait for recordings to be ready: a short processing keeps them fast.
                "--recording-processing-ms",
                "300",
                // Nothing here measures a first recording's start: every (re)start stays short.
                "--no-recording-warm-up"));
    command.addAll(options.extraArguments());
    ChildProcess child = ChildProcess.start(options.name(), command, options.log());
    return child
        .firstLineMatching(line -> line.startsWith(URLS_LINE))
        .thenApply(
            line -> new MasterProcess(child, line.substring(URLS_LINE.length()).split(",")[0]))
        .orTimeout(90, TimeUnit.SECONDS)
        .whenComplete(
            (ready, failure) -> {
              if (failure != null) {
                child.kill();
              }
            });
  }

  /** Its base URL, e.g. {@code http://127.0.0.1:40123}. */
  public String url() {
    return url;
  }

  /** The process, to kill, stop or suspend it. */
  public ChildProcess process() {
    return process;
  }

  @Override
  public String toString() {
    return process + " at " + url;
  }
}
