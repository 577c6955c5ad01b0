package io.openvidu.examples.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.openvidu.examples.EmbeddedClusters;
import io.openvidu.ha.server.testing.OpenViduClusterExtension;
import io.openvidu.ha.server.testing.SimulatedParticipant;
import io.openvidu.ha.server.webhook.WebhookSettings;
import io.openvidu.java.client.OpenVidu;
import io.openvidu.java.client.webhook.WebhookReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The backend's webhook route receiving a real cluster's events: the cluster signs them, the route
 * checks the signature with the client's {@link WebhookReceiver}, and refuses what is not signed.
 */
class VideoCallBackendWebhookTest {
  private static final String SIGNING_SECRET = "example-signing-secret";

  @RegisterExtension
  static OpenViduClusterExtension cluster =
      EmbeddedClusters.builder()
          .configure(
              b -> b.webhook(WebhookSettings.builder().signingSecret(SIGNING_SECRET).build()))
          .build();

  private static OpenVidu openVidu;
  private static Javalin backend;
  private static BackendClient http;

  @BeforeAll
  static void startBackendAndPointTheClusterAtIt() throws Exception {
    openVidu = new OpenVidu(cluster.urls(), cluster.secret());
    backend =
        VideoCallBackend.create(
                openVidu, WebhookReceiver.builder().signingSecret(SIGNING_SECRET).build())
            .start("127.0.0.1", 0);
    http = new BackendClient(URI.create("http://127.0.0.1:" + backend.port()));
    // OpenVidu learns where to post through its configuration; here, a restart of the cluster's.
    String restart =
        "{\"OPENVIDU_WEBHOOK\":true,\"OPENVIDU_WEBHOOK_ENDPOINT\":\"http://127.0.0.1:"
            + backend.port()
            + "/api/webhook\"}";
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(cluster.urlList().get(0) + "/openvidu/api/restart"))
                    .header("Authorization", basic(cluster.secret()))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(restart))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
  }

  @AfterAll
  static void stopBackend() {
    backend.stop();
    openVidu.close();
  }

  @Test
  void theBackendHearsAParticipantJoinAndLeave() throws Exception {
    JsonNode invitation = http.post("/api/sessions/webhook-demo/connections", null).expect(200);

    try (SimulatedParticipant ana =
        SimulatedParticipant.builder(invitation.path("token").asText())
            .via(URI.create(cluster.urlList().get(1)))
            .timeout(Duration.ofSeconds(10))
            .join()) {
      ana.leave();
    }

    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> eventsOf("webhook-demo"),
            events ->
                events.equals(
                    List.of(
                        "sessionCreated",
                        "participantJoined",
                        "participantLeft",
                        "sessionDestroyed")));
  }

  @Test
  void anUnsignedPostIsRefused() throws Exception {
    BackendClient.Answer answer =
        http.post(
            "/api/webhook",
            "{\"event\":\"sessionCreated\",\"sessionId\":\"x\",\"uniqueSessionId\":\"x_1\",\"timestamp\":1}");

    assertThat(answer.status()).isEqualTo(401);
  }

  private static List<String> eventsOf(String sessionId) throws Exception {
    List<String> names = new ArrayList<>();
    for (JsonNode event : http.get("/api/webhook/events").expect(200)) {
      if (event.path("sessionId").asText().equals(sessionId)) {
        names.add(event.path("event").asText());
      }
    }
    return names;
  }

  private static String basic(String secret) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString(
                ("OPENVIDUAPP:" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
