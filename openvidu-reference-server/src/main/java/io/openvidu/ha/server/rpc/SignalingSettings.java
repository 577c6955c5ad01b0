package io.openvidu.ha.server.rpc;

import java.time.Duration;
import java.util.Objects;

/**
 * How the masters' participant signaling behaves: grace periods, heartbeat expectations and which
 * proxies to believe. OpenVidu's values are the defaults; tests shorten the durations. Immutable;
 * build with {@link #builder()}.
 *
 * @param reconnectionGrace how long a participant whose socket closed without leaving (or whose
 *     master died) may come back with {@code connect}, through any master, before it is evicted
 *     with {@code networkDisconnect} (OpenVidu: 10 s)
 * @param socketCloseDelay how long after {@code leaveRoom} or an eviction the server closes the
 *     socket itself if the client has not (OpenVidu: 10 s)
 * @param defaultPingInterval the heartbeat interval assumed when the first {@code ping} names none
 *     (OpenVidu: 20 s); a socket is closed after three intervals without a ping
 * @param masterLeaseTtl how long a master that stopped renewing its liveness lease is still
 *     believed alive; then a surviving master starts the grace period of the participants it held
 *     (default 3 s)
 * @param trustedProxies whose {@code X-Real-IP}/{@code X-Forwarded-For} headers are believed
 *     (default: nobody's)
 */
public record SignalingSettings(
    Duration reconnectionGrace,
    Duration socketCloseDelay,
    Duration defaultPingInterval,
    Duration masterLeaseTtl,
    TrustedProxies trustedProxies) {

  public SignalingSettings {
    requirePositive(reconnectionGrace, "reconnectionGrace");
    requirePositive(socketCloseDelay, "socketCloseDelay");
    requirePositive(defaultPingInterval, "defaultPingInterval");
    requirePositive(masterLeaseTtl, "masterLeaseTtl");
    Objects.requireNonNull(trustedProxies, "trustedProxies");
  }

  /**
   * OpenVidu's behaviour: 10 s grace, 10 s socket close delay, 20 s default heartbeat; no trusted
   * proxy.
   */
  public static SignalingSettings defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings. */
  public Builder toBuilder() {
    return new Builder()
        .reconnectionGrace(reconnectionGrace)
        .socketCloseDelay(socketCloseDelay)
        .defaultPingInterval(defaultPingInterval)
        .masterLeaseTtl(masterLeaseTtl)
        .trustedProxies(trustedProxies);
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, not " + duration);
    }
  }

  /** Builds {@link SignalingSettings}; starts from the defaults. Not thread-safe. */
  public static final class Builder {
    private Duration reconnectionGrace = Duration.ofSeconds(10);
    private Duration socketCloseDelay = Duration.ofSeconds(10);
    private Duration defaultPingInterval = Duration.ofSeconds(20);
    private Duration masterLeaseTtl = Duration.ofSeconds(3);
    private TrustedProxies trustedProxies = TrustedProxies.none();

    private Builder() {}

    public Builder reconnectionGrace(Duration value) {
      reconnectionGrace = value;
      return this;
    }

    public Builder socketCloseDelay(Duration value) {
      socketCloseDelay = value;
      return this;
    }

    public Builder defaultPingInterval(Duration value) {
      defaultPingInterval = value;
      return this;
    }

    public Builder masterLeaseTtl(Duration value) {
      masterLeaseTtl = value;
      return this;
    }

    public Builder trustedProxies(TrustedProxies value) {
      trustedProxies = value;
      return this;
    }

    /**
     * @throws IllegalArgumentException when a duration is not positive
     */
    public SignalingSettings build() {
      return new SignalingSettings(
          reconnectionGrace, socketCloseDelay, defaultPingInterval, masterLeaseTtl, trustedProxies);
    }
  }
}
