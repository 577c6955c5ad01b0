package io.openvidu.java.client.webhook;

import java.time.Instant;
import java.util.Optional;

/**
 * A correctly signed POST whose signing time is outside the receiver's window: older than the
 * {@linkplain WebhookReceiver.Builder#tolerance(java.time.Duration) tolerance} (a replay of a
 * captured request, or a delivery held up too long) or later than now plus the {@linkplain
 * WebhookReceiver.Builder#clockSkew(java.time.Duration) clock skew} allowed; or a timestamp header
 * that is not a number of seconds.
 */
public final class WebhookTimestampException extends WebhookAuthenticationException {

  private static final long serialVersionUID = 1L;

  private final Instant signedAt;

  WebhookTimestampException(String message, Instant signedAt) {
    super(message);
    this.signedAt = signedAt;
  }

  /**
   * @return the time the POST claims it was signed; empty when the header is not a number
   */
  public Optional<Instant> signedAt() {
    return Optional.ofNullable(signedAt);
  }
}
