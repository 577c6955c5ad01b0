package io.openvidu.ha.server.testing;

import io.openvidu.ha.server.cluster.FreePorts;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import redis.embedded.core.ExecutableProvider;

/**
 * A JUnit 5 extension that runs a highly available Redis: a primary, one replica and three Redis
 * Sentinels watching them, all started from the {@code redis-server} binary of {@code
 * com.github.codemonstur:embedded-redis} ({@code redis-server --sentinel} for the sentinels), on
 * free loopback ports, persistence off. The sentinels are tuned for tests: a primary that does not
 * answer for {@link #DOWN_AFTER} is failed over, which takes a second or two in all.
 *
 * <pre>{@code
 * @RegisterExtension static RedisSentinelExtension redis = new RedisSentinelExtension();
 * ... ClusterStore store = ClusterStore.over(RedisDocumentStore.connect(redis.uri()), "test:");
 * ... redis.killPrimary(); // SIGKILL
 * }</pre>
 *
 * <p>{@link #start()} returns once the replica is in sync and every sentinel knows the replica and
 * the other sentinels, so a failover can happen. Not thread-safe: control it from the test thread.
 */
public final class RedisSentinelExtension extends ScopedExtension {
  /** The name the sentinels know the primary by. */
  public static final String MASTER_NAME = "ovtest";

  /** How long a silent primary is given before the sentinels fail it over. */
  public static final Duration DOWN_AFTER = Duration.ofMillis(1000);

  private static final Duration READY_WITHIN = Duration.ofSeconds(30);

  private final Map<Integer, Process> processes = new LinkedHashMap<>();
  private final List<Integer> sentinelPorts = new ArrayList<>();
  private Path directory;

  @Override
  public void start() {
    if (!processes.isEmpty()) {
      return;
    }
    try {
      directory = Files.createTempDirectory("redis-sentinel");
      File binary = ExecutableProvider.newJarResourceProvider().get();
      int primary = FreePorts.find();
      startServer(binary, primary, List.of());
      int replica = FreePorts.find();
      startServer(binary, replica, List.of("--replicaof", "127.0.0.1", String.valueOf(primary)));
      await(
          () -> command(replica, "INFO", "replication").contains("master_link_status:up"),
          "the replica to sync");
      for (int i = 0; i < 3; i++) {
        int port = FreePorts.find();
        Path conf = directory.resolve("sentinel-" + port + ".conf");
        Files.writeString(
            conf,
            String.join(
                "\n",
                "port " + port,
                "bind 127.0.0.1",
                "dir " + directory,
                "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + primary + " 2",
                "sentinel down-after-milliseconds " + MASTER_NAME + " " + DOWN_AFTER.toMillis(),
                "sentinel failover-timeout " + MASTER_NAME + " 3000",
                "sentinel parallel-syncs " + MASTER_NAME + " 1",
                ""));
        start(binary, port, List.of(conf.toString(), "--sentinel"));
        sentinelPorts.add(port);
      }
      for (int sentinel : sentinelPorts) {
        await(
            () ->
                command(sentinel, "SENTINEL", "sentinels", MASTER_NAME).contains("127.0.0.1")
                    && count(command(sentinel, "SENTINEL", "sentinels", MASTER_NAME), "name") == 2
                    && count(command(sentinel, "SENTINEL", "replicas", MASTER_NAME), "name") == 1,
            "sentinel " + sentinel + " to know its peers and the replica");
      }
    } catch (IOException e) {
      stop();
      throw new UncheckedIOException("cannot start Redis with Sentinel", e);
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  /** Kills every process (SIGKILL); all data is lost. Does nothing when stopped. */
  @Override
  public void stop() {
    processes.values().forEach(Process::destroyForcibly);
    for (Process p : processes.values()) {
      try {
        p.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    processes.clear();
    sentinelPorts.clear();
    if (directory != null) {
      try (Stream<Path> files = Files.walk(directory)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      } catch (IOException e) {
        // a temporary directory left behind is harmless
      }
      directory = null;
    }
  }

  /** {@code redis-sentinel://127.0.0.1:<s1>,127.0.0.1:<s2>,127.0.0.1:<s3>/ovtest}. */
  public String uri() {
    return "redis-sentinel://"
        + sentinelPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","))
        + "/"
        + MASTER_NAME;
  }

  /** The port of the current primary, as the sentinels say. */
  public int primaryPort() {
    String answer =
        command(sentinelPorts.get(0), "SENTINEL", "get-master-addr-by-name", MASTER_NAME);
    String[] lines = answer.split("\n");
    return Integer.parseInt(lines[lines.length - 1].trim());
  }

  /**
   * Kills the current primary with SIGKILL (no chance to hand anything over) and returns its port.
   * The sentinels promote the replica within about {@link #DOWN_AFTER} plus a second.
   */
  public int killPrimary() {
    int primary = primaryPort();
    Process process = processes.remove(primary);
    process.destroyForcibly();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return primary;
  }

  /** Waits until the sentinels name a primary other than {@code oldPrimary} that answers as one. */
  public void awaitFailover(int oldPrimary) {
    await(
        () -> {
          int now = primaryPort();
          return now != oldPrimary && command(now, "ROLE").startsWith("master");
        },
        "a failover away from port " + oldPrimary);
  }

  private void startServer(File binary, int port, List<String> extra) throws IOException {
    List<String> args = new ArrayList<>(List.of("--port", String.valueOf(port)));
    args.addAll(List.of("--bind", "127.0.0.1", "--save", "", "--appendonly", "no"));
    args.addAll(List.of("--dir", directory.toString()));
    args.addAll(extra);
    start(binary, port, args);
  }

  private void start(File binary, int port, List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(binary.getAbsolutePath());
    command.addAll(args);
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("redis-" + port + ".log").toFile())
            .start();
    processes.put(port, process);
    await(() -> command(port, "PING").equals("PONG"), "redis on port " + port);
  }

  private static int count(String text, String word) {
    int n = 0;
    for (String line : text.split("\n")) {
      if (line.trim().equals(word)) {
        n++;
      }
    }
    return n;
  }

  private static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + READY_WITHIN.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
      } catch (UncheckedIOException e) {
        // not up yet
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for " + what, e);
      }
    }
    throw new IllegalStateException("timed out waiting for " + what);
  }

  /**
   * Sends one command over a fresh socket and returns the answer flattened to text, one value a
   * line (enough to poll a few status answers without a client library).
   */
  static String command(int port, String... args) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      socket.setSoTimeout(2000);
      StringBuilder request = new StringBuilder("*" + args.length + "\r\n");
      for (String arg : args) {
        request
            .append('$')
            .append(arg.getBytes(StandardCharsets.UTF_8).length)
            .append("\r\n")
            .append(arg)
            .append("\r\n");
      }
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      StringBuilder answer = new StringBuilder();
      readValue(socket.getInputStream(), answer);
      return answer.toString().trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void readValue(InputStream in, StringBuilder answer) throws IOException {
    String line = readLine(in);
    char type = line.charAt(0);
    String rest = line.substring(1);
    switch (type) {
      case '+', ':' -> answer.append(rest).append('\n');
      case '-' -> answer.append("ERR ").append(rest).append('\n');
      case '$' -> {
        int length = Integer.parseInt(rest);
        if (length >= 0) {
          byte[] data = in.readNBytes(length + 2);
          answer.append(new String(data, 0, length, StandardCharsets.UTF_8)).append('\n');
        }
      }
      case '*' -> {
        int count = Integer.parseInt(rest);
        for (int i = 0; i < count; i++) {
          readValue(in, answer);
        }
      }
      default -> throw new IOException("unexpected RESP type " + type);
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\r') {
        in.read(); // '\n'
        return line.toString();
      }
      line.append((char) c);
    }
    throw new IOException("connection closed");
  }
}
