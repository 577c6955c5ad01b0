package io.openvidu.java.client.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvidu.java.client.OpenViduHttpException;
import io.openvidu.java.client.internal.transport.ApiRequest;
import io.openvidu.java.client.internal.transport.ApiResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns an answer with an error status into an {@link OpenViduHttpException} whose message says
 * which operation failed, the status and, when the body has one, the server's own explanation, e.g.
 * {@code createSession failed: HTTP 400 Bad Request: Parameter 'customSessionId' is wrong...}.
 */
final class ServerErrors {

  /** Longest server explanation kept; a proxy's error page is not an explanation. */
  private static final int MAX_MESSAGE_LENGTH = 300;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Map<Integer, String> REASONS = new HashMap<>();

  static {
    REASONS.put(400, "Bad Request");
    REASONS.put(401, "Unauthorized");
    REASONS.put(403, "Forbidden");
    REASONS.put(404, "Not Found");
    REASONS.put(405, "Method Not Allowed");
    REASONS.put(406, "Not Acceptable");
    REASONS.put(407, "Proxy Authentication Required");
    REASONS.put(409, "Conflict");
    REASONS.put(413, "Content Too Large");
    REASONS.put(415, "Unsupported Media Type");
    REASONS.put(422, "Unprocessable Entity");
    REASONS.put(429, "Too Many Requests");
    REASONS.put(500, "Internal Server Error");
    REASONS.put(501, "Not Implemented");
    REASONS.put(502, "Bad Gateway");
    REASONS.put(503, "Service Unavailable");
    REASONS.put(504, "Gateway Timeout");
  }

  private ServerErrors() {}

  static OpenViduHttpException toException(ApiRequest request, ApiResponse response) {
    String serverMessage = serverMessage(response.body());
    return new OpenViduHttpException(
        response.status(), serverMessage, detail(request, response, serverMessage));
  }

  /**
   * The text of {@link OpenViduHttpException#toString()}, for the exceptions specific to one
   * refusal: {@code <operation> failed: HTTP <status> <reason>[: <server message>]}.
   */
  static String detail(ApiRequest request, ApiResponse response, String serverMessage) {
    StringBuilder message =
        new StringBuilder(request.operation()).append(" failed: HTTP ").append(response.status());
    String reason = REASONS.get(response.status());
    if (reason != null) {
      message.append(' ').append(reason);
    }
    if (serverMessage != null) {
      message.append(": ").append(serverMessage);
    }
    return message.toString();
  }

  /**
   * The {@code message} of an OpenVidu JSON error body; otherwise the first line of a plain-text
   * body (the server answers some 500s and 503s in plain text); {@code null} for an empty body, an
   * HTML page or JSON without a message.
   */
  static String serverMessage(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8).trim();
    if (text.isEmpty() || text.startsWith("<")) {
      return null;
    }
    if (text.startsWith("{")) {
      return jsonMessage(text);
    }
    int lineEnd = text.indexOf('\n');
    return shortened(lineEnd < 0 ? text : text.substring(0, lineEnd).trim());
  }

  private static String jsonMessage(String text) {
    try {
      JsonNode message = MAPPER.readTree(text).get("message");
      if (message == null || !message.isTextual() || message.textValue().isEmpty()) {
        return null;
      }
      return shortened(message.textValue());
    } catch (IOException notJson) {
      return null;
    }
  }

  private static String shortened(String text) {
    return text.length() <= MAX_MESSAGE_LENGTH
        ? text
        : text.substring(0, MAX_MESSAGE_LENGTH) + "...";
  }
}
