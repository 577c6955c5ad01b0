package io.openvidu.ha.server.recording;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvidu.ha.server.api.ApiClient;
import io.openvidu.ha.server.testing.SimulatedParticipant;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Recordings of sessions whose participants are real WebSocket clients spread over two masters. */
class RecordingWithParticipantsTest {

  private static final String START = "/openvidu/api/recordings/start";

  @RegisterExtension final RecordingCluster cluster = RecordingCluster.withMasters(2);

  private final List<SimulatedParticipant> joined = new ArrayList<>();
  private ApiClient api;

  @BeforeEach
  void connect() {
    api = cluster.api(0);
  }

  @AfterEach
  void leave() {
    joined.forEach(SimulatedParticipant::close);
  }

  @Test
  void publishersAndModeratorsOnAnotherMasterHearRecordingStartedAndStopped() {
    String sessionId = session("{}");
    SimulatedParticipant publisher = join(sessionId, "PUBLISHER", 1, "");
    SimulatedParticipant moderator = join(sessionId, "MODERATOR", 0, "");
    SimulatedParticipant subscriber = join(sessionId, "SUBSCRIBER", 1, "");
    publisher.publish();

    api.post(START, "{\"session\":\"" + sessionId + "\",\"name\":\"talk\"}");
    api.post("/openvidu/api/recordings/stop/" + sessionId, null);

    publisher.awaitNotification("recordingStarted", Map.of("id", sessionId));
    assertThat(
            publisher
                .awaitNotification("recordingStopped", Map.of("id", sessionId))
                .param("reason"))
        .isEqualTo("recordingStoppedByServer");
    assertThat(moderator.awaitNotification("recordingStopped", Map.of("name", "talk"))).isNotNull();
    assertThat(subscriber.notifications("recordingStarted")).isEmpty();
    assertThat(subscriber.notifications("recordingStopped")).isEmpty();
  }

  @Test
  void individualRecordingHasTheStreamsParticipantsPublishedThroughEitherMaster()
      throws IOException {
    String sessionId = session("{}");
    SimulatedParticipant alice = join(sessionId, "PUBLISHER", 0, "alice-client");
    SimulatedParticipant bob = join(sessionId, "PUBLISHER", 1, "bob-client");
    String aliceStream = alice.publish();
    api.post(START, "{\"session\":\"" + sessionId + "\",\"outputMode\":\"INDIVIDUAL\"}");
    String bobStream = bob.publish();
    alice.unpublish();

    api.post("/openvidu/api/recordings/stop/" + sessionId, null);
    JsonNode ready = RecordingCluster.awaitStatus(api, sessionId, "ready");

    Map<String, byte[]> entries =
        RecordingArtifactsTest.unzip(
            Downloads.get(ready.get("url").asText(), cluster.extension().secret()).body());
    assertThat(entries.keySet())
        .containsExactlyInAnyOrder(sessionId + ".json", aliceStream + ".webm", bobStream + ".webm");
    JsonNode files = new ObjectMapper().readTree(entries.get(sessionId + ".json")).get("files");
    assertThat(files)
        .extracting(
            f ->
                f.get("connectionId").asText()
                    + "="
                    + f.get("clientData").asText()
                    + "/"
                    + f.get("serverData").asText())
        .containsExactlyInAnyOrder(
            alice.connectionId() + "=alice-client/server-PUBLISHER",
            bob.connectionId() + "=bob-client/server-PUBLISHER");
  }

  @Test
  void alwaysSessionRecordsOnceAParticipantPublishes() {
    String sessionId = session("{\"recordingMode\":\"ALWAYS\"}");
    SimulatedParticipant publisher = join(sessionId, "PUBLISHER", 1, "");

    publisher.publish();

    publisher.awaitNotification("recordingStarted", Map.of("id", sessionId));
    assertThat(api.get("/openvidu/api/sessions/" + sessionId).json().get("recording").asBoolean())
        .isTrue();
  }

  private String session(String body) {
    return api.post("/openvidu/api/sessions", body).json().get("id").asText();
  }

  private SimulatedParticipant join(String sessionId, String role, int master, String metadata) {
    String token =
        api.post(
                "/openvidu/api/sessions/" + sessionId + "/connection",
                "{\"role\":\"" + role + "\",\"data\":\"server-" + role + "\"}")
            .json()
            .get("token")
            .asText();
    SimulatedParticipant participant =
        SimulatedParticipant.builder(token)
            .via(URI.create(cluster.extension().urlList().get(master)))
            .metadata(metadata)
            .join();
    joined.add(participant);
    return participant;
  }
}
