package io.openvidu.ha.server.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.openvidu.ha.server.store.ClusterEvent;
import io.openvidu.ha.server.store.ConnectionState;
import io.openvidu.ha.server.store.ConnectionType;
import io.openvidu.ha.server.store.OpenViduRole;
import io.openvidu.ha.server.store.Rejection;
import io.openvidu.ha.server.store.SessionState;
import io.openvidu.ha.server.store.Transaction;
import io.openvidu.ha.server.store.TransitionRejectedException;
import java.util.List;
import java.util.Optional;

/**
 * Connections and streams of a session (rest-api.md §5.1–5.6) and the deprecated {@code POST
 * /tokens} (§5.12). Evictions and forced unpublishing change the store and publish an event;
 * delivering it to the participants is the job of whichever master holds their sockets.
 */
final class ConnectionRoutes {
  /** The reason of an eviction by REST. */
  static final String FORCE_DISCONNECT = "forceDisconnectByServer";

  /** The reason of a forced unpublish by REST. */
  static final String FORCE_UNPUBLISH = "forceUnpublishByServer";

  private final ApiContext api;
  private final IdempotentCalls calls;

  ConnectionRoutes(ApiContext api, IdempotentCalls calls) {
    this.api = api;
    this.calls = calls;
  }

  void install(RoutesConfig routes) {
    String session = RestApi.BASE + "/sessions/{sessionId}";
    routes.post(session + "/connection", this::create);
    routes.get(session + "/connection", this::list);
    routes.get(session + "/connection/{connectionId}", this::get);
    routes.patch(session + "/connection/{connectionId}", this::update);
    routes.delete(session + "/connection/{connectionId}", this::delete);
    routes.delete(session + "/stream/{streamId}", this::unpublish);
    routes.post(RestApi.BASE + "/tokens", this::createToken);
  }

  private void create(Context ctx) {
    String sessionId = ctx.pathParam("sessionId");
    JsonRequestBody body = JsonRequestBody.parse(RequestText.of(ctx));
    calls.run(
        ctx,
        tx -> {
          if (!tx.sessions().exists(sessionId)) {
            throw ApiException.empty(404);
          }
          ConnectionRequest request = ConnectionRequest.parse(body);
          ConnectionState connection =
              request.toConnection(sessionId, api.settings(), System.currentTimeMillis());
          try {
            tx.sessions().addConnection(connection);
          } catch (TransitionRejectedException e) {
            throw e.rejection() == Rejection.NO_MEDIA_NODE_AVAILABLE
                ? ApiException.json(500, "Error publishing the IP camera: no media node is running")
                : ApiException.empty(404);
          }
          return ApiResponse.ok(SessionJson.connection(connection, false));
        });
  }

  private void list(Context ctx) {
    boolean pending = QueryFlags.flag(ctx, "pendingConnections", true);
    boolean stats = QueryFlags.flag(ctx, "webRtcStats", false);
    String sessionId = ctx.pathParam("sessionId");
    Optional<SessionState> session = api.store().atomically(tx -> tx.sessions().find(sessionId));
    session
        .map(s -> ApiResponse.ok(SessionJson.connectionList(s, pending, stats)))
        .orElse(ApiResponse.empty(404))
        .send(ctx);
  }

  private void get(Context ctx) {
    String sessionId = ctx.pathParam("sessionId");
    String connectionId = ctx.pathParam("connectionId");
    Optional<SessionState> session = api.store().atomically(tx -> tx.sessions().find(sessionId));
    if (session.isEmpty()) {
      throw ApiException.empty(400);
    }
    session
        .get()
        .connection(connectionId)
        .map(c -> ApiResponse.ok(SessionJson.connection(c, false)))
        .orElse(ApiResponse.empty(404))
        .send(ctx);
  }

  private void update(Context ctx) {
    String sessionId = ctx.pathParam("sessionId");
    String connectionId = ctx.pathParam("connectionId");
    JsonRequestBody body = JsonRequestBody.parse(RequestText.of(ctx));
    ConnectionState updated =
        api.store()
            .atomically(
                tx -> {
                  ConnectionState current =
                      tx.sessions()
                          .find(sessionId)
                          .flatMap(s -> s.connection(connectionId))
                          .orElseThrow(() -> ApiException.empty(404));
                  Optional<OpenViduRole> role =
                      body.string("role").map(ConnectionRoutes::parseRole);
                  Optional<Boolean> record = body.bool("record");
                  ObjectNode changes = JsonNodeFactory.instance.objectNode();
                  if (role.isPresent()
                      && current.type() == ConnectionType.WEBRTC
                      && role.get() != current.role()) {
                    changes.put("role", role.get().name());
                  }
                  if (record.isPresent() && record.get() != current.record()) {
                    changes.put("record", record.get());
                  }
                  if (changes.isEmpty()) {
                    return current;
                  }
                  ConnectionState changed =
                      tx.sessions()
                          .updateConnection(
                              sessionId,
                              connectionId,
                              c ->
                                  c.with(
                                      b ->
                                          b.role(changes.has("role") ? role.get() : c.role())
                                              .record(
                                                  changes.has("record")
                                                      ? record.get()
                                                      : c.record())));
                  if (changed.isActive()) {
                    tx.events()
                        .publish(
                            new ClusterEvent(
                                ClusterEvent.CONNECTION_CHANGED,
                                sessionId,
                                List.of(connectionId),
                                changes,
                                api.masterId()));
                  }
                  return changed;
                });
    ApiResponse.ok(SessionJson.connection(updated, false)).send(ctx);
  }

  private void delete(Context ctx) {
    String sessionId = ctx.pathParam("sessionId");
    String connectionId = ctx.pathParam("connectionId");
    api.store()
        .atomically(
            tx -> {
              // The one connection, not the whole session: an eviction does not conflict with the
              // session's other participants joining.
              if (!tx.sessions().exists(sessionId)) {
                throw ApiException.empty(400);
              }
              if (tx.sessions().findConnection(sessionId, connectionId).isEmpty()) {
                throw ApiException.empty(404);
              }
              return tx.sessions()
                  .evict(sessionId, connectionId, FORCE_DISCONNECT, System.currentTimeMillis());
            });
    ApiResponse.empty(204).send(ctx);
  }

  private void unpublish(Context ctx) {
    String sessionId = ctx.pathParam("sessionId");
    String streamId = ctx.pathParam("streamId");
    api.store()
        .atomically(
            tx -> {
              SessionState session =
                  tx.sessions().find(sessionId).orElseThrow(() -> ApiException.empty(400));
              ConnectionState owner =
                  session.connections().stream()
                      .filter(
                          c -> c.publishers().stream().anyMatch(p -> p.streamId().equals(streamId)))
                      .findFirst()
                      .filter(c -> session.active())
                      .orElseThrow(() -> ApiException.empty(404));
              if (owner.type() == ConnectionType.IPCAM) {
                throw ApiException.empty(405);
              }
              tx.webhooks()
                  .streamEnded(
                      session, streamId, "forceUnpublishByServer", System.currentTimeMillis());
              tx.sessions().removePublisher(sessionId, streamId);
              publishStreamRemoved(tx, session, owner, streamId);
              return owner;
            });
    ApiResponse.empty(204).send(ctx);
  }

  private void createToken(Context ctx) {
    JsonRequestBody body = JsonRequestBody.parse(RequestText.of(ctx));
    String sessionId =
        body.withTypeErrorPrefix("Type error in some parameter: ")
            .string("session")
            .orElseThrow(() -> ApiException.json(400, "\"session\" parameter is mandatory"));
    ConnectionRequest request = ConnectionRequest.parseToken(body);
    calls.run(
        ctx,
        tx -> {
          if (!tx.sessions().exists(sessionId)) {
            throw ApiException.json(404, "Session " + sessionId + " not found");
          }
          ConnectionState connection =
              request.toConnection(sessionId, api.settings(), System.currentTimeMillis());
          tx.sessions().addConnection(connection);
          ObjectNode json = JsonNodeFactory.instance.objectNode();
          json.put("id", connection.token());
          json.put("token", connection.token());
          json.put("createdAt", connection.createdAt());
          json.put("connectionId", connection.id());
          json.put("session", sessionId);
          json.put("data", connection.serverData());
          json.put("role", connection.role().name());
          json.put("record", true);
          if (request.hasKurentoOptions()) {
            json.set("kurentoOptions", SessionJson.kurentoOptions(connection.kurentoOptions()));
          }
          return ApiResponse.ok(json);
        });
  }

  private static void publishStreamRemoved(
      Transaction tx, SessionState session, ConnectionState owner, String streamId) {
    ObjectNode data =
        JsonNodeFactory.instance
            .objectNode()
            .put("streamId", streamId)
            .put("connectionId", owner.id())
            .put("reason", FORCE_UNPUBLISH);
    tx.events()
        .publish(
            new ClusterEvent(
                ClusterEvent.STREAM_REMOVED,
                session.id(),
                session.activeConnections().stream().map(ConnectionState::id).toList(),
                data,
                null));
  }

  private static OpenViduRole parseRole(String name) {
    try {
      return OpenViduRole.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw ApiException.json(400, "Parameter role " + name + " is not defined");
    }
  }
}
