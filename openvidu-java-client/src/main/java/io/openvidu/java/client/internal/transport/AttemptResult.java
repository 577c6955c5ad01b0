package io.openvidu.java.client.internal.transport;

import io.openvidu.java.client.transport.AttemptFailure;
import java.io.IOException;
import okhttp3.Headers;

/**
 * What one attempt produced: an HTTP answer (any status), or a failure classified by whether the
 * request may have reached the server. Immutable.
 */
final class AttemptResult {

  private final int status;
  private final byte[] body;
  private final Headers headers;
  private final String retryAfter;
  private final AttemptFailure.Kind failureKind;
  private final String failureDescription;
  private final IOException failure;

  private AttemptResult(
      int status,
      byte[] body,
      Headers headers,
      String retryAfter,
      AttemptFailure.Kind failureKind,
      String failureDescription,
      IOException failure) {
    this.status = status;
    this.body = body;
    this.headers = headers;
    this.retryAfter = retryAfter;
    this.failureKind = failureKind;
    this.failureDescription = failureDescription;
    this.failure = failure;
  }

  static AttemptResult answered(int status, byte[] body, Headers headers, String retryAfter) {
    return new AttemptResult(status, body, headers, retryAfter, null, null, null);
  }

  static AttemptResult failed(AttemptFailure.Kind kind, String description, IOException failure) {
    return new AttemptResult(0, null, null, null, kind, description, failure);
  }

  boolean isAnswered() {
    return failureKind == null;
  }

  int status() {
    return status;
  }

  byte[] body() {
    return body;
  }

  Headers headers() {
    return headers;
  }

  /** The answer's {@code Retry-After} header, or {@code null}. */
  String retryAfter() {
    return retryAfter;
  }

  AttemptFailure.Kind failureKind() {
    return failureKind;
  }

  String failureDescription() {
    return failureDescription;
  }

  IOException failure() {
    return failure;
  }
}
