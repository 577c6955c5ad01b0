package io.openvidu.ha.server.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.openvidu.ha.server.store.ClusterEvent;
import io.openvidu.ha.server.store.ConnectionState;
import io.openvidu.ha.server.store.SessionState;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code POST /openvidu/api/signal} (rest-api.md §5.13): validates the signal and publishes it as a
 * {@link ClusterEvent#SIGNAL} event addressed to its recipients; the masters holding their sockets
 * deliver it as {@code sendMessage}.
 */
final class SignalRoutes {
  private final ApiContext api;
  private final IdempotentCalls calls;

  SignalRoutes(ApiContext api, IdempotentCalls calls) {
    this.api = api;
    this.calls = calls;
  }

  void install(RoutesConfig routes) {
    routes.post(RestApi.BASE + "/signal", this::send);
  }

  private void send(Context ctx) {
    JsonRequestBody body = JsonRequestBody.parse(RequestText.of(ctx));
    Optional<String> session = body.string("session");
    Optional<String> type = body.string("type");
    Optional<String> data = body.string("data");
    Optional<List<String>> to =
        body.raw("to")
            .map(
                value -> {
                  if (!value.isArray()) {
                    throw ApiException.json(
                        400, "Type error in some parameter: 'to' must be an array");
                  }
                  for (var element : value) {
                    if (!element.isTextual() && !element.isNull()) {
                      throw ApiException.json(
                          400, "Type error in some parameter: 'to' must be an array of strings");
                    }
                    if (element.isNull()) {
                      throw ApiException.json(
                          406, "\"to\" array has no valid connection identifiers");
                    }
                  }
                  return body.stringList("to").orElseThrow();
                });
    String sessionId =
        session.orElseThrow(() -> ApiException.json(400, "\"session\" parameter is mandatory"));
    calls.run(
        ctx,
        tx -> {
          SessionState state =
              tx.sessions().find(sessionId).orElseThrow(() -> ApiException.empty(404));
          if (!state.active()) {
            throw ApiException.empty(406);
          }
          Set<String> connected =
              state.activeConnections().stream()
                  .map(ConnectionState::id)
                  .collect(Collectors.toSet());
          List<String> recipients =
              to.filter(list -> !list.isEmpty()).orElse(List.copyOf(connected));
          if (!connected.containsAll(recipients)) {
            throw ApiException.json(406, "\"to\" array has no valid connection identifiers");
          }
          ObjectNode payload = JsonNodeFactory.instance.objectNode();
          data.ifPresent(d -> payload.put("data", d));
          type.ifPresent(t -> payload.put("type", t));
          tx.webhooks()
              .signalSent(
                  state,
                  null,
                  recipients,
                  type.orElse(null),
                  data.orElse(null),
                  System.currentTimeMillis());
          if (!recipients.isEmpty()) {
            tx.events()
                .publish(
                    new ClusterEvent(
                        ClusterEvent.SIGNAL, sessionId, recipients, payload, api.masterId()));
          }
          return ApiResponse.empty(200);
        });
  }
}
