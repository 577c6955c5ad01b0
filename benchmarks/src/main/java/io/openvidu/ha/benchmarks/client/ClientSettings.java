package io.openvidu.ha.benchmarks.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a {@link BackendClient} sends its calls and how, passed to every implementation's public
 * constructor. The tuning knobs only apply to a client that has them (our SDK); the others ignore
 * them. Immutable; {@code toString()} hides the secret.
 *
 * @param urls one base URL, or several separated by commas (the masters of a cluster)
 * @param secret the OpenVidu secret
 * @param attemptTimeout a bound on one attempt; empty for the client's default
 * @param trustIdempotencyKeys whether every POST may be repeated because the servers honour its
 *     {@code Idempotency-Key} (the reference cluster does)
 */
public record ClientSettings(
    String urls, String secret, Optional<Duration> attemptTimeout, boolean trustIdempotencyKeys) {

  public ClientSettings {
    Objects.requireNonNull(urls, "urls");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(attemptTimeout, "attemptTimeout");
  }

  /** The client's defaults for everything but the endpoints and the secret. */
  public static ClientSettings defaults(String urls, String secret) {
    return new ClientSettings(urls, secret, Optional.empty(), false);
  }

  /** These settings with a bound on one attempt. */
  public ClientSettings withAttemptTimeout(Duration timeout) {
    return new ClientSettings(urls, secret, Optional.of(timeout), trustIdempotencyKeys);
  }

  /** These settings, trusting idempotency keys. */
  public ClientSettings trustingIdempotencyKeys() {
    return new ClientSettings(urls, secret, attemptTimeout, true);
  }

  @Override
  public String toString() {
    return "ClientSettings[urls="
        + urls
        + ", attemptTimeout="
        + attemptTimeout
        + ", trustIdempotencyKeys="
        + trustIdempotencyKeys
        + ", secret=***]";
  }
}
