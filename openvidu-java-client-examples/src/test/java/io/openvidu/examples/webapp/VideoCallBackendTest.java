package io.openvidu.examples.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.openvidu.examples.EmbeddedClusters;
import io.openvidu.ha.server.testing.OpenViduClusterExtension;
import io.openvidu.ha.server.testing.SimulatedParticipant;
import io.openvidu.java.client.OpenVidu;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Testing your own backend against a real (emulated) OpenVidu HA cluster: the JUnit 5 extension
 * starts three masters on free ports, the backend under test talks to them through the client, and
 * simulated participants join with the tokens the backend hands out, as browsers would, through
 * whichever master they like.
 */
class VideoCallBackendTest {
  @RegisterExtension static OpenViduClusterExtension cluster = EmbeddedClusters.extension();

  private static OpenVidu openVidu;
  private static Javalin backend;
  private static BackendClient http;

  @BeforeAll
  static void startBackend() {
    openVidu = new OpenVidu(cluster.urls(), cluster.secret());
    backend = VideoCallBackend.create(openVidu).start("127.0.0.1", 0);
    http = new BackendClient(URI.create("http://127.0.0.1:" + backend.port()));
  }

  @AfterAll
  static void stopBackend() {
    backend.stop();
    openVidu.close();
  }

  @Test
  void tokenLetsAParticipantJoinTheNamedSession() throws Exception {
    JsonNode invitation = http.post("/api/sessions/daily-standup/connections", null).expect(200);

    try (SimulatedParticipant ana = join(invitation, 2)) {
      assertThat(ana.sessionId()).isEqualTo("daily-standup");
      assertThat(ana.connectionId()).isEqualTo(invitation.path("connectionId").asText());
    }
  }

  @Test
  void participantsAskingForTheSameNameMeetInOneSession() throws Exception {
    JsonNode forAna = http.post("/api/sessions/retro/connections", null).expect(200);
    JsonNode forBen = http.post("/api/sessions/retro/connections", null).expect(200);

    try (SimulatedParticipant ana = join(forAna, 0);
        SimulatedParticipant ben = join(forBen, 1)) {
      ana.awaitNotification("participantJoined", Map.of("id", ben.connectionId()));
    }
  }

  @Test
  void sessionNameOpenViduWouldRefuseIsABadRequest() throws Exception {
    JsonNode error = http.post("/api/sessions/team%20sync/connections", null).expect(400);

    assertThat(error.path("message").asText()).contains("sessionName");
  }

  @Test
  void recordingIsStartedListedStoppedAndThenReady() throws Exception {
    JsonNode invitation = http.post("/api/sessions/board-meeting/connections", null).expect(200);
    try (SimulatedParticipant chair = join(invitation, 1)) {
      chair.publish();

      JsonNode started =
          http.post(
                  "/api/recordings",
                  "{\"sessionName\":\"board-meeting\",\"outputMode\":\"INDIVIDUAL\"}")
              .expect(200);
      String id = started.path("id").asText();
      assertThat(started.path("status").asText()).isEqualTo("started");
      assertThat(started.path("outputMode").asText()).isEqualTo("INDIVIDUAL");
      assertThat(http.get("/api/recordings").expect(200).findValuesAsText("id")).contains(id);

      JsonNode stopped = http.post("/api/recordings/" + id + "/stop", null).expect(200);
      assertThat(stopped.path("status").asText()).isIn("stopped", "ready");
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(http.get("/api/recordings/" + id).expect(200).path("status").asText())
                      .isEqualTo("ready"));
    }
  }

  @Test
  void deletedRecordingIsGone() throws Exception {
    JsonNode invitation = http.post("/api/sessions/all-hands/connections", null).expect(200);
    try (SimulatedParticipant host = join(invitation, 0)) {
      host.publish();
      String id =
          http.post("/api/recordings", "{\"sessionName\":\"all-hands\"}")
              .expect(200)
              .path("id")
              .asText();
      http.post("/api/recordings/" + id + "/stop", null).expect(200);
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(http.get("/api/recordings/" + id).expect(200).path("status").asText())
                      .isEqualTo("ready"));

      http.delete("/api/recordings/" + id).expect(204);

      assertThat(http.get("/api/recordings/" + id).expect(404).path("message").asText())
          .isNotEmpty();
    }
  }

  @Test
  void recordingASessionNobodyJoinedPassesOnOpenViduRefusal() throws Exception {
    http.post("/api/sessions/empty-room/connections", null).expect(200);

    JsonNode error = http.post("/api/recordings", "{\"sessionName\":\"empty-room\"}").expect(406);

    assertThat(error.path("message").asText()).isNotEmpty();
  }

  @Test
  void recordingWithoutSessionNameIsABadRequest() throws Exception {
    JsonNode error = http.post("/api/recordings", "{\"outputMode\":\"COMPOSED\"}").expect(400);

    assertThat(error.path("message").asText()).contains("sessionName");
  }

  @Test
  void recordingRequestThatIsNotJsonIsABadRequest() throws Exception {
    JsonNode error = http.post("/api/recordings", "{\"sessionName\":").expect(400);

    assertThat(error.path("message").asText()).isNotEmpty();
  }

  @Test
  void recordingRequestWithoutBodyIsABadRequest() throws Exception {
    JsonNode error = http.post("/api/recordings", null).expect(400);

    assertThat(error.path("message").asText()).isNotEmpty();
  }

  @Test
  void recordingWithUnknownOutputModeIsABadRequest() throws Exception {
    JsonNode error =
        http.post("/api/recordings", "{\"sessionName\":\"x\",\"outputMode\":\"MIXED\"}")
            .expect(400);

    assertThat(error.path("message").asText()).contains("outputMode");
  }

  @Test
  void unreachableOpenViduIsABadGatewayWithoutDetails() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (OpenVidu nowhere =
        new OpenVidu.Builder()
            .endpoints("http://127.0.0.1:" + closedPort)
            .secret(cluster.secret())
            .callTimeout(Duration.ofSeconds(2))
            .attemptTimeout(Duration.ofSeconds(1))
            .build()) {
      Javalin lonely = VideoCallBackend.create(nowhere).start("127.0.0.1", 0);
      try {
        JsonNode error =
            new BackendClient(URI.create("http://127.0.0.1:" + lonely.port()))
                .post("/api/sessions/lonely/connections", null)
                .expect(502);

        assertThat(error.path("message").asText()).contains("could not be reached");
      } finally {
        lonely.stop();
      }
    }
  }

  /** Joins with the token of an invitation through master {@code master} (from 0). */
  private static SimulatedParticipant join(JsonNode invitation, int master) {
    return SimulatedParticipant.builder(invitation.path("token").asText())
        .via(URI.create(cluster.urlList().get(master)))
        .join();
  }
}
