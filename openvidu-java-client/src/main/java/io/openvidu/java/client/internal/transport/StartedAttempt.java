package io.openvidu.java.client.internal.transport;

import io.openvidu.java.client.internal.transport.endpoints.Endpoint;
import io.openvidu.java.client.internal.transport.endpoints.Responsiveness;
import io.openvidu.java.client.internal.transport.hedging.Hedge;

/**
 * An attempt begun by either driver ({@link FailoverTransport#startAttempt}): counted on its call,
 * announced to the listener, in flight on its endpoint, its hedge scheduled if it may have one.
 * Immutable.
 */
final class StartedAttempt {

  final Endpoint endpoint;
  final int number;
  final Responsiveness.Pending pending;

  /** The hedge scheduled for it, or {@code null} when the attempt may not be hedged. */
  final Hedge hedge;

  StartedAttempt(Endpoint endpoint, int number, Responsiveness.Pending pending, Hedge hedge) {
    this.endpoint = endpoint;
    this.number = number;
    this.pending = pending;
    this.hedge = hedge;
  }
}
