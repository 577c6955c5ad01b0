package io.openvidu.ha.benchmarks.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a {@link BackendClient} sends its calls and how, passed to every implementation's public constructor.
 * Immutable; {@code toString()} hides the secret.
 *
 * @param urls           one base URL, or several separated by commas (the masters of a cluster)
 * @param secret         the OpenVidu secret
 * @param attemptTimeout a bound on one attempt for clients that have one; empty for the client's default
 */
public record ClientSettings(String urls, String secret, Optional<Duration> attemptTimeout) {

  public ClientSettings {
    Objects.requireNonNull(urls, "urls");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(attemptTimeout, "attemptTimeout");
  }

  /** The client's defaults for everything but the endpoints and the secret. */
  public static ClientSettings defaults(String urls, String secret) {
    return new ClientSettings(urls, secret, Optional.empty());
  }

  /** These settings with a bound on one attempt. */
  public ClientSettings withAttemptTimeout(Duration timeout) {
    return new ClientSettings(urls, secret, Optional.of(timeout));
  }

  @Override
  public String toString() {
    return "ClientSettings[urls=" + urls + ", attemptTimeout=" + attemptTimeout + ", secret=***]";
  }
}
