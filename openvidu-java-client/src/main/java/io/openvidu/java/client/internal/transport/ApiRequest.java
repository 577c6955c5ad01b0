package io.openvidu.java.client.internal.transport;

import java.util.Objects;

/**
 * One logical REST call as the API layer describes it to the {@link Transport}: what to send, and
 * whether the operation is safe to repeat when an earlier attempt's outcome is unknown.
 *
 * <p>Immutable and thread-safe. The path is relative to an endpoint's base URL, already encoded,
 * and may carry a query string (for example {@code
 * /openvidu/api/sessions?pendingConnections=true}).
 */
public final class ApiRequest {

  /** The HTTP methods the OpenVidu REST API uses. */
  public enum Method {
    GET,
    POST,
    PATCH,
    PUT,
    DELETE
  }

  private final Method method;
  private final String pathAndQuery;
  private final byte[] jsonBody;
  private final boolean repeatableWhenOutcomeUnknown;
  private final String operation;

  private ApiRequest(
      Method method,
      String pathAndQuery,
      byte[] jsonBody,
      boolean repeatableWhenOutcomeUnknown,
      String operation) {
    this.method = Objects.requireNonNull(method, "method");
    this.pathAndQuery = Objects.requireNonNull(pathAndQuery, "pathAndQuery");
    if (!pathAndQuery.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/': " + pathAndQuery);
    }
    this.jsonBody = jsonBody;
    this.repeatableWhenOutcomeUnknown = repeatableWhenOutcomeUnknown;
    this.operation = operation == null ? method + " " + pathAndQuery : operation;
  }

  /** A GET: always repeatable. */
  public static ApiRequest get(String pathAndQuery) {
    return new ApiRequest(Method.GET, pathAndQuery, null, true, null);
  }

  /** A DELETE: repeatable (a repeat that finds the resource gone is reconciled by the caller). */
  public static ApiRequest delete(String pathAndQuery) {
    return new ApiRequest(Method.DELETE, pathAndQuery, null, true, null);
  }

  /** A PATCH with a JSON body: repeatable (it sets absolute values). */
  public static ApiRequest patch(String pathAndQuery, byte[] jsonBody) {
    return new ApiRequest(Method.PATCH, pathAndQuery, jsonBody, true, null);
  }

  /**
   * A PUT with a JSON body (or {@code null} for an empty one): repeatable, as HTTP defines PUT
   * (idempotent: a repeat leaves the state one leaves).
   */
  public static ApiRequest put(String pathAndQuery, byte[] jsonBody) {
    return new ApiRequest(Method.PUT, pathAndQuery, jsonBody, true, null);
  }

  /**
   * A POST with a JSON body (or {@code null} for none). Not repeated after an unknown outcome
   * unless {@link #repeatableWhenOutcomeUnknown(boolean)} says the operation guarantees it.
   */
  public static ApiRequest post(String pathAndQuery, byte[] jsonBody) {
    return new ApiRequest(Method.POST, pathAndQuery, jsonBody, false, null);
  }

  /**
   * @param repeatable whether the operation stays correct if an attempt whose outcome is unknown
   *     (sent, then reset or timed out) is repeated, for example because the server recognises the
   *     repeat (a client-chosen session id) and the caller reconciles the "already done" answer
   * @return a copy with that guarantee
   */
  public ApiRequest repeatableWhenOutcomeUnknown(boolean repeatable) {
    return new ApiRequest(method, pathAndQuery, jsonBody, repeatable, operation);
  }

  /**
   * @param name a short, secret-free name of the operation for logs and exception messages, such as
   *     {@code "createSession"}
   * @return a copy with that name
   */
  public ApiRequest named(String name) {
    return new ApiRequest(method, pathAndQuery, jsonBody, repeatableWhenOutcomeUnknown, name);
  }

  public Method method() {
    return method;
  }

  public String pathAndQuery() {
    return pathAndQuery;
  }

  /** The JSON body, or {@code null} when the request has none. The array must not be modified. */
  public byte[] jsonBody() {
    return jsonBody;
  }

  public boolean isRepeatableWhenOutcomeUnknown() {
    return repeatableWhenOutcomeUnknown;
  }

  /** The operation's name for logs and messages. */
  public String operation() {
    return operation;
  }

  @Override
  public String toString() {
    return operation;
  }
}
