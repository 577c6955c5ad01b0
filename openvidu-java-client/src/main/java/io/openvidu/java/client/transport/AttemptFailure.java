package io.openvidu.java.client.transport;

import java.io.IOException;
import java.io.Serializable;
import java.util.Objects;

/**
 * One failed attempt of an API call: which endpoint, which operation, what went wrong. Passed to
 * {@link OpenViduEventListener#attemptFailed(AttemptFailure)} and listed by the exception of a call
 * that failed.
 *
 * <p>Immutable and thread-safe. Never contains the secret, the Authorization header or a token.
 */
public final class AttemptFailure implements Serializable {

  private static final long serialVersionUID = 1L;

  /** What kind of failure, which decides whether the call may be repeated. */
  public enum Kind {
    /**
     * The request was never sent (connection refused, unknown host, connect timeout, TLS failure).
     */
    NOT_SENT,
    /**
     * The request was sent, then the connection failed or the attempt timed out: it may have taken
     * effect.
     */
    OUTCOME_UNKNOWN,
    /** The server answered 502, 503, 504 or 429: busy, unavailable or overloaded. */
    RETRYABLE_STATUS
  }

  private final String endpoint;
  private final String operation;
  private final int attempt;
  private final Kind kind;
  private final int status;
  private final String description;
  private final IOException cause;

  /**
   * @param endpoint the base URL of the endpoint tried
   * @param operation the operation's name, such as {@code createSession}
   * @param attempt the attempt's number within its call, from 1
   * @param kind the kind of failure
   * @param status the HTTP status for {@link Kind#RETRYABLE_STATUS}, else 0
   * @param description a short, secret-free description, such as {@code connection refused}
   * @param cause the I/O failure, or {@code null} for a status
   */
  public AttemptFailure(
      String endpoint,
      String operation,
      int attempt,
      Kind kind,
      int status,
      String description,
      IOException cause) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.operation = Objects.requireNonNull(operation, "operation");
    this.attempt = attempt;
    this.kind = Objects.requireNonNull(kind, "kind");
    this.status = status;
    this.description = Objects.requireNonNull(description, "description");
    this.cause = cause;
  }

  /**
   * @return the base URL of the endpoint tried
   */
  public String endpoint() {
    return endpoint;
  }

  /**
   * @return the operation's name
   */
  public String operation() {
    return operation;
  }

  /**
   * @return the attempt's number within its call, from 1
   */
  public int attempt() {
    return attempt;
  }

  /**
   * @return the kind of failure
   */
  public Kind kind() {
    return kind;
  }

  /**
   * @return the HTTP status for {@link Kind#RETRYABLE_STATUS}, else 0
   */
  public int status() {
    return status;
  }

  /**
   * @return a short description of what went wrong
   */
  public String description() {
    return description;
  }

  /**
   * @return the I/O failure, or {@code null} when the server answered with a status
   */
  public IOException cause() {
    return cause;
  }

  /**
   * @return the endpoint followed by the description, as in exception messages
   */
  @Override
  public String toString() {
    return endpoint + " " + description;
  }
}
