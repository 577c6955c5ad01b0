package io.openvidu.java.client.internal.transport.http;

import java.net.Proxy;
import java.util.concurrent.ExecutorService;
import javax.net.SocketFactory;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * How the transport reaches the network, as chosen with {@code OpenVidu.Builder}: proxy, socket
 * factories, TLS trust, host name verification and the threads of background attempts. What users
 * used to configure on their own {@code OkHttpClient}, expressed in JDK types because OkHttp is
 * relocated inside the SDK's jar. Each value is {@code null} when not chosen (OkHttp's default).
 * Immutable.
 */
public final class NetworkSettings {

  /** Nothing chosen: OkHttp's defaults, TLS verified by the JDK's trust store. */
  public static final NetworkSettings DEFAULTS =
      new NetworkSettings(null, null, null, null, null, null);

  private final Proxy proxy;
  private final SocketFactory socketFactory;
  private final SSLSocketFactory sslSocketFactory;
  private final X509TrustManager trustManager;
  private final HostnameVerifier hostnameVerifier;
  private final ExecutorService executorService;
  private final ProxyCredentials proxyCredentials;

  /**
   * @param proxy the proxy of every connection, or {@code null} for the JVM's {@code ProxySelector}
   * @param socketFactory the factory of plain sockets, or {@code null}
   * @param sslSocketFactory the factory of TLS sockets, with {@code trustManager}, or {@code null}
   * @param trustManager the trust manager {@code sslSocketFactory} was initialised with; both or
   *     neither
   * @param hostnameVerifier the host name verifier, or {@code null} for OkHttp's (RFC 2818)
   * @param executorService the threads of background attempts (hedged reads), owned by the caller,
   *     or {@code null} for the transport's own
   */
  public NetworkSettings(
      Proxy proxy,
      SocketFactory socketFactory,
      SSLSocketFactory sslSocketFactory,
      X509TrustManager trustManager,
      HostnameVerifier hostnameVerifier,
      ExecutorService executorService) {
    this(
        proxy,
        socketFactory,
        sslSocketFactory,
        trustManager,
        hostnameVerifier,
        executorService,
        null);
  }

  /**
   * As the other constructor, with the credentials of an HTTP proxy that asks for them.
   *
   * @param proxyCredentials the proxy's user and password, or {@code null}
   */
  public NetworkSettings(
      Proxy proxy,
      SocketFactory socketFactory,
      SSLSocketFactory sslSocketFactory,
      X509TrustManager trustManager,
      HostnameVerifier hostnameVerifier,
      ExecutorService executorService,
      ProxyCredentials proxyCredentials) {
    if ((sslSocketFactory == null) != (trustManager == null)) {
      throw new IllegalArgumentException(
          "an SSL socket factory needs the trust manager it was initialised with");
    }
    this.proxy = proxy;
    this.socketFactory = socketFactory;
    this.sslSocketFactory = sslSocketFactory;
    this.trustManager = trustManager;
    this.hostnameVerifier = hostnameVerifier;
    this.executorService = executorService;
    this.proxyCredentials = proxyCredentials;
  }

  /** Whether the threads of background attempts belong to the caller (never shut down by us). */
  boolean sharesExecutor() {
    return executorService != null;
  }

  /** A dispatcher on the caller's threads, or on new ones of its own. */
  Dispatcher newDispatcher() {
    return executorService == null ? new Dispatcher() : new Dispatcher(executorService);
  }

  /** Applies what was chosen; run it before anything that wraps the socket factories. */
  void applyTo(OkHttpClient.Builder builder) {
    if (proxy != null) {
      builder.proxy(proxy);
    }
    if (socketFactory != null) {
      builder.socketFactory(socketFactory);
    }
    if (sslSocketFactory != null) {
      builder.sslSocketFactory(sslSocketFactory, trustManager);
    }
    if (hostnameVerifier != null) {
      builder.hostnameVerifier(hostnameVerifier);
    }
    if (proxyCredentials != null) {
      proxyCredentials.applyTo(builder);
    }
  }

  @Override
  public String toString() {
    return "NetworkSettings{proxy="
        + proxy
        + ", socketFactory="
        + (socketFactory != null)
        + ", sslSocketFactory="
        + (sslSocketFactory != null)
        + ", hostnameVerifier="
        + (hostnameVerifier != null)
        + ", executorService="
        + (executorService != null)
        + ", proxyCredentials="
        + (proxyCredentials != null)
        + "}";
  }
}
