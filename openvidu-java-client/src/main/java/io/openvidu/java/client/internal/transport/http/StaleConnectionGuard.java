package io.openvidu.java.client.internal.transport.http;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import javax.net.SocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;

/**
 * The network interceptor that keeps a request off a pooled HTTP/1.1 connection that the server has
 * already closed. A master that dies (or restarts, or closes idle connections) leaves FINs on its
 * pooled keep-alive connections; OkHttp looks for them only on connections idle for 10 s or more,
 * so without this a POST is written into a dead socket and fails with its outcome unknown, although
 * the server never saw a byte of it.
 *
 * <p>Before a request is written on a connection that already carried an exchange, the TCP socket
 * under it (under TLS too) is read once without blocking: end of stream, unexpected bytes or an
 * error mean the connection is dead. It is then closed (OkHttp's pool drops it) and {@link
 * StaleConnectionException} is thrown, which {@link StaleConnectionRetry} turns into another
 * connection for the same attempt. The check costs one non-blocking read on sockets made by {@link
 * TrackedSockets}' factories. Where no channel is available (the user's own socket factory, a SOCKS
 * proxy) a read with a 1 ms timeout is made instead, but only before a POST, the one request that
 * is not moved to another endpoint when its outcome is unknown. New connections and HTTP/2
 * connections (whose reader thread sees GOAWAY and end of stream) are not checked.
 *
 * <p>What is guaranteed: a request is never written on a connection the check found dead, and
 * nothing that was written is sent again. A server that closes a connection after the check and
 * before the request arrives still makes that attempt's outcome unknown; the window is microseconds
 * instead of the pool's keep-alive time. Thread-safe.
 */
final class StaleConnectionGuard implements Interceptor {

  private static final int TIMED_READ_MILLIS = 1;

  private final TrackedSockets sockets;

  private StaleConnectionGuard(TrackedSockets sockets) {
    this.sockets = sockets;
  }

  /**
   * Installs the guard, its retry and the tracked socket factories in {@code builder}. The JDK's
   * default socket factory is replaced by the channel-backed one; a socket factory the user chose
   * is kept (the guard then falls back to the timed read). The TLS socket factory, whichever it is,
   * is wrapped, not replaced. Run it after everything else that configures TLS on the builder.
   */
  static void install(OkHttpClient.Builder builder) {
    TrackedSockets sockets = new TrackedSockets();
    OkHttpClient configured = builder.build();
    if (configured.socketFactory() == SocketFactory.getDefault()) {
      builder.socketFactory(sockets.channelSocketFactory());
    }
    X509TrustManager trustManager = configured.x509TrustManager();
    if (trustManager != null) {
      builder.sslSocketFactory(
          sockets.trackingSslSocketFactory(configured.sslSocketFactory()), trustManager);
    }
    builder.addInterceptor(new StaleConnectionRetry());
    // First among the network interceptors, so that none of the user's sees an exchange that never
    // happens.
    builder.networkInterceptors().add(0, new StaleConnectionGuard(sockets));
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Connection connection = chain.connection();
    if (connection != null && isHttp1(connection.protocol())) {
      Socket tcp = sockets.reuse(connection.socket());
      if (tcp != null) {
        String dead = deadBecause(tcp, chain.request().method());
        if (dead != null) {
          closeQuietly(tcp);
          throw new StaleConnectionException(
              "pooled connection " + dead + " before the request was " + "written");
        }
      }
    }
    return chain.proceed(chain.request());
  }

  private static boolean isHttp1(Protocol protocol) {
    return protocol == Protocol.HTTP_1_1 || protocol == Protocol.HTTP_1_0;
  }

  /**
   * @return why the connection on {@code tcp} cannot carry a request, or {@code null} if it can (or
   *     is not checked)
   */
  static String deadBecause(Socket tcp, String method) {
    SocketChannel channel = tcp.getChannel();
    if (channel != null) {
      return readWithoutBlocking(channel);
    }
    return "POST".equals(method) ? readBriefly(tcp) : null;
  }

  // TODO(#3): StaleCheckBenchmark measured about 13 us per check on the shared 2-core VM (two fcntl
  // calls and a
  // read); cheaper would be a read that needs no mode switch, which the JDK does not offer on a
  // blocking channel.
  private static String readWithoutBlocking(SocketChannel channel) {
    ByteBuffer one = ByteBuffer.allocate(1);
    int read;
    try {
      // Nobody else reads an idle HTTP/1.1 connection, so its blocking mode is ours to flip for a
      // moment.
      channel.configureBlocking(false);
      try {
        read = channel.read(one);
      } finally {
        channel.configureBlocking(true);
      }
    } catch (IOException e) {
      return "broken (" + e.getClass().getSimpleName() + ")";
    }
    return verdict(read);
  }

  private static String readBriefly(Socket socket) {
    try {
      int previous = socket.getSoTimeout();
      socket.setSoTimeout(TIMED_READ_MILLIS);
      try {
        return verdict(socket.getInputStream().read() < 0 ? -1 : 1);
      } catch (SocketTimeoutException e) {
        return null;
      } finally {
        socket.setSoTimeout(previous);
      }
    } catch (IOException e) {
      return "broken (" + e.getClass().getSimpleName() + ")";
    }
  }

  private static String verdict(int read) {
    if (read < 0) {
      return "closed by the server";
    }
    // An idle HTTP/1.1 connection has nothing to say; whatever it says (a TLS close_notify, a stray
    // answer) makes it unusable for the next exchange.
    return read == 0 ? null : "sent unexpected bytes";
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Already broken; closing is only to make OkHttp's pool drop it.
    }
  }
}
