package io.openvidu.java.client.internal.api;

import io.openvidu.java.client.InvalidSignalRecipientsException;
import io.openvidu.java.client.SessionNotActiveException;
import io.openvidu.java.client.SessionNotFoundException;
import io.openvidu.java.client.Signal;
import io.openvidu.java.client.internal.json.ExtensionRequestJson;
import io.openvidu.java.client.internal.transport.ApiRequest;

/**
 * {@code POST /openvidu/api/signal} (rest-api.md §5.13). Not repeated after an attempt whose
 * outcome is unknown (each attempt would send the signal again), unless the masters honour
 * idempotency keys. Refusals: 404 (no such session), 406 without a body (nobody has joined it) and
 * 406 with a JSON message (a recipient is not connected: nothing was sent).
 */
public final class SignalCall {

  private SignalCall() {}

  public static Operation<Void> send(Signal signal) {
    ApiRequest request =
        ApiRequest.post(ApiPaths.SIGNAL, ExtensionRequestJson.signal(signal)).named("sendSignal");
    return Operation.reading(
        request,
        response -> {
          if (response.isSuccessful()) {
            return null;
          }
          String serverMessage = ServerErrors.serverMessage(response.body());
          String detail = ServerErrors.detail(request, response, serverMessage);
          if (response.status() == 404) {
            throw new SessionNotFoundException(signal.sessionId(), serverMessage, detail);
          }
          if (response.status() == 406) {
            // The spec's two 406s: empty for a session nobody joined, JSON for bad recipients.
            if (response.body().length == 0) {
              throw new SessionNotActiveException(signal.sessionId(), serverMessage, detail);
            }
            throw new InvalidSignalRecipientsException(signal.to(), serverMessage, detail);
          }
          throw ServerErrors.toException(request, response);
        });
  }
}
