package io.openvidu.ha.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

/**
 * A complete HTTP answer of the REST API: status, content type (null for an empty body) and body.
 * Kept as plain data so that an idempotency record can store it and any master can replay it.
 * Immutable.
 */
public record ApiResponse(int status, String contentType, String body) {
  /** Marks a response replayed from an idempotency record. */
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";

  /** A response with no body. */
  public static ApiResponse empty(int status) {
    return new ApiResponse(status, null, null);
  }

  /** A JSON response. */
  public static ApiResponse json(int status, JsonNode body) {
    return new ApiResponse(status, "application/json", body.toString());
  }

  /** A 200 JSON response. */
  public static ApiResponse ok(JsonNode body) {
    return json(200, body);
  }

  /** A plain-text response. */
  public static ApiResponse text(int status, String body) {
    return new ApiResponse(status, "text/plain", body);
  }

  /** Writes this response to {@code ctx}. */
  public void send(Context ctx) {
    ctx.status(status);
    if (body != null) {
      ctx.contentType(contentType).result(body);
    } else {
      // OpenVidu's empty answers carry no Content-Type at all.
      ctx.result("");
      ctx.res().setContentType(null);
    }
  }
}
