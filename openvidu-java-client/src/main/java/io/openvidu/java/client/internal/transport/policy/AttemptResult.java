package io.openvidu.java.client.internal.transport.policy;

import io.openvidu.java.client.internal.transport.ResponseHeaders;
import io.openvidu.java.client.transport.AttemptFailure;
import java.io.IOException;

/**
 * What one attempt produced: an HTTP answer (any status), or a failure classified by whether the
 * request may have reached the server. Immutable.
 */
public final class AttemptResult {

  private final int status;
  private final byte[] body;
  private final ResponseHeaders headers;
  private final String retryAfter;
  private final AttemptFailure.Kind failureKind;
  private final String failureDescription;
  private final IOException failure;
  private final boolean neverLeftClient;

  private AttemptResult(
      int status,
      byte[] body,
      ResponseHeaders headers,
      String retryAfter,
      AttemptFailure.Kind failureKind,
      String failureDescription,
      IOException failure,
      boolean neverLeftClient) {
    this.status = status;
    this.body = body;
    this.headers = headers;
    this.retryAfter = retryAfter;
    this.failureKind = failureKind;
    this.failureDescription = failureDescription;
    this.failure = failure;
    this.neverLeftClient = neverLeftClient;
  }

  /**
   * @param retryAfter the answer's {@code Retry-After} value, or {@code null}: passed on its own
   *     because the HTTP layer may hide it from the headers (see {@code RetryAfterCapture})
   */
  public static AttemptResult answered(
      int status, byte[] body, ResponseHeaders headers, String retryAfter) {
    return new AttemptResult(status, body, headers, retryAfter, null, null, null, false);
  }

  public static AttemptResult failed(
      AttemptFailure.Kind kind, String description, IOException failure) {
    return new AttemptResult(
        0, null, ResponseHeaders.EMPTY, null, kind, description, failure, false);
  }

  /**
   * An attempt whose timeout passed while it still waited in the HTTP dispatcher's queue: not sent
   * ({@link AttemptFailure.Kind#NOT_SENT}, so the call may go on anywhere), and no sign of the
   * endpoint's health, which never saw it ({@link #neverLeftClient}).
   */
  public static AttemptResult timedOutInClientQueue(String description, IOException failure) {
    return new AttemptResult(
        0,
        null,
        ResponseHeaders.EMPTY,
        null,
        AttemptFailure.Kind.NOT_SENT,
        description,
        failure,
        true);
  }

  public boolean isAnswered() {
    return failureKind == null;
  }

  /** Whether this is an answer that ends the call: any status but 502, 503, 504 and 429. */
  public boolean endsCall() {
    return isAnswered() && !RetryableStatus.is(status);
  }

  public int status() {
    return status;
  }

  public byte[] body() {
    return body;
  }

  public ResponseHeaders headers() {
    return headers;
  }

  /** The answer's {@code Retry-After} value, or {@code null}. */
  public String retryAfter() {
    return retryAfter;
  }

  public AttemptFailure.Kind failureKind() {
    return failureKind;
  }

  public String failureDescription() {
    return failureDescription;
  }

  public IOException failure() {
    return failure;
  }

  /**
   * Whether the attempt failed without leaving the client (it timed out in the HTTP dispatcher's
   * queue): a failure of the call, not of its endpoint.
   */
  public boolean neverLeftClient() {
    return neverLeftClient;
  }
}
