package io.openvidu.java.client.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * How one API call ended, for {@link OpenViduEventListener#callEnded}: its operation, the endpoint
 * of its last attempt, how many attempts it took, how long it took and its outcome.
 *
 * <p>Immutable and thread-safe. Never contains the secret, the Authorization header or a token.
 */
public final class CallEnded {

  /** How the call ended. */
  public enum Outcome {
    /** Answered with a 2xx status. */
    SUCCEEDED,
    /**
     * Answered with another status (a 4xx the API method turns into an {@code
     * OpenViduHttpException}, or the last 502, 503, 504 or 429 of a call that could not go on).
     */
    ERROR_STATUS,
    /** No answer: the API method throws an {@code OpenViduJavaClientException}. */
    FAILED,
    /**
     * Cancelled by its caller before it ended: the future of an asynchronous call ({@code
     * openVidu.async()}, {@code session.async()}) was cancelled ({@code cancel(true)} or {@code
     * cancel(false)}). Its attempt in flight was cancelled and no further attempt was made; a write
     * the server had already received may still have taken effect. Not a failure of the endpoint.
     */
    CANCELLED
  }

  private final String operation;
  private final String endpoint;
  private final int attempts;
  private final Duration latency;
  private final Outcome outcome;
  private final int status;

  /**
   * @param operation the operation's name, such as {@code createSession}
   * @param endpoint the base URL of the endpoint of the last attempt, or {@code null} when the call
   *     made none (the client was closed)
   * @param attempts how many attempts the call made, hedges included
   * @param latency from the call's start to its end
   * @param outcome how it ended
   * @param status the HTTP status of the answer, 0 when {@link Outcome#FAILED} or {@link
   *     Outcome#CANCELLED}
   */
  public CallEnded(
      String operation,
      String endpoint,
      int attempts,
      Duration latency,
      Outcome outcome,
      int status) {
    this.operation = Objects.requireNonNull(operation, "operation");
    this.endpoint = endpoint;
    this.attempts = attempts;
    this.latency = Objects.requireNonNull(latency, "latency");
    this.outcome = Objects.requireNonNull(outcome, "outcome");
    this.status = status;
  }

  public String operation() {
    return operation;
  }

  /** The base URL of the endpoint of the last attempt, or {@code null} when there was none. */
  public String endpoint() {
    return endpoint;
  }

  public int attempts() {
    return attempts;
  }

  public Duration latency() {
    return latency;
  }

  public Outcome outcome() {
    return outcome;
  }

  /**
   * The HTTP status of the answer; 0 when the call {@link Outcome#FAILED} or was {@link
   * Outcome#CANCELLED}.
   */
  public int status() {
    return status;
  }

  @Override
  public String toString() {
    return operation
        + " "
        + outcome
        + (status == 0 ? "" : " " + status)
        + " on "
        + endpoint
        + " after "
        + attempts
        + (attempts == 1 ? " attempt" : " attempts")
        + " in "
        + latency.toMillis()
        + " ms";
  }
}
