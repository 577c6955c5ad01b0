package io.openvidu.ha.server.recording;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvidu.ha.server.api.ApiClient;
import io.openvidu.ha.server.store.RecordingProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The status rules of the recording endpoints: rest-api.md §5.7-5.11. */
class RecordingApiTest {

  private static final String START = "/openvidu/api/recordings/start";

  @RegisterExtension final RecordingCluster cluster = RecordingCluster.withMasters(2);

  private ApiClient api;
  private Participants participants;

  @BeforeEach
  void connect() {
    api = cluster.api(0);
    participants = cluster.participants();
  }

  @Test
  void startAnswersAStartedRecordingNamedAfterTheSession() {
    String sessionId = participants.sessionWithPublisher();

    ApiClient.Reply reply = api.post(START, "{\"session\":\"" + sessionId + "\"}");

    assertThat(reply.status()).isEqualTo(200);
    JsonNode recording = reply.json();
    assertThat(recording.get("id").asText()).isEqualTo(sessionId);
    assertThat(recording.get("name").asText()).isEqualTo(sessionId);
    assertThat(recording.get("status").asText()).isEqualTo("started");
    assertThat(recording.get("size").asLong()).isZero();
    assertThat(recording.get("duration").asDouble()).isZero();
    assertThat(recording.get("url").isNull()).isTrue();
  }

  @Test
  void startMarksTheSessionAsBeingRecorded() {
    String sessionId = participants.sessionWithPublisher();

    api.post(START, "{\"session\":\"" + sessionId + "\"}");

    assertThat(api.get("/openvidu/api/sessions/" + sessionId).json().get("recording").asBoolean())
        .isTrue();
  }

  @Test
  void startOfAMissingSessionIs404EvenWithBadProperties() {
    ApiClient.Reply reply = api.post(START, "{\"session\":\"NOT_EXISTING\",\"name\":999}");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.body()).isEmpty();
  }

  @Test
  void startOfASessionNobodyJoinedIs406() {
    String sessionId = participants.session(null);

    ApiClient.Reply reply = api.post(START, "{\"session\":\"" + sessionId + "\"}");

    assertThat(reply.status()).isEqualTo(406);
    assertThat(reply.body()).isEmpty();
  }

  @Test
  void startOfAnActiveSessionWithoutParticipantsIs406() {
    String sessionId = participants.session(null);
    String connectionId = participants.join(sessionId, "PUBLISHER");
    cluster
        .cluster()
        .store()
        .atomically(tx -> tx.sessions().removeConnection(sessionId, connectionId));

    assertThat(api.post(START, "{\"session\":\"" + sessionId + "\"}").status()).isEqualTo(406);
  }

  @Test
  void startOfASessionWhoseParticipantsAllSubscribeIsAccepted() {
    String sessionId = participants.session(null);
    participants.join(sessionId, "SUBSCRIBER");

    assertThat(api.post(START, "{\"session\":\"" + sessionId + "\"}").status()).isEqualTo(200);
  }

  @Test
  void startOfARelayedSessionIs409() {
    String sessionId = participants.session("{\"mediaMode\":\"RELAYED\"}");
    participants.join(sessionId, "PUBLISHER");

    assertThat(api.post(START, "{\"session\":\"" + sessionId + "\"}").status()).isEqualTo(409);
  }

  @Test
  void secondStartOfARecordedSessionIs409() {
    String sessionId = participants.sessionWithPublisher();
    api.post(START, "{\"session\":\"" + sessionId + "\"}");

    ApiClient.Reply reply = api.post(START, "{\"session\":\"" + sessionId + "\"}");

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.body()).isEmpty();
  }

  @Test
  void invalidPropertyIs422WithOpenViduErrorBodyNamingTheSessionsPath() {
    String sessionId = participants.sessionWithPublisher();

    ApiClient.Reply reply =
        api.post(START, "{\"session\":\"" + sessionId + "\",\"resolution\":\"99x99\"}");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.json().get("path").asText()).isEqualTo("/openvidu/api/sessions");
    assertThat(reply.json().get("message").asText()).contains("resolution");
  }

  @Test
  void propertyOfTheWrongTypeIs400() {
    String sessionId = participants.sessionWithPublisher();

    assertThat(api.post(START, "{\"session\":\"" + sessionId + "\",\"frameRate\":true}").status())
        .isEqualTo(400);
  }

  @Test
  void refusedStartLeavesTheSessionFreeToRecord() {
    String sessionId = participants.sessionWithPublisher();
    api.post(START, "{\"session\":\"" + sessionId + "\",\"hasAudio\":false,\"hasVideo\":false}");

    assertThat(api.post(START, "{\"session\":\"" + sessionId + "\"}").status()).isEqualTo(200);
  }

  @Test
  void startWithJsonNullBodyIs400() {
    assertThat(api.post(START, "null").status()).isEqualTo(400);
  }

  @Test
  void everyRecordingEndpointIs501WhenRecordingIsOff() {
    String sessionId = participants.sessionWithPublisher();
    cluster.configure("OPENVIDU_RECORDING", false);

    assertThat(api.post(START, "{\"session\":\"" + sessionId + "\"}").status()).isEqualTo(501);
    assertThat(api.post("/openvidu/api/recordings/stop/" + sessionId, null).status())
        .isEqualTo(501);
    assertThat(api.get("/openvidu/api/recordings/" + sessionId).status()).isEqualTo(501);
    assertThat(api.get("/openvidu/api/recordings").status()).isEqualTo(501);
    assertThat(api.delete("/openvidu/api/recordings/" + sessionId).status()).isEqualTo(501);
  }

  @Test
  void startWithoutSessionWhenRecordingIsOffIs501() {
    cluster.configure("OPENVIDU_RECORDING", false);

    assertThat(api.post(START, "{}").status()).isEqualTo(501);
  }

  @Test
  void repeatedStartWithTheSameIdempotencyKeyOnAnotherMasterStartsOneRecording() {
    String sessionId = participants.sessionWithPublisher();
    String body = "{\"session\":\"" + sessionId + "\"}";

    ApiClient.Reply first = api.withHeader("Idempotency-Key", "k-start").post(START, body);
    ApiClient.Reply repeat =
        cluster.api(1).withHeader("Idempotency-Key", "k-start").post(START, body);

    assertThat(repeat.status()).isEqualTo(200);
    assertThat(repeat.body()).isEqualTo(first.body());
    assertThat(repeat.header("Idempotent-Replayed")).hasValue("true");
    assertThat(api.get("/openvidu/api/recordings").json().get("count").asInt()).isEqualTo(1);
  }

  @Test
  void stopAnswersTheRecordingStopped() {
    String sessionId = participants.sessionWithPublisher();
    api.post(START, "{\"session\":\"" + sessionId + "\"}");

    ApiClient.Reply reply = api.post("/openvidu/api/recordings/stop/" + sessionId, null);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("status").asText()).isEqualTo("stopped");
    assertThat(reply.json().get("size").asLong()).isZero();
    assertThat(reply.json().get("url").isNull()).isTrue();
  }

  @Test
  void stopFreesTheSessionForANewRecordingWithTheNextId() {
    String sessionId = participants.sessionWithPublisher();
    api.post(START, "{\"session\":\"" + sessionId + "\"}");
    api.post("/openvidu/api/recordings/stop/" + sessionId, null);

    ApiClient.Reply next = api.post(START, "{\"session\":\"" + sessionId + "\"}");

    assertThat(next.json().get("id").asText()).isEqualTo(sessionId + "-1");
  }

  @Test
  void stopOfAnUnknownRecordingIs404() {
    assertThat(api.post("/openvidu/api/recordings/stop/nope", null).status()).isEqualTo(404);
  }

  @Test
  void stopOfAStoppedRecordingIs404() {
    String sessionId = participants.sessionWithPublisher();
    api.post(START, "{\"session\":\"" + sessionId + "\"}");
    api.post("/openvidu/api/recordings/stop/" + sessionId, null);

    assertThat(api.post("/openvidu/api/recordings/stop/" + sessionId, null).status())
        .isEqualTo(404);
  }

  @Test
  void stopOfARecordingStillStartingIs406() {
    String sessionId = participants.sessionWithPublisher();
    // A start in progress elsewhere: the store holds the recording as starting.
    cluster
        .cluster()
        .store()
        .atomically(
            tx ->
                tx.recordings()
                    .start(
                        sessionId,
                        RecordingProperties.defaults(),
                        System.currentTimeMillis(),
                        System.currentTimeMillis() + 3_600_000));

    ApiClient.Reply reply = api.post("/openvidu/api/recordings/stop/" + sessionId, null);

    assertThat(reply.status()).isEqualTo(406);
    assertThat(reply.body()).isEmpty();
  }

  @Test
  void recordingLeftStartingByADeadStarterIsStartedByTheCluster() {
    String sessionId = participants.sessionWithPublisher();
    cluster
        .cluster()
        .store()
        .atomically(
            tx ->
                tx.recordings()
                    .start(
                        sessionId,
                        RecordingProperties.defaults(),
                        System.currentTimeMillis() - 60_000,
                        System.currentTimeMillis() - 60_000));

    RecordingCluster.awaitStatus(api, sessionId, "started");
    assertThat(api.post("/openvidu/api/recordings/stop/" + sessionId, null).status())
        .isEqualTo(200);
  }

  @Test
  void getOfAnUnknownRecordingIs404() {
    assertThat(api.get("/openvidu/api/recordings/nope").status()).isEqualTo(404);
  }

  @Test
  void listHasEveryRecordingWithItsCount() {
    String first = participants.sessionWithPublisher();
    String second = participants.sessionWithPublisher();
    api.post(START, "{\"session\":\"" + first + "\"}");
    api.post(START, "{\"session\":\"" + second + "\"}");

    JsonNode page = api.get("/openvidu/api/recordings").json();

    assertThat(page.get("count").asInt()).isEqualTo(2);
    assertThat(page.get("items"))
        .extracting(item -> item.get("id").asText())
        .containsExactlyInAnyOrder(first, second);
  }

  @Test
  void listWithoutRecordingsIsEmpty() {
    assertThat(api.get("/openvidu/api/recordings").json().toString())
        .isEqualTo("{\"count\":0,\"items\":[]}");
  }

  @Test
  void deleteOfAnUnknownRecordingIs404() {
    assertThat(api.delete("/openvidu/api/recordings/nope").status()).isEqualTo(404);
  }

  @Test
  void deleteOfAStartedRecordingIs409() {
    String sessionId = participants.sessionWithPublisher();
    api.post(START, "{\"session\":\"" + sessionId + "\"}");

    assertThat(api.delete("/openvidu/api/recordings/" + sessionId).status()).isEqualTo(409);
  }

  @Test
  void deleteOfAStoppedRecordingIs204AndFreesItsId() {
    String sessionId = participants.sessionWithPublisher();
    api.post(START, "{\"session\":\"" + sessionId + "\"}");
    api.post("/openvidu/api/recordings/stop/" + sessionId, null);

    ApiClient.Reply reply = api.delete("/openvidu/api/recordings/" + sessionId);

    assertThat(reply.status()).isEqualTo(204);
    assertThat(api.get("/openvidu/api/recordings/" + sessionId).status()).isEqualTo(404);
    assertThat(api.post(START, "{\"session\":\"" + sessionId + "\"}").json().get("id").asText())
        .isEqualTo(sessionId);
  }

  @Test
  void deleteWithoutIdAndStopWithoutIdAre405() {
    assertThat(api.delete("/openvidu/api/recordings").status()).isEqualTo(405);
    assertThat(api.post("/openvidu/api/recordings/stop", null).status()).isEqualTo(405);
  }

  @Test
  void recordingEndpointsNeedCredentials() {
    ApiClient anonymous = api.without("Authorization");

    assertThat(anonymous.get("/openvidu/api/recordings").status()).isEqualTo(401);
  }
}
