package io.openvidu.ha.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.openvidu.ha.server.media.DeletionStrategy;
import io.openvidu.ha.server.media.MediaNodes;
import io.openvidu.ha.server.store.Identifiers;
import io.openvidu.ha.server.store.MediaNodeState;
import io.openvidu.ha.server.store.MediaNodeStatus;
import io.openvidu.ha.server.store.RecordingState;
import io.openvidu.ha.server.store.SessionState;
import io.openvidu.ha.server.store.TransitionRejectedException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/** The media-node API of OpenVidu Pro/Enterprise (rest-api.md §5.17) over simulated nodes. */
final class MediaNodeRoutes {
  private final ApiContext api;
  private final MediaNodes mediaNodes;
  private final IdempotentCalls calls;

  MediaNodeRoutes(ApiContext api, MediaNodes mediaNodes, IdempotentCalls calls) {
    this.api = api;
    this.mediaNodes = mediaNodes;
    this.calls = calls;
  }

  void install(RoutesConfig routes) {
    String nodes = RestApi.BASE + "/media-nodes";
    routes.get(nodes, this::list);
    routes.get(nodes + "/{nodeId}", this::get);
    routes.post(nodes, this::add);
    routes.delete(nodes + "/{nodeId}", this::remove);
    routes.patch(nodes + "/{nodeId}", this::patch);
    routes.put(nodes, this::discover);
  }

  private void list(Context ctx) {
    Detail detail = Detail.of(ctx);
    ArrayNode content = JsonNodeFactory.instance.arrayNode();
    api.store()
        .atomically(
            tx -> {
              content.removeAll();
              List<RecordingState> recordings =
                  detail.recordings ? tx.recordings().list() : List.of();
              for (MediaNodeState node : tx.mediaNodes().list()) {
                List<SessionState> sessions = detail.sessions ? sessionsOf(tx, node) : List.of();
                content.add(render(node, detail, sessions, recordings));
              }
              return null;
            });
    ApiResponse.ok(SessionJson.page(content)).send(ctx);
  }

  private void get(Context ctx) {
    Detail detail = Detail.of(ctx);
    String nodeId = ctx.pathParam("nodeId");
    ObjectNode json =
        api.store()
            .atomically(
                tx ->
                    tx.mediaNodes()
                        .find(nodeId)
                        .map(
                            node ->
                                render(
                                    node,
                                    detail,
                                    detail.sessions ? sessionsOf(tx, node) : List.of(),
                                    detail.recordings ? tx.recordings().list() : List.of()))
                        .orElse(null));
    (json == null ? ApiResponse.empty(404) : ApiResponse.ok(json)).send(ctx);
  }

  private void add(Context ctx) {
    boolean wait = QueryFlags.flag(ctx, "wait", false);
    JsonRequestBody body = JsonRequestBody.parse(RequestText.of(ctx));
    String uriText =
        body.string("uri")
            .orElseThrow(
                () ->
                    ApiException.json(
                        501,
                        "This cluster runs on premises: a media node is added by its \"uri\""));
    String environmentId = body.name("environmentId").orElse(null);
    // The node's id is media_<environmentId>, a URL path segment from then on: it must stay one.
    if (environmentId != null && !Identifiers.CUSTOM_ID.matcher(environmentId).matches()) {
      throw ApiException.json(
          400, "Parameter 'environmentId' is wrong. Must be an alphanumeric string [a-zA-Z0-9_-]");
    }
    URI uri = parseUri(uriText);
    String[] launched = new String[1];
    calls.run(
        ctx,
        tx -> {
          launched[0] = null;
          MediaNodeState node;
          try {
            node = mediaNodes.launch(tx, uri, environmentId, wait);
          } catch (TransitionRejectedException e) {
            throw ApiException.json(
                409, "Media node " + uriText + " is already part of the cluster");
          }
          launched[0] = node.id();
          return ApiResponse.ok(render(node, Detail.NONE, List.of(), List.of()));
        });
    if (!wait && launched[0] != null) {
      mediaNodes.finishLaunchLater(launched[0]);
    }
  }

  private void remove(Context ctx) {
    String nodeId = ctx.pathParam("nodeId");
    String strategyName = ctx.queryParam("deletion-strategy");
    DeletionStrategy strategy =
        strategyName == null
            ? DeletionStrategy.IF_NO_SESSIONS
            : DeletionStrategy.fromWireName(strategyName)
                .orElseThrow(
                    () ->
                        ApiException.json(
                            400,
                            "Query parameter 'deletion-strategy' must be now, if-no-sessions or when-no-sessions"));
    QueryFlags.flag(ctx, "wait", false);
    try {
      MediaNodes.Removal removal = mediaNodes.remove(nodeId, strategy);
      if (removal == MediaNodes.Removal.REMOVED) {
        ApiResponse.empty(204).send(ctx);
      } else {
        ObjectNode json =
            api.store()
                .atomically(
                    tx ->
                        tx.mediaNodes()
                            .find(nodeId)
                            .map(n -> render(n, Detail.NONE, List.of(), List.of()))
                            .orElse(null));
        (json == null ? ApiResponse.empty(202) : ApiResponse.json(202, json)).send(ctx);
      }
    } catch (TransitionRejectedException e) {
      throw switch (e.rejection()) {
        case MEDIA_NODE_NOT_FOUND -> ApiException.empty(404);
        case MEDIA_NODE_HAS_SESSIONS -> ApiException.json(409, e.getMessage());
        default -> e;
      };
    }
  }

  private void patch(Context ctx) {
    String nodeId = ctx.pathParam("nodeId");
    JsonRequestBody body = JsonRequestBody.parse(RequestText.of(ctx));
    String statusName =
        body.string("status")
            .orElseThrow(() -> ApiException.json(400, "Parameter 'status' is mandatory"));
    MediaNodeStatus target =
        MediaNodeStatus.fromWireName(statusName)
            .orElseThrow(
                () ->
                    ApiException.json(
                        400, "Parameter 'status' " + statusName + " is not a media node status"));
    try {
      MediaNodes.StatusChange change = mediaNodes.changeStatus(nodeId, target);
      (change.changed()
              ? ApiResponse.ok(render(change.node(), Detail.NONE, List.of(), List.of()))
              : ApiResponse.empty(204))
          .send(ctx);
    } catch (TransitionRejectedException e) {
      throw switch (e.rejection()) {
        case MEDIA_NODE_NOT_FOUND -> ApiException.empty(404);
        case MEDIA_NODE_TRANSITION_NOT_ALLOWED -> ApiException.json(400, e.getMessage());
        default -> e;
      };
    }
  }

  /**
   * Finds again the simulated nodes this process started with that left the cluster (rest-api.md
   * §5.17: the newly discovered nodes).
   */
  private void discover(Context ctx) {
    ArrayNode content = JsonNodeFactory.instance.arrayNode();
    for (MediaNodeState node : mediaNodes.discover()) {
      content.add(render(node, Detail.NONE, List.of(), List.of()));
    }
    ApiResponse.ok(SessionJson.page(content)).send(ctx);
  }

  private static List<SessionState> sessionsOf(
      io.openvidu.ha.server.store.Transaction tx, MediaNodeState node) {
    return node.sessionIds().stream()
        .map(id -> tx.sessions().find(id))
        .flatMap(java.util.Optional::stream)
        .toList();
  }

  private static ObjectNode render(
      MediaNodeState node,
      Detail detail,
      List<SessionState> sessions,
      List<RecordingState> recordings) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("id", node.id());
    json.put("object", "mediaNode");
    json.put("environmentId", node.environmentId());
    json.put("ip", node.ip());
    json.put("uri", node.uri());
    json.put("launchingTime", node.launchingTime());
    json.put("connected", node.connected());
    if (node.connectionTime() != null) {
      json.put("connectionTime", node.connectionTime());
    }
    if (!node.connected() && node.disconnectionTime() != null) {
      json.put("disconnectionTime", node.disconnectionTime());
    }
    json.put("load", node.load());
    json.put("status", node.status().wireName());
    if (detail.sessions) {
      ArrayNode array = json.putArray("sessions");
      sessions.forEach(s -> array.add(SessionJson.session(s, false, false)));
    }
    if (detail.recordings) {
      ArrayNode array = json.putArray("recordingIds");
      recordings.stream()
          .filter(r -> node.id().equals(r.mediaNodeId()) && r.status().isActive())
          .forEach(r -> array.add(r.id()));
    }
    if (detail.extraInfo) {
      json.putObject("kurentoInfo").put("simulated", true).put("version", "6.16.0");
    }
    return json;
  }

  private static URI parseUri(String text) {
    try {
      URI uri = new URI(text);
      if (uri.getScheme() == null
          || !(uri.getScheme().equals("ws") || uri.getScheme().equals("wss"))
          || uri.getHost() == null) {
        throw ApiException.json(400, "Parameter 'uri' must be a ws:// or wss:// URI with a host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw ApiException.json(400, "Parameter 'uri' must be a ws:// or wss:// URI with a host");
    }
  }

  private record Detail(boolean sessions, boolean recordings, boolean extraInfo) {
    static final Detail NONE = new Detail(false, false, false);

    static Detail of(Context ctx) {
      return new Detail(
          QueryFlags.flag(ctx, "sessions", false),
          QueryFlags.flag(ctx, "recordings", false),
          QueryFlags.flag(ctx, "extra-info", false));
    }
  }
}
