package io.openvidu.ha.server.store;

import java.util.Objects;

/**
 * The first response given to an {@code Idempotency-Key}: the request's fingerprint (method, path
 * and body, hashed) and the response to replay ({@code contentType} null for an empty body). Stored
 * with a time to live. Immutable; {@code toString()} leaves the body out.
 */
public record IdempotencyRecord(
    String key, String fingerprint, int status, String contentType, String body, long createdAt) {

  public IdempotencyRecord {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }

  /** Leaves the body out: it may hold tokens. */
  @Override
  public String toString() {
    return "IdempotencyRecord[key=" + key + ", status=" + status + ", createdAt=" + createdAt + "]";
  }
}
