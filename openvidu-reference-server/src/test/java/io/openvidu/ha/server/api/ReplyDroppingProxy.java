package io.openvidu.ha.server.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy in front of Redis that can lose one answer: armed with some strings, it forwards the next request
 * containing all of them, waits for Redis's reply (so the command has run) and then drops both connections instead of
 * passing the reply on, as when Redis restarts or the network fails between a command and its answer. Thread-safe.
 */
final class ReplyDroppingProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final int redisPort;
  private final AtomicReference<List<String>> armed = new AtomicReference<>();
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

  private ReplyDroppingProxy(int redisPort) throws IOException {
    this.redisPort = redisPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    daemon("proxy-accept", this::accept);
  }

  static ReplyDroppingProxy to(int redisPort) {
    try {
      return new ReplyDroppingProxy(redisPort);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code redis://127.0.0.1:<proxy port>}. */
  String uri() {
    return "redis://127.0.0.1:" + listener.getLocalPort();
  }

  /** The next request that contains every one of {@code parts} runs in Redis, and its answer is lost. */
  void dropReplyToNextRequestContaining(String... parts) {
    armed.set(List.of(parts));
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket redis = new Socket(InetAddress.getLoopbackAddress(), redisPort);
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
    try (InputStream in = client.getInputStream(); OutputStream out = redis.getOutputStream()) {
      int read;
      while ((read = in.read(buffer)) > 0) {
        List<String> parts = armed.get();
        String text = new String(buffer, 0, read, StandardCharsets.UTF_8);
        if (parts != null && parts.stream().allMatch(text::contains) && armed.compareAndSet(parts, null)) {
          dropReply(client, redis, buffer, read);
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

  /** Sends the request on a connection of its own, waits for Redis's answer, and cuts the client off. */
  private void dropReply(Socket client, Socket redis, byte[] request, int length) throws IOException {
    try (Socket direct = new Socket(InetAddress.getLoopbackAddress(), redisPort)) {
      direct.getOutputStream().write(request, 0, length);
      direct.getOutputStream().flush();
      int ignored = direct.getInputStream().read(new byte[1024]); // answered: the command ran
    }
    client.setSoLinger(true, 0);
    closeQuietly(client);
    closeQuietly(redis);
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
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
