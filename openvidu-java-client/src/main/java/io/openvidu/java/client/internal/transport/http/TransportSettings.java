package io.openvidu.java.client.internal.transport.http;

import io.openvidu.java.client.internal.transport.endpoints.Endpoint;
import io.openvidu.java.client.transport.BalancingPolicy;
import io.openvidu.java.client.transport.OpenViduEventListener;
import io.openvidu.java.client.transport.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Everything a {@link io.openvidu.java.client.internal.transport.Transport} is built from, as
 * validated by {@code OpenVidu.Builder}. Immutable.
 *
 * <p>{@link #toString()} never shows the secret, nor credentials written into an endpoint's URL.
 */
public final class TransportSettings {

  /**
   * Default bound on opening one connection: long enough for one lost SYN to be retransmitted
   * (Linux resends after 1 s), short enough that a black-holed master is left quickly.
   */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);

  /**
   * Default bound on one attempt: longer than OpenVidu's slowest legitimate operation under load
   * (starting a COMPOSED recording launches a recording container and answers only once it runs),
   * because an attempt cut short is a POST whose outcome is unknown. This is what the POST, PATCH
   * and DELETE calls sent to a master in the second before it is seen to hang pay (a GET is hedged
   * to another master after a second); later calls skip it while it is silent, then ejected.
   */
  public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(10);

  /** Default bound on a whole call: room for a hung attempt, a failover and backoff rounds. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);

  private final List<HttpUrl> endpoints;
  private final String secret;
  private final Duration connectTimeout;
  private final Duration attemptTimeout;
  private final Duration callTimeout;
  private final RetryPolicy retryPolicy;
  private final BalancingPolicy balancingPolicy;
  private final OkHttpClient sharedClient;
  private final OpenViduEventListener listener;
  private final boolean trustAllCertificates;
  private final NetworkSettings network;

  /**
   * Settings with OkHttp's network defaults; see the full constructor.
   *
   * @param endpoints base URLs of the masters, at least one, each without a trailing slash
   * @param secret the OpenVidu secret (sent as Basic auth, user {@code OPENVIDUAPP})
   * @param connectTimeout bound on establishing one TCP/TLS connection
   * @param attemptTimeout bound on one attempt from start to the end of the response body
   * @param callTimeout bound on a whole logical call, all attempts and backoff included
   * @param retryPolicy when to retry
   * @param balancingPolicy where the first attempt goes
   * @param sharedClient an {@code OkHttpClient} whose pool and dispatcher to share, or {@code null}
   * @param listener transport events
   * @param trustAllCertificates disable TLS certificate and host name verification (insecure)
   */
  public TransportSettings(
      List<HttpUrl> endpoints,
      String secret,
      Duration connectTimeout,
      Duration attemptTimeout,
      Duration callTimeout,
      RetryPolicy retryPolicy,
      BalancingPolicy balancingPolicy,
      OkHttpClient sharedClient,
      OpenViduEventListener listener,
      boolean trustAllCertificates) {
    this(
        endpoints,
        secret,
        connectTimeout,
        attemptTimeout,
        callTimeout,
        retryPolicy,
        balancingPolicy,
        sharedClient,
        listener,
        trustAllCertificates,
        NetworkSettings.DEFAULTS);
  }

  /**
   * @param endpoints base URLs of the masters, at least one, each without a trailing slash
   * @param secret the OpenVidu secret (sent as Basic auth, user {@code OPENVIDUAPP})
   * @param connectTimeout bound on establishing one TCP/TLS connection
   * @param attemptTimeout bound on one attempt from start to the end of the response body
   * @param callTimeout bound on a whole logical call, all attempts and backoff included
   * @param retryPolicy when to retry
   * @param balancingPolicy where the first attempt goes
   * @param sharedClient an {@code OkHttpClient} whose pool and dispatcher to share, or {@code
   *     null}; internal (tests and benchmarks share a warmed pool), as OkHttp is relocated in the
   *     published jar
   * @param listener transport events
   * @param trustAllCertificates disable TLS certificate and host name verification (insecure)
   * @param network proxy, socket factories, TLS trust and threads chosen by the user
   */
  public TransportSettings(
      List<HttpUrl> endpoints,
      String secret,
      Duration connectTimeout,
      Duration attemptTimeout,
      Duration callTimeout,
      RetryPolicy retryPolicy,
      BalancingPolicy balancingPolicy,
      OkHttpClient sharedClient,
      OpenViduEventListener listener,
      boolean trustAllCertificates,
      NetworkSettings network) {
    if (endpoints == null || endpoints.isEmpty()) {
      throw new IllegalArgumentException("at least one endpoint is required");
    }
    this.endpoints = Collections.unmodifiableList(new ArrayList<>(endpoints));
    this.secret = Objects.requireNonNull(secret, "secret");
    this.connectTimeout = positive(connectTimeout, "connectTimeout");
    this.attemptTimeout = positive(attemptTimeout, "attemptTimeout");
    this.callTimeout = positive(callTimeout, "callTimeout");
    this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
    this.balancingPolicy = Objects.requireNonNull(balancingPolicy, "balancingPolicy");
    this.sharedClient = sharedClient;
    this.listener = Objects.requireNonNull(listener, "listener");
    this.trustAllCertificates = trustAllCertificates;
    this.network = Objects.requireNonNull(network, "network");
  }

  private static Duration positive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException(
          name + " must be positive, was " + duration.toMillis() + " ms");
    }
    return duration;
  }

  public List<HttpUrl> endpoints() {
    return endpoints;
  }

  /** The endpoints' names: their base URLs without credentials, query or trailing slash. */
  public List<String> endpointNames() {
    return endpoints.stream().map(Endpoint::nameOf).collect(Collectors.toList());
  }

  public String secret() {
    return secret;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration attemptTimeout() {
    return attemptTimeout;
  }

  public Duration callTimeout() {
    return callTimeout;
  }

  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  public BalancingPolicy balancingPolicy() {
    return balancingPolicy;
  }

  /** The user's shared client, or {@code null}. */
  public OkHttpClient sharedClient() {
    return sharedClient;
  }

  public OpenViduEventListener listener() {
    return listener;
  }

  public boolean trustAllCertificates() {
    return trustAllCertificates;
  }

  public NetworkSettings network() {
    return network;
  }

  @Override
  public String toString() {
    return "TransportSettings{endpoints="
        + endpointNames()
        + ", connectTimeout="
        + connectTimeout
        + ", attemptTimeout="
        + attemptTimeout
        + ", callTimeout="
        + callTimeout
        + ", balancing="
        + balancingPolicy
        + ", trustAllCertificates="
        + trustAllCertificates
        + ", network="
        + network
        + ", secret=****}";
  }
}
