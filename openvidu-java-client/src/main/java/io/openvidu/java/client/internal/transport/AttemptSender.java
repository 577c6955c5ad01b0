package io.openvidu.java.client.internal.transport;

import io.openvidu.java.client.internal.transport.endpoints.Endpoint;
import io.openvidu.java.client.internal.transport.endpoints.EndpointMonitor;
import io.openvidu.java.client.internal.transport.endpoints.Responsiveness;
import io.openvidu.java.client.internal.transport.http.AttemptExecutor;
import io.openvidu.java.client.internal.transport.http.Cancellation;
import io.openvidu.java.client.internal.transport.policy.AttemptResult;
import io.openvidu.java.client.transport.AttemptFailure;
import java.util.function.Consumer;

/**
 * Sends one attempt on the current thread and tells the endpoint's {@link Responsiveness} when it
 * ends, whatever happens: an attempt left "in flight" would make its endpoint look silent forever.
 * Thread-safe.
 */
public final class AttemptSender {

  private final AttemptExecutor executor;
  private final EndpointMonitor monitor;

  AttemptSender(AttemptExecutor executor, EndpointMonitor monitor) {
    this.executor = executor;
    this.monitor = monitor;
  }

  /**
   * @param pending the attempt, counted in flight on its endpoint by {@link
   *     EndpointMonitor#attemptStarted}
   * @param idempotencyKey the call's key, sent on a POST; {@code null} for other methods
   * @param cancellation what another thread may cancel the attempt with, or {@code null}
   */
  public AttemptResult send(
      Endpoint endpoint,
      Responsiveness.Pending pending,
      ApiRequest request,
      String idempotencyKey,
      long timeoutNanos,
      Cancellation cancellation) {
    AttemptResult result = null;
    try {
      result = executor.execute(endpoint, request, idempotencyKey, timeoutNanos, cancellation);
    } finally {
      monitor.attemptEnded(endpoint, pending, result);
    }
    return result;
  }

  /**
   * Sends one attempt without holding a thread while it is in flight, and hands its result to
   * {@code outcome} on an HTTP dispatcher thread, once its endpoint has been told it ended. {@code
   * outcome} must not block.
   *
   * @param cancellation what cancels the attempt
   */
  public void sendAsync(
      Endpoint endpoint,
      Responsiveness.Pending pending,
      ApiRequest request,
      String idempotencyKey,
      long timeoutNanos,
      Cancellation cancellation,
      Consumer<AttemptResult> outcome) {
    try {
      executor.executeAsync(
          endpoint,
          request,
          idempotencyKey,
          timeoutNanos,
          cancellation,
          result -> {
            monitor.attemptEnded(endpoint, pending, result);
            outcome.accept(result);
          });
    } catch (RuntimeException refused) { // a dispatcher shut down by close()
      monitor.attemptEnded(endpoint, pending, null);
      outcome.accept(
          AttemptResult.failed(
              AttemptFailure.Kind.NOT_SENT, "the OpenVidu client is closed", null));
    }
  }
}
