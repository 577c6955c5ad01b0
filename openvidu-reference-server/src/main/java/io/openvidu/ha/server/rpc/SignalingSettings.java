package io.openvidu.ha.server.rpc;

import java.time.Duration;
import java.util.Objects;

/**
 * How a master's participant signaling behaves: grace periods, heartbeat expectations, which proxies to believe and
 * what {@code joinRoom} reports. OpenVidu's values are the defaults; tests shorten the durations. Immutable.
 *
 * @param reconnectionGrace how long a participant whose socket closed (or whose master died) may come back with
 *     {@code connect} before it is evicted with {@code networkDisconnect} (OpenVidu: 10 s)
 * @param socketCloseDelay how long after {@code leaveRoom} or an eviction the server closes the socket itself, if the
 *     client has not (OpenVidu: 10 s)
 * @param defaultPingInterval the heartbeat interval assumed when the first {@code ping} names none (OpenVidu: 20 s);
 *     the socket is closed after three intervals without a ping
 * @param masterLeaseTtl how long a master that stopped renewing its liveness lease is believed alive; after that a
 *     surviving master starts the grace period of the participants it held
 * @param trustedProxies whose {@code X-Real-IP}/{@code X-Forwarded-For} headers are believed
 * @param publicUrl the cluster's public URL, used in tokens minted for privileged joins
 * @param coturnIp the TURN host reported in {@code joinRoom}
 * @param recordingNotification OpenVidu's {@code OPENVIDU_RECORDING_NOTIFICATION}: which roles receive
 *     {@code recordingStarted}/{@code recordingStopped} ({@code none}, {@code moderator},
 *     {@code publisher_moderator}, {@code all})
 */
public record SignalingSettings(
    Duration reconnectionGrace,
    Duration socketCloseDelay,
    Duration defaultPingInterval,
    Duration masterLeaseTtl,
    TrustedProxies trustedProxies,
    String publicUrl,
    String coturnIp,
    String recordingNotification) {

  /** The version {@code joinRoom} reports; openvidu-browser warns when it differs from its own. */
  public static final String OPENVIDU_VERSION = "2.20.0";

  public SignalingSettings {
    requirePositive(reconnectionGrace, "reconnectionGrace");
    requirePositive(socketCloseDelay, "socketCloseDelay");
    requirePositive(defaultPingInterval, "defaultPingInterval");
    requirePositive(masterLeaseTtl, "masterLeaseTtl");
    Objects.requireNonNull(trustedProxies, "trustedProxies");
    Objects.requireNonNull(publicUrl, "publicUrl");
    Objects.requireNonNull(coturnIp, "coturnIp");
    if (!java.util.List.of("none", "moderator", "publisher_moderator", "all").contains(recordingNotification)) {
      throw new IllegalArgumentException("recordingNotification must be none, moderator, publisher_moderator or all");
    }
  }

  /** OpenVidu's defaults for a cluster whose public URL is {@code publicUrl}. */
  public static SignalingSettings defaults(String publicUrl) {
    return new SignalingSettings(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(20),
        Duration.ofSeconds(3), TrustedProxies.none(), publicUrl, hostOf(publicUrl), "publisher_moderator");
  }

  /** A copy with another reconnection grace period. */
  public SignalingSettings withReconnectionGrace(Duration grace) {
    return new SignalingSettings(grace, socketCloseDelay, defaultPingInterval, masterLeaseTtl, trustedProxies,
        publicUrl, coturnIp, recordingNotification);
  }

  /** A copy with another delay before the server closes a departed participant's socket. */
  public SignalingSettings withSocketCloseDelay(Duration delay) {
    return new SignalingSettings(reconnectionGrace, delay, defaultPingInterval, masterLeaseTtl, trustedProxies,
        publicUrl, coturnIp, recordingNotification);
  }

  /** A copy with another master liveness lease duration. */
  public SignalingSettings withMasterLeaseTtl(Duration ttl) {
    return new SignalingSettings(reconnectionGrace, socketCloseDelay, defaultPingInterval, ttl, trustedProxies,
        publicUrl, coturnIp, recordingNotification);
  }

  /** A copy believing other proxies. */
  public SignalingSettings withTrustedProxies(TrustedProxies proxies) {
    return new SignalingSettings(reconnectionGrace, socketCloseDelay, defaultPingInterval, masterLeaseTtl, proxies,
        publicUrl, coturnIp, recordingNotification);
  }

  /** A copy with another {@code OPENVIDU_RECORDING_NOTIFICATION}. */
  public SignalingSettings withRecordingNotification(String policy) {
    return new SignalingSettings(reconnectionGrace, socketCloseDelay, defaultPingInterval, masterLeaseTtl,
        trustedProxies, publicUrl, coturnIp, policy);
  }

  private static String hostOf(String url) {
    String host = java.net.URI.create(url).getHost();
    return host == null ? "localhost" : host;
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
