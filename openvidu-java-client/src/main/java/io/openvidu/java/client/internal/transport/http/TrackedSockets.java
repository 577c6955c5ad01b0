package io.openvidu.java.client.internal.transport.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.WeakHashMap;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * The sockets of one transport's connections, as {@link StaleConnectionGuard} needs to see them:
 * for each connection socket, the TCP socket under it (a TLS socket hides it) and whether it
 * already carried an exchange. Also the factories that make such sockets: TCP sockets backed by a
 * {@link SocketChannel}, so that the guard can look at an idle connection with one non-blocking
 * read, and TLS sockets whose TCP socket is remembered.
 *
 * <p>Entries are weak: a connection that OkHttp's pool dropped takes its entry with it.
 * Thread-safe.
 */
final class TrackedSockets {

  /** What is known of one connection socket. Guarded by its stripe's lock. */
  private static final class Entry {
    /**
     * The TCP socket a TLS socket runs on; {@code null} when the key is that socket itself or
     * unknown.
     */
    final Socket layeredOver;

    boolean used;

    Entry(Socket layeredOver) {
      this.layeredOver = layeredOver;
    }
  }

  // A value must never refer to its key (that would keep the key alive): a plain TCP socket's entry
  // therefore holds no socket at all, and a TLS socket's entry only the TCP socket under it.
  // Striped by the socket's identity hash, so that callers reusing different connections do not
  // queue on one lock (at 64 caller threads one map's lock was among the most contended).
  private static final int STRIPES = 16;

  @SuppressWarnings("unchecked")
  private final Map<Socket, Entry>[] stripes = new Map[STRIPES];

  {
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new WeakHashMap<>();
    }
  }

  /** The stripe of {@code socket}; its lock guards it and the entries in it. */
  private Map<Socket, Entry> stripe(Socket socket) {
    return stripes[System.identityHashCode(socket) & (STRIPES - 1)];
  }

  /**
   * TCP sockets backed by a {@link SocketChannel}; the only kind OkHttp asks for is the unconnected
   * one.
   */
  SocketFactory channelSocketFactory() {
    return new ChannelSocketFactory();
  }

  /**
   * Wraps {@code delegate} so that every TLS socket it makes is tracked with the TCP socket under
   * it.
   */
  SSLSocketFactory trackingSslSocketFactory(SSLSocketFactory delegate) {
    return new TrackingSslSocketFactory(delegate, this);
  }

  void layered(Socket tls, Socket tcp) {
    Map<Socket, Entry> sockets = stripe(tls);
    synchronized (sockets) {
      sockets.put(tls, new Entry(tcp));
    }
  }

  /**
   * Notes that {@code socket} is about to carry an exchange.
   *
   * @return {@code null} if this is its first exchange (a new connection needs no check), else the
   *     TCP socket to check: the one under it if it is a tracked TLS socket, else the socket itself
   */
  Socket reuse(Socket socket) {
    Map<Socket, Entry> sockets = stripe(socket);
    synchronized (sockets) {
      Entry entry = sockets.get(socket);
      if (entry == null) {
        Entry first = new Entry(null);
        first.used = true;
        sockets.put(socket, first);
        return null;
      }
      if (!entry.used) {
        entry.used = true;
        return null;
      }
      return entry.layeredOver != null ? entry.layeredOver : socket;
    }
  }

  private static final class ChannelSocketFactory extends SocketFactory {

    @Override
    public Socket createSocket() throws IOException {
      return SocketChannel.open().socket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
        throws IOException {
      return connected(
          new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(
        InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
      return connected(
          new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket connected(InetSocketAddress remote, InetSocketAddress... local)
        throws IOException {
      Socket socket = createSocket();
      try {
        if (local.length > 0) {
          socket.bind(local[0]);
        }
        socket.connect(remote);
        return socket;
      } catch (IOException e) {
        socket.close();
        throw e;
      }
    }
  }
}
