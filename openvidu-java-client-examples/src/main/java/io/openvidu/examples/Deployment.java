package io.openvidu.examples;

import io.openvidu.ha.server.cluster.OpenViduCluster;
import io.openvidu.ha.server.rpc.SignalingSettings;
import io.openvidu.ha.server.rpc.TrustedProxies;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The OpenVidu deployment an example runs against: the one named by the environment variables
 * {@code OPENVIDU_URL} (a base URL, or the masters' base URLs separated by commas) and {@code
 * OPENVIDU_SECRET}, or else a reference HA cluster of {@value #EMBEDDED_MASTERS} masters started in
 * this JVM, so that every example runs on a fresh clone with nothing else installed.
 *
 * <p>Closing it stops a cluster it started; a real deployment, or a cluster a test gave it, is left
 * alone. Immutable and thread-safe; {@link #toString()} never shows the secret.
 */
public final class Deployment implements AutoCloseable {
  /** How many masters the embedded cluster runs. */
  public static final int EMBEDDED_MASTERS = 3;

  /** How many simulated media nodes the embedded cluster runs. */
  public static final int EMBEDDED_MEDIA_NODES = 2;

  private final List<String> urls;
  private final String secret;
  private final OpenViduCluster cluster;
  private final boolean ownsCluster;

  private Deployment(
      List<String> urls, String secret, OpenViduCluster cluster, boolean ownsCluster) {
    this.urls = List.copyOf(urls);
    this.secret = secret;
    this.cluster = cluster;
    this.ownsCluster = ownsCluster;
  }

  /**
   * The deployment named by {@code OPENVIDU_URL} and {@code OPENVIDU_SECRET}, or a new embedded
   * cluster when {@code OPENVIDU_URL} is not set.
   *
   * @throws IllegalArgumentException when {@code OPENVIDU_URL} is set without {@code
   *     OPENVIDU_SECRET}
   */
  public static Deployment fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  static Deployment fromEnvironment(Map<String, String> environment) {
    String urls = environment.getOrDefault("OPENVIDU_URL", "").trim();
    if (urls.isEmpty()) {
      return embedded();
    }
    String secret = environment.getOrDefault("OPENVIDU_SECRET", "");
    if (secret.isEmpty()) {
      throw new IllegalArgumentException(
          "OPENVIDU_URL is set but OPENVIDU_SECRET is not: set both to run against "
              + "your deployment, or neither to run against an embedded cluster");
    }
    List<String> list =
        Arrays.stream(urls.split(",")).map(String::trim).filter(url -> !url.isEmpty()).toList();
    return new Deployment(list, secret, null, false);
  }

  /**
   * Starts a reference cluster of {@value #EMBEDDED_MASTERS} masters on free loopback ports;
   * closing stops it.
   */
  public static Deployment embedded() {
    OpenViduCluster.Builder builder =
        OpenViduCluster.builder().masters(EMBEDDED_MASTERS).mediaNodes(EMBEDDED_MEDIA_NODES);
    configureEmbedded(builder);
    OpenViduCluster started = builder.start();
    return new Deployment(started.urlList(), started.secret(), started, true);
  }

  /** A cluster the caller started (a test's, say) and will stop itself. */
  public static Deployment of(OpenViduCluster cluster) {
    Objects.requireNonNull(cluster, "cluster");
    return new Deployment(cluster.urlList(), cluster.secret(), cluster, false);
  }

  /**
   * What the embedded cluster needs beyond its size: its masters believe the {@code
   * X-Forwarded-For} header of loopback peers, as masters behind a load balancer believe the
   * balancer, so that simulated participants can show distinct addresses in {@code Connection.ip}.
   */
  public static void configureEmbedded(OpenViduCluster.Builder builder) {
    builder.signaling(
        SignalingSettings.builder().trustedProxies(TrustedProxies.parse("127.0.0.1")).build());
  }

  /** The masters' base URLs (or the single server's), in order. */
  public List<String> urls() {
    return urls;
  }

  /** The {@code OPENVIDU_SECRET}. */
  public String secret() {
    return secret;
  }

  /**
   * The cluster running in this JVM, which examples may stop and restart masters of; empty for a
   * real one.
   */
  public Optional<OpenViduCluster> cluster() {
    return Optional.ofNullable(cluster);
  }

  /**
   * Whether every endpoint is the reference cluster, which honours the {@code Idempotency-Key}
   * header so that the client may repeat any POST whose outcome is unknown. Real OpenVidu ignores
   * the header.
   */
  public boolean honoursIdempotencyKeys() {
    return cluster != null;
  }

  @Override
  public void close() {
    if (ownsCluster) {
      cluster.close();
    }
  }

  @Override
  public String toString() {
    return "Deployment{urls=" + urls + (cluster != null ? ", embedded" : "") + ", secret=****}";
  }
}
