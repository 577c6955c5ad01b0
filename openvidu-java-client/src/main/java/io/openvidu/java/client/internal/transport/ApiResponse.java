package io.openvidu.java.client.internal.transport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The answer to one logical call: the final attempt's status and body, plus what the API layer
 * needs to reconcile a retried write (whether an earlier attempt may already have taken effect).
 *
 * <p>Any HTTP status is an {@code ApiResponse}; mapping non-success statuses to exceptions is the
 * API layer's job. Immutable and thread-safe.
 */
public final class ApiResponse {

  private final int status;
  private final byte[] body;
  private final ResponseHeaders headers;
  private final String endpoint;
  private final int attempts;
  private final boolean earlierAttemptMayHaveTakenEffect;

  /**
   * @param status the HTTP status of the final attempt
   * @param body the body of the final attempt (empty when none)
   * @param headers response headers of the final attempt ({@link ResponseHeaders#EMPTY} for none)
   * @param endpoint the base URL that answered
   * @param attempts how many attempts the call took (1 when the first attempt answered)
   * @param earlierAttemptMayHaveTakenEffect true when an earlier attempt was sent and its outcome
   *     is unknown (reset or timed out after sending), so an "already done" answer may be this
   *     call's own doing
   */
  public ApiResponse(
      int status,
      byte[] body,
      ResponseHeaders headers,
      String endpoint,
      int attempts,
      boolean earlierAttemptMayHaveTakenEffect) {
    this.status = status;
    this.body = body == null ? new byte[0] : body;
    this.headers = headers == null ? ResponseHeaders.EMPTY : headers;
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.attempts = attempts;
    this.earlierAttemptMayHaveTakenEffect = earlierAttemptMayHaveTakenEffect;
  }

  public int status() {
    return status;
  }

  public boolean isSuccessful() {
    return status >= 200 && status < 300;
  }

  /** The body; the array must not be modified. */
  public byte[] body() {
    return body;
  }

  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * A response header, its name matched case-insensitively, or {@code null}; a header sent several
   * times gives its values joined by {@code ", "}.
   */
  public String header(String name) {
    List<String> values = headers.values(name);
    return values.isEmpty() ? null : String.join(", ", values);
  }

  public String endpoint() {
    return endpoint;
  }

  public int attempts() {
    return attempts;
  }

  public boolean earlierAttemptMayHaveTakenEffect() {
    return earlierAttemptMayHaveTakenEffect;
  }

  @Override
  public String toString() {
    return "ApiResponse{status="
        + status
        + ", endpoint="
        + endpoint
        + ", attempts="
        + attempts
        + "}";
  }
}
