package io.openvidu.java.client.internal.transport.endpoints;

import io.openvidu.java.client.internal.transport.ApiRequest;
import io.openvidu.java.client.internal.transport.policy.AttemptResult;
import java.util.function.Consumer;

/**
 * What watching endpoints needs from the HTTP layer: a request sent in the background (a probe),
 * and the idle connections of an ejected endpoint closed. Implementations are thread-safe.
 */
public interface Network {

  /** Sends {@code request} without blocking; {@code outcome} receives its result on some thread. */
  void sendInBackground(
      Endpoint endpoint, ApiRequest request, long timeoutNanos, Consumer<AttemptResult> outcome);

  /** Closes the endpoint's idle pooled connections, which are probably dead after an ejection. */
  void closeIdleConnections(Endpoint endpoint);
}
