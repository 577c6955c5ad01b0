package io.openvidu.java.client.internal.transport.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocketFactory;

/**
 * An {@link SSLSocketFactory} that behaves exactly as the one it wraps (same TLS sockets, same
 * trust) and, for every TLS socket it layers over a TCP socket, tells {@link TrackedSockets} which
 * TCP socket that is: a TLS socket cannot say whether its peer closed the connection without a
 * blocking read, its TCP socket can. Thread-safe if the wrapped factory is.
 */
final class TrackingSslSocketFactory extends SSLSocketFactory {

  private final SSLSocketFactory delegate;
  private final TrackedSockets tracked;

  TrackingSslSocketFactory(SSLSocketFactory delegate, TrackedSockets tracked) {
    this.delegate = delegate;
    this.tracked = tracked;
  }

  @Override
  public Socket createSocket(Socket tcp, String host, int port, boolean autoClose)
      throws IOException {
    Socket tls = delegate.createSocket(tcp, host, port, autoClose);
    tracked.layered(tls, tcp);
    return tls;
  }

  @Override
  public Socket createSocket(Socket tcp, InputStream consumed, boolean autoClose)
      throws IOException {
    Socket tls = delegate.createSocket(tcp, consumed, autoClose);
    tracked.layered(tls, tcp);
    return tls;
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return delegate.getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return delegate.getSupportedCipherSuites();
  }

  // The factory's own TCP sockets are not channel-backed; OkHttp never asks for them.

  @Override
  public Socket createSocket() throws IOException {
    return delegate.createSocket();
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return delegate.createSocket(host, port);
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return delegate.createSocket(host, port, localHost, localPort);
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return delegate.createSocket(host, port);
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return delegate.createSocket(address, port, localAddress, localPort);
  }
}
