package io.openvidu.ha.server.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.HttpStatus;
import java.time.Instant;

/**
 * A request the API refuses, in one of the error shapes of rest-api.md §2.2/2.3: status only with
 * an empty body, OpenVidu's JSON error ({@code timestamp} as a number), or the web framework's JSON
 * error ({@code timestamp} as an ISO string). Thrown by handlers and rendered by the exception
 * mapping; never carries secrets or tokens.
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final Shape shape;

  private ApiException(int status, Shape shape, String message) {
    super(message, null, false, false);
    this.status = status;
    this.shape = shape;
  }

  /** Status only, empty body. */
  public static ApiException empty(int status) {
    return new ApiException(status, Shape.EMPTY, "");
  }

  /** OpenVidu's JSON error body with {@code message}. */
  public static ApiException json(int status, String message) {
    return new ApiException(status, Shape.OPENVIDU, message);
  }

  /**
   * The framework's JSON error body (authentication, unreadable body, unknown path, wrong method).
   */
  public static ApiException framework(int status, String message) {
    return new ApiException(status, Shape.FRAMEWORK, message);
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** This error as a response to a request for {@code path}. */
  public ApiResponse toResponse(String path) {
    return switch (shape) {
      case EMPTY -> ApiResponse.empty(status);
      case OPENVIDU ->
          ApiResponse.json(status, body(path).put("timestamp", System.currentTimeMillis()));
      case FRAMEWORK ->
          ApiResponse.json(status, body(path).put("timestamp", Instant.now().toString()));
    };
  }

  private ObjectNode body(String path) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("timestamp", 0);
    body.put("status", status);
    body.put("error", HttpStatus.forStatus(status).getMessage());
    body.put("message", getMessage());
    body.put("path", path);
    return body;
  }

  private enum Shape {
    EMPTY,
    OPENVIDU,
    FRAMEWORK
  }
}
