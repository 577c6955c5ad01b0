package io.openvidu.examples.webapp;

import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.openvidu.examples.Deployment;
import io.openvidu.java.client.OpenVidu;
import io.openvidu.java.client.OpenViduHttpException;
import io.openvidu.java.client.OpenViduJavaClientException;
import io.openvidu.java.client.webhook.WebhookReceiver;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A minimal video-call backend, in the shape of OpenVidu's Java tutorials: browsers ask it for a
 * token to join a session by name, and a moderator starts, stops, lists and deletes recordings.
 * Everything else happens between the browsers and OpenVidu.
 *
 * <table>
 * <caption>Routes (JSON in and out)</caption>
 * <tr><td>{@code POST /api/sessions/{sessionName}/connections}</td><td>creates the session if needed and a
 * connection; answers {@code {"sessionId", "connectionId", "token"}}</td></tr>
 * <tr><td>{@code POST /api/recordings}</td><td>body {@code {"sessionName", "outputMode", "hasAudio", "hasVideo"}}
 * (only {@code sessionName} is required); answers the recording</td></tr>
 * <tr><td>{@code POST /api/recordings/{id}/stop}</td><td>answers the recording, {@code stopped} (or {@code ready}
 * on OpenVidu CE)</td></tr>
 * <tr><td>{@code GET /api/recordings}, {@code GET /api/recordings/{id}}</td><td>every recording, or one</td></tr>
 * <tr><td>{@code DELETE /api/recordings/{id}}</td><td>204</td></tr>
 * <tr><td>{@code POST /api/webhook}</td><td>OpenVidu's webhook ({@code OPENVIDU_WEBHOOK_ENDPOINT}), when
 * the backend has a {@link WebhookReceiver}: 200, 401 for a POST that is not OpenVidu's, 400 for a body
 * that is not an event</td></tr>
 * <tr><td>{@code GET /api/webhook/events}</td><td>the last 100 events received, {@code [{"event",
 * "sessionId"}]}</td></tr>
 * </table>
 *
 * <p>Errors answer {@code {"message": "..."}}: 400 for a bad request, OpenVidu's own status when it
 * refused (404 no such recording, 406 nobody connected to record, 409 already recording, 501
 * recording disabled), 502 when no OpenVidu master could be reached.
 *
 * <p>This example trusts every caller. A token lets its holder into a session: put your users'
 * authentication in front of these routes before you deploy them.
 */
public final class VideoCallBackend {
  private static final Logger log = LoggerFactory.getLogger(VideoCallBackend.class);

  private VideoCallBackend() {}

  /** The backend's HTTP server, not started yet, calling OpenVidu through {@code openVidu}. */
  public static Javalin create(OpenVidu openVidu) {
    return create(openVidu, null);
  }

  /**
   * The backend's HTTP server, not started yet, calling OpenVidu through {@code openVidu} and
   * receiving its webhook through {@code webhooks} (no webhook route when null).
   */
  public static Javalin create(OpenVidu openVidu, WebhookReceiver webhooks) {
    SessionEndpoints sessions = new SessionEndpoints(openVidu);
    RecordingEndpoints recordings = new RecordingEndpoints(openVidu);
    return Javalin.create(
        config -> {
          config.startup.showJavalinBanner = false;
          config.routes.post("/api/sessions/{sessionName}/connections", sessions::createConnection);
          config.routes.post("/api/recordings", recordings::start);
          config.routes.post("/api/recordings/{recordingId}/stop", recordings::stop);
          config.routes.get("/api/recordings", recordings::list);
          config.routes.get("/api/recordings/{recordingId}", recordings::get);
          config.routes.delete("/api/recordings/{recordingId}", recordings::delete);
          if (webhooks != null) {
            WebhookEndpoint webhook = new WebhookEndpoint(webhooks);
            config.routes.post("/api/webhook", webhook::receive);
            config.routes.get("/api/webhook/events", webhook::events);
          }

          config.routes.exception(
              BadRequestResponse.class,
              (e, ctx) -> ctx.status(400).json(Map.of("message", e.getMessage())));
          config.routes.exception(
              OpenViduHttpException.class,
              (e, ctx) -> {
                // OpenVidu's refusal is the caller's business (unknown id, nobody to record, ...):
                // pass it on, with OpenVidu's explanation when it gave one (getMessage() is only
                // the status, as in the official client).
                String why = e.getServerMessage();
                ctx.status(e.getStatus())
                    .json(
                        Map.of(
                            "message", why != null ? why : "OpenVidu answered " + e.getStatus()));
              });
          config.routes.exception(
              OpenViduJavaClientException.class,
              (e, ctx) -> {
                log.warn("OpenVidu unreachable: {}", e.getMessage());
                ctx.status(502).json(Map.of("message", "OpenVidu could not be reached; try again"));
              });
          config.routes.exception(
              Exception.class,
              (e, ctx) -> {
                log.error("{} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(500).json(Map.of("message", "internal error"));
              });
        });
  }

  /**
   * Serves on port 5000 (or the first argument) against the deployment named by {@code
   * OPENVIDU_URL} and {@code OPENVIDU_SECRET}, or an embedded cluster, until the process is
   * stopped.
   */
  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    Deployment deployment = Deployment.fromEnvironment();
    OpenVidu openVidu = new OpenVidu(String.join(",", deployment.urls()), deployment.secret());
    // The webhook route needs to know how OpenVidu authenticates its POSTs: the signing secret of
    // the reference cluster, or a header set in OPENVIDU_WEBHOOK_HEADERS.
    String signingSecret = System.getenv("OPENVIDU_WEBHOOK_SIGNING_SECRET");
    String header = System.getenv("WEBHOOK_AUTHORIZATION");
    WebhookReceiver webhooks = null;
    if (signingSecret != null || header != null) {
      WebhookReceiver.Builder receiver = WebhookReceiver.builder();
      if (signingSecret != null) {
        receiver.signingSecret(signingSecret);
      }
      if (header != null) {
        receiver.requireHeader("Authorization", header);
      }
      webhooks = receiver.build();
    }
    Javalin app = create(openVidu, webhooks).start(port);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.stop();
                  openVidu.close();
                  deployment.close();
                }));
    System.out.println(
        "Video call backend on http://localhost:"
            + app.port()
            + " for OpenVidu at "
            + deployment.urls()
            + "; try: curl -X POST http://localhost:"
            + app.port()
            + "/api/sessions/daily-standup/connections");
  }
}
