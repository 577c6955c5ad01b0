package io.openvidu.ha.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.openvidu.ha.server.store.Identifiers;
import io.openvidu.ha.server.store.MediaMode;
import io.openvidu.ha.server.store.RecordingMode;
import io.openvidu.ha.server.store.RecordingProperties;
import io.openvidu.ha.server.store.Rejection;
import io.openvidu.ha.server.store.SessionState;
import io.openvidu.ha.server.store.TransitionRejectedException;
import io.openvidu.ha.server.store.VideoCodec;
import java.util.List;
import java.util.Optional;

/**
 * {@code /openvidu/api/sessions} and {@code /openvidu/api/sessions/{sessionId}} (rest-api.md §4).
 */
final class SessionRoutes {
  /** The reason a session closes by REST. */
  static final String CLOSED_BY_SERVER = "sessionClosedByServer";

  private final ApiContext api;
  private final IdempotentCalls calls;

  SessionRoutes(ApiContext api, IdempotentCalls calls) {
    this.api = api;
    this.calls = calls;
  }

  void install(RoutesConfig routes) {
    routes.post(RestApi.BASE + "/sessions", this::create);
    routes.get(RestApi.BASE + "/sessions", this::list);
    routes.get(RestApi.BASE + "/sessions/{sessionId}", this::get);
    routes.delete(RestApi.BASE + "/sessions/{sessionId}", this::close);
  }

  private void create(Context ctx) {
    SessionState session = parse(JsonRequestBody.optional(RequestText.of(ctx)));
    calls.run(
        ctx,
        tx -> {
          try {
            tx.sessions().create(session);
          } catch (TransitionRejectedException e) {
            throw ApiException.empty(409);
          }
          return ApiResponse.ok(SessionJson.session(session, false, false));
        });
  }

  private void list(Context ctx) {
    boolean pending = QueryFlags.flag(ctx, "pendingConnections", false);
    boolean stats = QueryFlags.flag(ctx, "webRtcStats", false);
    List<SessionState> sessions = api.store().atomically(tx -> tx.sessions().list());
    ArrayNode content = JsonNodeFactory.instance.arrayNode();
    sessions.forEach(s -> content.add(SessionJson.session(s, pending, stats)));
    ApiResponse.ok(SessionJson.page(content)).send(ctx);
  }

  private void get(Context ctx) {
    boolean pending = QueryFlags.flag(ctx, "pendingConnections", false);
    boolean stats = QueryFlags.flag(ctx, "webRtcStats", false);
    String id = ctx.pathParam("sessionId");
    Optional<SessionState> session = api.store().atomically(tx -> tx.sessions().find(id));
    session
        .map(s -> ApiResponse.ok(SessionJson.session(s, pending, stats)))
        .orElse(ApiResponse.empty(404))
        .send(ctx);
  }

  private void close(Context ctx) {
    String id = ctx.pathParam("sessionId");
    try {
      api.store()
          .atomically(tx -> tx.sessions().close(id, CLOSED_BY_SERVER, System.currentTimeMillis()));
      ApiResponse.empty(204).send(ctx);
    } catch (TransitionRejectedException e) {
      throw rejected(e);
    }
  }

  private static ApiException rejected(TransitionRejectedException e) {
    if (e.rejection() == Rejection.SESSION_NOT_FOUND) {
      return ApiException.empty(404);
    }
    throw e;
  }

  /**
   * Validates in OpenVidu's order: types, enum values, custom id format, default recording
   * properties.
   */
  private static SessionState parse(Optional<JsonRequestBody> maybeBody) {
    JsonRequestBody body = maybeBody.orElseGet(JsonRequestBody::empty);
    Optional<String> mediaMode = body.string("mediaMode");
    Optional<String> recordingMode = body.string("recordingMode");
    Optional<String> customSessionId = body.name("customSessionId");
    Optional<String> forcedVideoCodec = body.string("forcedVideoCodec");
    boolean allowTranscoding = body.bool("allowTranscoding").orElse(false);
    String mediaNode = RecordingPropertiesJson.parseMediaNode(body.raw("mediaNode").orElse(null));

    MediaMode parsedMediaMode =
        mediaMode
            .map(v -> RecordingPropertiesJson.parseEnum(MediaMode.class, v, "mediaMode"))
            .orElse(MediaMode.ROUTED);
    RecordingMode parsedRecordingMode =
        recordingMode
            .map(v -> RecordingPropertiesJson.parseEnum(RecordingMode.class, v, "recordingMode"))
            .orElse(RecordingMode.MANUAL);
    VideoCodec codec =
        forcedVideoCodec
            .map(v -> RecordingPropertiesJson.parseEnum(VideoCodec.class, v, "forcedVideoCodec"))
            .orElse(VideoCodec.VP8);

    String custom = customSessionId.orElse("");
    if (!custom.isEmpty() && !Identifiers.CUSTOM_ID.matcher(custom).matches()) {
      throw ApiException.json(
          400,
          "Parameter 'customSessionId' is wrong. Must be an alphanumeric string [a-zA-Z0-9_-]");
    }

    RecordingProperties defaults = RecordingProperties.defaults();
    if (body.has("defaultRecordingProperties")) {
      if (!body.raw("defaultRecordingProperties").orElseThrow().isObject()) {
        throw ApiException.json(
            400, "Error in parameter 'defaultRecordingProperties'. It is not a valid JSON object");
      }
      JsonRequestBody recording =
          body.object("defaultRecordingProperties")
              .orElseThrow()
              .withTypeErrorPrefix("Parameter 'defaultRecordingProperties' is not valid: ");
      defaults = RecordingPropertiesJson.parseSessionDefault(recording);
    }

    return SessionState.builder()
        .id(custom.isEmpty() ? Identifiers.sessionId() : custom)
        .createdAt(System.currentTimeMillis())
        .customSessionId(custom)
        .mediaMode(parsedMediaMode)
        .recordingMode(parsedRecordingMode)
        .forcedVideoCodec(codec)
        .allowTranscoding(allowTranscoding)
        .defaultRecordingProperties(defaults)
        .requestedMediaNodeId(mediaNode)
        .build();
  }
}
