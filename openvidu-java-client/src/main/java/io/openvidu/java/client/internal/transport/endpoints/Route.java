package io.openvidu.java.client.internal.transport.endpoints;

import io.openvidu.java.client.internal.transport.policy.StopReason;

/**
 * The router's decision for a call's next attempt: go to this endpoint, with its leave to send
 * ({@link EndpointHealth.Ticket}), after this wait; or make no attempt, for a reason. Immutable.
 */
public final class Route {

  /** The retry budget forbids anything but a healthy endpoint, and none is left. */
  static final Route BUDGET_EXHAUSTED = new Route(null, null, 0, StopReason.BUDGET_EXHAUSTED);

  /** The call relies on its idempotency key, and no endpoint is trusted to honour it. */
  static final Route NO_TRUSTED_ENDPOINT = new Route(null, null, 0, StopReason.NO_TRUSTED_ENDPOINT);

  private final Endpoint endpoint;
  private final EndpointHealth.Ticket ticket;
  private final long waitNanos;
  private final StopReason refusal;

  private Route(
      Endpoint endpoint, EndpointHealth.Ticket ticket, long waitNanos, StopReason refusal) {
    this.endpoint = endpoint;
    this.ticket = ticket;
    this.waitNanos = waitNanos;
    this.refusal = refusal;
  }

  /** An attempt to {@code endpoint} after {@code waitNanos}, with this ticket. */
  static Route to(Endpoint endpoint, EndpointHealth.Ticket ticket, long waitNanos) {
    return new Route(endpoint, ticket, waitNanos, null);
  }

  /** An attempt to {@code endpoint} at once, with this ticket. */
  public static Route now(Endpoint endpoint, EndpointHealth.Ticket ticket) {
    return new Route(endpoint, ticket, 0, null);
  }

  /** No attempt is made, for this reason. */
  static Route refused(StopReason reason) {
    return new Route(null, null, 0, reason);
  }

  public boolean isRefused() {
    return refusal != null;
  }

  /** Why no attempt is made; only when {@link #isRefused()}. */
  public StopReason refusal() {
    return refusal;
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  public EndpointHealth.Ticket ticket() {
    return ticket;
  }

  /** How long to wait before sending: a backoff, or what a {@code Retry-After} asked for. */
  public long waitNanos() {
    return waitNanos;
  }
}
