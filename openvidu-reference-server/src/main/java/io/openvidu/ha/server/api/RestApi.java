package io.openvidu.ha.server.api;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.openvidu.ha.server.media.MediaNodes;
import io.openvidu.ha.server.store.StoreUnavailableException;
import io.openvidu.ha.server.store.TransitionRejectedException;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API of one master under {@code /openvidu/api} (rest-api.md), plus the unauthenticated
 * {@code /openvidu/health}: installs the routes, Basic authentication, open CORS, the 1 MiB body
 * limit and the mapping of every failure to OpenVidu's error shapes (a client mistake is never a
 * 500; an unreachable store is a 503 so that clients try another master).
 *
 * <p>Not here: the recording endpoints ({@code /openvidu/api/recordings/**}, installed by the
 * recording module as a master feature) and participant signalling over WebSocket.
 */
public final class RestApi {
  /** The base path of every endpoint. */
  public static final String BASE = "/openvidu/api";

  /** The one public endpoint under {@link #BASE}. */
  public static final String PUBLIC_URL_PATH = BASE + "/config/openvidu-publicurl";

  /** The largest accepted request body. */
  public static final long MAX_BODY_BYTES = 1024 * 1024;

  private static final long MAX_DRAINED_BYTES = 16 * MAX_BODY_BYTES;

  private static final Logger log = LoggerFactory.getLogger(RestApi.class);

  private RestApi() {}

  /** Installs the API into a Javalin configuration. */
  public static void install(JavalinConfig config, ApiContext api, MediaNodes mediaNodes) {
    BasicAuthentication authentication = new BasicAuthentication(api.settings().secret());
    IdempotentCalls calls = new IdempotentCalls(api.store(), api.settings().idempotencyTtl());
    config.http.maxRequestSize = MAX_BODY_BYTES;
    config.http.prefer405over404 = true;
    JettyErrorPages.install(config);
    PlainMethods.install(config);
    config.routes.before(
        ctx -> {
          allowAnyOrigin(ctx);
          if (ctx.path().startsWith(BASE)) {
            // Every answer of the API, errors included, says that keys are honoured.
            ctx.header(IdempotentCalls.HONOURED_HEADER, "true");
          }
          if (hasMalformedEscape(ctx.req().getRequestURI())) {
            // Javalin would fail decoding the path parameter, with a 500.
            throw ApiException.framework(
                400, "The request path has a '%' that is not followed by two hexadecimal digits");
          }
          if (ctx.req().getContentLengthLong() > MAX_BODY_BYTES) {
            throw tooLarge(ctx);
          }
        });
    config.routes.before(
        BASE + "/*",
        ctx -> {
          if (ctx.method() == HandlerType.OPTIONS) {
            // A CORS pre-flight: answered here, without credentials, for every path.
            ctx.status(200).skipRemainingHandlers();
            return;
          }
          if (!(ctx.method() == HandlerType.GET && ctx.path().equals(PUBLIC_URL_PATH))) {
            authentication.check(ctx);
          }
        });
    new SessionRoutes(api, calls).install(config.routes);
    new ConnectionRoutes(api, calls).install(config.routes);
    new SignalRoutes(api, calls).install(config.routes);
    new ConfigRoutes(api, calls).install(config.routes);
    new MediaNodeRoutes(api, mediaNodes, calls).install(config.routes);
    // /openvidu/api/recordings/** comes as a MasterFeature of the recording package (the /openvidu
    // WebSocket is one).
    installErrorMapping(config);
  }

  private static void installErrorMapping(JavalinConfig config) {
    config.routes.exception(ApiException.class, (e, ctx) -> e.toResponse(ctx.path()).send(ctx));
    config.routes.exception(
        HttpResponseException.class,
        (e, ctx) -> {
          String allowed = e.getDetails().get("availableMethods");
          if (e.getStatus() == 405 && allowed != null) {
            ctx.header("Allow", allowed);
          }
          ApiException error =
              e.getStatus() == 413
                  ? tooLarge(ctx)
                  : ApiException.framework(
                      e.getStatus(), e.getMessage() == null ? "" : e.getMessage());
          error.toResponse(ctx.path()).send(ctx);
        });
    config.routes.exception(
        StoreUnavailableException.class,
        (e, ctx) -> {
          log.warn("{} {} failed: the cluster store is unavailable", ctx.method(), ctx.path(), e);
          // 503 promises that nothing happened; a change whose confirmation was lost may have
          // happened, which 504 (the
          // store upstream did not answer in time) leaves open, so that clients reconcile instead
          // of assuming.
          ApiException error =
              e.outcomeUnknown()
                  ? ApiException.json(
                      504, "The cluster store did not confirm the change; it may have been applied")
                  : ApiException.json(503, "The cluster store is unavailable; try again");
          error.toResponse(ctx.path()).send(ctx);
        });
    config.routes.exception(
        TransitionRejectedException.class,
        (e, ctx) -> {
          log.warn("{} {}: unmapped rejection {}", ctx.method(), ctx.path(), e.rejection());
          ApiException.json(409, e.getMessage()).toResponse(ctx.path()).send(ctx);
        });
    config.routes.exception(
        Exception.class,
        (e, ctx) -> {
          log.error("{} {} failed", ctx.method(), ctx.path(), e);
          ApiException.json(500, "Internal error").toResponse(ctx.path()).send(ctx);
        });
  }

  /**
   * The 413 answer. A client that is still sending its body would see the connection reset instead
   * of the answer, so a body of moderate size is read to its end first (and thrown away); a bigger
   * one gets the answer and the close.
   */
  private static ApiException tooLarge(Context ctx) {
    try (InputStream body = ctx.req().getInputStream()) {
      long discarded = 0;
      byte[] buffer = new byte[64 * 1024];
      int read;
      while (discarded < MAX_DRAINED_BYTES && (read = body.read(buffer)) != -1) {
        discarded += read;
      }
    } catch (IOException | IllegalStateException e) {
      // The client went away, or the body was already consumed: the answer is the same.
    }
    return ApiException.json(413, "The request body is larger than " + MAX_BODY_BYTES + " bytes");
  }

  /** Whether a raw (still encoded) path has a {@code %} not followed by two hexadecimal digits. */
  static boolean hasMalformedEscape(String rawPath) {
    if (rawPath == null) {
      return false;
    }
    for (int i = rawPath.indexOf('%'); i >= 0; i = rawPath.indexOf('%', i + 1)) {
      if (i + 2 >= rawPath.length()
          || Character.digit(rawPath.charAt(i + 1), 16) < 0
          || Character.digit(rawPath.charAt(i + 2), 16) < 0) {
        return true;
      }
    }
    return false;
  }

  private static void allowAnyOrigin(Context ctx) {
    ctx.header("Access-Control-Allow-Origin", "*");
    ctx.header("Access-Control-Allow-Methods", "GET, POST, PATCH, PUT, DELETE, OPTIONS");
    ctx.header("Access-Control-Allow-Headers", "*");
  }
}
