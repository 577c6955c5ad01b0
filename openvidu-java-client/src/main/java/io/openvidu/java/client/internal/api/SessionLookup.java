package io.openvidu.java.client.internal.api;

import io.openvidu.java.client.internal.json.SessionDocument;
import io.openvidu.java.client.internal.transport.ApiRequest;
import java.util.Optional;

/**
 * {@code GET /openvidu/api/sessions/{id}?pendingConnections=true} (rest-api.md §4.2) as a look-up:
 * the session with its connections, pending ones included (as {@code fetch()} asks for them), or
 * nothing when the server answers 404.
 */
public final class SessionLookup {

  private SessionLookup() {}

  public static Operation<Optional<SessionDocument>> byId(String sessionId) {
    ApiRequest request =
        ApiRequest.get(ApiPaths.session(sessionId) + "?pendingConnections=true")
            .named("getSession");
    return Operation.reading(
        request,
        response -> {
          if (response.isSuccessful()) {
            return Optional.of(
                OpenViduApi.read(request, response, "session", SessionDocument::parse));
          }
          if (response.status() == 404) {
            return Optional.empty();
          }
          throw ServerErrors.toException(request, response);
        });
  }
}
