package io.openvidu.ha.server.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The settings a cluster starts with, the same for every master: the secret, the public URL (which
 * tokens and recording URLs carry), the recordings directory, whether recording is on, how long
 * idempotency records live, and the session garbage collector's interval and threshold (rest-api.md
 * §6.1; an interval of zero disables it). Runtime changes through {@code POST
 * /openvidu/api/restart} live in the store instead (see {@link RuntimeConfig}). Immutable; {@code
 * toString()} hides the secret.
 */
public record ClusterSettings(
    String secret,
    URI publicUrl,
    Path recordingsDir,
    boolean recordingEnabled,
    Duration idempotencyTtl,
    Duration sessionsGarbageInterval,
    Duration sessionsGarbageThreshold) {

  /** OpenVidu's version this cluster emulates. */
  public static final String OPENVIDU_VERSION = "2.20.0";

  /** OpenVidu's {@code OPENVIDU_SESSIONS_GARBAGE_INTERVAL} default. */
  public static final Duration DEFAULT_GARBAGE_INTERVAL = Duration.ofSeconds(900);

  /** OpenVidu's {@code OPENVIDU_SESSIONS_GARBAGE_THRESHOLD} default. */
  public static final Duration DEFAULT_GARBAGE_THRESHOLD = Duration.ofSeconds(3600);

  public ClusterSettings {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(sessionsGarbageInterval, "sessionsGarbageInterval");
    Objects.requireNonNull(sessionsGarbageThreshold, "sessionsGarbageThreshold");
    if (sessionsGarbageInterval.isNegative() || sessionsGarbageThreshold.isNegative()) {
      throw new IllegalArgumentException(
          "the sessions garbage interval and threshold must not be negative");
    }
    Objects.requireNonNull(publicUrl, "publicUrl");
    Objects.requireNonNull(recordingsDir, "recordingsDir");
    Objects.requireNonNull(idempotencyTtl, "idempotencyTtl");
    String scheme =
        publicUrl.getScheme() == null ? "" : publicUrl.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || publicUrl.getHost() == null) {
      throw new IllegalArgumentException(
          "the public URL must be http(s)://host[:port], not " + publicUrl);
    }
    if (secret.isEmpty()) {
      throw new IllegalArgumentException("the secret must not be empty");
    }
  }

  /** Settings with OpenVidu's garbage collector defaults (every 900 s, sessions older than 1 h). */
  public ClusterSettings(
      String secret,
      URI publicUrl,
      Path recordingsDir,
      boolean recordingEnabled,
      Duration idempotencyTtl) {
    this(
        secret,
        publicUrl,
        recordingsDir,
        recordingEnabled,
        idempotencyTtl,
        DEFAULT_GARBAGE_INTERVAL,
        DEFAULT_GARBAGE_THRESHOLD);
  }

  /** The public URL without a trailing slash, e.g. {@code https://my.openvidu.ip:4443}. */
  public String publicUrlText() {
    String text = publicUrl.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  /**
   * Host and port of the public URL as tokens show them ({@code :port} left out when it is the
   * default).
   */
  public String publicHostAndPort() {
    int port = publicUrl.getPort();
    boolean defaultPort = port == -1 || port == (isSecure() ? 443 : 80);
    return publicUrl.getHost() + (defaultPort ? "" : ":" + port);
  }

  /** The public port (443 or 80 when the URL has none). */
  public int publicPort() {
    return publicUrl.getPort() != -1 ? publicUrl.getPort() : isSecure() ? 443 : 80;
  }

  /** Whether the public URL is https (tokens then use wss). */
  public boolean isSecure() {
    return publicUrl.getScheme().equalsIgnoreCase("https");
  }

  @Override
  public String toString() {
    return "ClusterSettings[publicUrl="
        + publicUrl
        + ", recordingsDir="
        + recordingsDir
        + ", recordingEnabled="
        + recordingEnabled
        + ", idempotencyTtl="
        + idempotencyTtl
        + ", sessionsGarbageInterval="
        + sessionsGarbageInterval
        + ", sessionsGarbageThreshold="
        + sessionsGarbageThreshold
        + ", secret=***]";
  }
}
