package io.openvidu.java.client.deployment;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What one endpoint (a master, or the single server) answered to {@code GET /openvidu/api/health}
 * (rest-api.md §5.15), asked of that endpoint alone, without failover. Part of a {@link
 * HealthReport}.
 *
 * <p>Immutable and thread-safe.
 */
public final class EndpointHealth {

  /** How the endpoint answered. */
  public enum State {
    /** 200 {@code {"status":"UP"}}: the master is up and some media node runs. */
    UP,
    /**
     * It answered, but not UP: 503 {@code {"status":"DOWN"}} (no media node runs), or another
     * status (OpenVidu CE has no health endpoint and answers 404).
     */
    DOWN,
    /** No answer: refused, reset, timed out, unknown host, TLS failure. */
    UNREACHABLE
  }

  private final String endpoint;
  private final State state;
  private final int httpStatus;
  private final Duration latency;
  private final String problem;

  /**
   * @param endpoint the endpoint's base URL
   * @param state how it answered
   * @param httpStatus the HTTP status of its answer, 0 when {@link State#UNREACHABLE}
   * @param latency how long the check took
   * @param problem why it is not UP, without secrets; {@code null} when UP
   */
  public EndpointHealth(
      String endpoint, State state, int httpStatus, Duration latency, String problem) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.state = Objects.requireNonNull(state, "state");
    this.httpStatus = httpStatus;
    this.latency = Objects.requireNonNull(latency, "latency");
    this.problem = problem;
  }

  /**
   * @return the endpoint's base URL, as given to the client
   */
  public String endpoint() {
    return endpoint;
  }

  /**
   * @return how it answered
   */
  public State state() {
    return state;
  }

  /**
   * @return whether it answered UP
   */
  public boolean isUp() {
    return state == State.UP;
  }

  /**
   * @return the HTTP status of its answer; 0 when {@link State#UNREACHABLE}
   */
  public int httpStatus() {
    return httpStatus;
  }

  /**
   * @return how long the check took
   */
  public Duration latency() {
    return latency;
  }

  /**
   * @return why it is not UP (e.g. {@code HTTP 503: DOWN}, {@code connection refused}); empty when
   *     UP
   */
  public Optional<String> problem() {
    return Optional.ofNullable(problem);
  }

  @Override
  public String toString() {
    return endpoint
        + " "
        + state
        + (httpStatus == 0 ? "" : " (HTTP " + httpStatus + ")")
        + (problem == null ? "" : ": " + problem)
        + " in "
        + latency.toMillis()
        + " ms";
  }
}
