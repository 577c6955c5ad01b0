package io.openvidu.ha.server.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A TCP proxy in front of Redis that can lose one answer: armed with some strings, it forwards the
 * next request containing all of them, waits for Redis's reply (so the command has run) and then
 * drops both connections instead of passing the reply on, as when Redis restarts or the network
 * fails between a command and its answer. A JUnit 5 extension for a static field, registered after
 * the Redis it fronts and before what connects through it, so that it closes in between.
 * Thread-safe.
 */
final class ReplyDroppingProxy implements BeforeAllCallback, AfterAllCallback {
  private final IntSupplier redisPort;
  private ServerSocket listener;
  private final AtomicReference<Arming> armed = new AtomicReference<>();
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

  /** A proxy to the Redis listening on {@code redisPort} (known when the test class starts). */
  ReplyDroppingProxy(IntSupplier redisPort) {
    this.redisPort = redisPort;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    daemon("proxy-accept", this::accept);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    listener.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }

  /** {@code redis://127.0.0.1:<proxy port>}. */
  String uri() {
    return "redis://127.0.0.1:" + listener.getLocalPort();
  }

  /**
   * The next request that contains every one of {@code parts} runs in Redis, and its answer is
   * lost: the connection is reset, as when the network fails.
   */
  void dropReplyToNextRequestContaining(String... parts) {
    armed.set(new Arming(List.of(parts), true));
  }

  /**
   * The next request that contains every one of {@code parts} runs in Redis, and the connection is
   * closed cleanly instead of answering, as when Redis shuts down on SIGTERM.
   */
  void closeInsteadOfReplyingToNextRequestContaining(String... parts) {
    armed.set(new Arming(List.of(parts), false));
  }

  private record Arming(List<String> parts, boolean reset) {}

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket redis = new Socket(InetAddress.getLoopbackAddress(), redisPort.getAsInt());
        sockets.add(client);
        sockets.add(redis);
        daemon("proxy-requests", () -> requests(client, redis));
        daemon("proxy-replies", () -> pump(redis, client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void requests(Socket client, Socket redis) {
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = client.getInputStream();
        OutputStream out = redis.getOutputStream()) {
      int read;
      while ((read = in.read(buffer)) > 0) {
        Arming arming = armed.get();
        String text = new String(buffer, 0, read, StandardCharsets.UTF_8);
        if (arming != null
            && arming.parts().stream().allMatch(text::contains)
            && armed.compareAndSet(arming, null)) {
          dropReply(client, redis, buffer, read, arming.reset());
          return;
        }
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException e) {
      // a side closed
    } finally {
      closeQuietly(client);
      closeQuietly(redis);
    }
  }

  /**
   * Sends the request on a connection of its own, waits for Redis's answer, and cuts the client
   * off.
   */
  private void dropReply(Socket client, Socket redis, byte[] request, int length, boolean reset)
      throws IOException {
    try (Socket direct = new Socket(InetAddress.getLoopbackAddress(), redisPort.getAsInt())) {
      direct.getOutputStream().write(request, 0, length);
      direct.getOutputStream().flush();
      int ignored = direct.getInputStream().read(new byte[1024]); // answered: the command ran
    }
    if (reset) {
      client.setSoLinger(true, 0);
    }
    closeQuietly(client);
    closeQuietly(redis);
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      int read;
      while ((read = in.read(buffer)) > 0) {
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException e) {
      // a side closed
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  private static void daemon(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
  }
}
