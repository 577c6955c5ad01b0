package io.openvidu.ha.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.openvidu.ha.server.config.ClusterSettings;
import io.openvidu.ha.server.config.RuntimeConfig;
import io.openvidu.ha.server.store.MediaNodeState;
import io.openvidu.ha.server.store.StoreUnavailableException;

/**
 * Configuration and health: {@code GET /config} and its sub-resources (rest-api.md §5.14), {@code
 * POST /restart} (§5.16), the authenticated {@code GET /openvidu/api/health} (§5.15) and the
 * unauthenticated {@code GET /openvidu/health} for load balancers.
 */
final class ConfigRoutes {
  /** The load balancers' health path; no authentication. */
  static final String PUBLIC_HEALTH = "/openvidu/health";

  private final ApiContext api;
  private final IdempotentCalls calls;

  ConfigRoutes(ApiContext api, IdempotentCalls calls) {
    this.api = api;
    this.calls = calls;
  }

  void install(RoutesConfig routes) {
    routes.get(RestApi.BASE + "/config", this::config);
    routes.get(
        RestApi.PUBLIC_URL_PATH,
        ctx -> ApiResponse.text(200, api.settings().publicUrlText() + "/").send(ctx));
    routes.get(
        RestApi.BASE + "/config/openvidu-version",
        ctx -> ApiResponse.text(200, ClusterSettings.OPENVIDU_VERSION).send(ctx));
    routes.get(
        RestApi.BASE + "/config/openvidu-recording",
        ctx ->
            new ApiResponse(200, "application/json", Boolean.toString(read().recordingEnabled()))
                .send(ctx));
    routes.get(
        RestApi.BASE + "/config/openvidu-recording-path",
        ctx -> ApiResponse.text(200, read().value("OPENVIDU_RECORDING_PATH").asText()).send(ctx));
    routes.get(
        RestApi.BASE + "/config/openvidu-cdr",
        ctx ->
            new ApiResponse(
                    200,
                    "application/json",
                    Boolean.toString(read().value("OPENVIDU_CDR").asBoolean()))
                .send(ctx));
    routes.post(RestApi.BASE + "/restart", this::restart);
    routes.get(RestApi.BASE + "/health", this::health);
    routes.get(PUBLIC_HEALTH, this::health);
  }

  private void config(Context ctx) {
    ObjectNode json =
        api.store()
            .atomically(
                tx ->
                    RuntimeConfig.readForDisplay(tx, api.settings())
                        .toJson(tx.mediaNodes().list().size()));
    ApiResponse.ok(json).send(ctx);
  }

  /**
   * Accepts the new values and stores them for every master. Nothing actually restarts: the API
   * stays available.
   */
  private void restart(Context ctx) {
    ObjectNode changes = JsonRequestBody.parse(RequestText.of(ctx)).toObjectNode();
    RuntimeConfig.problemWith(changes)
        .ifPresent(
            problem -> {
              throw ApiException.json(400, problem);
            });
    calls.run(
        ctx,
        tx -> {
          RuntimeConfig.apply(tx, changes);
          return ApiResponse.empty(200);
        });
  }

  /** UP when this master reaches the store and some media node runs. */
  private void health(Context ctx) {
    boolean up;
    try {
      up =
          api.store().isReachable()
              && api.store().atomically(tx -> tx.mediaNodes().list()).stream()
                  .anyMatch(MediaNodeState::acceptsSessions);
    } catch (StoreUnavailableException e) {
      up = false;
    }
    new ApiResponse(
            up ? 200 : 503,
            "application/json",
            up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}")
        .send(ctx);
  }

  private RuntimeConfig read() {
    return api.store().atomically(tx -> RuntimeConfig.read(tx, api.settings()));
  }
}
