package io.openvidu.java.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MockOpenViduExtension.class)
class CreateSessionTest {

  @Test
  void createSessionPostsToTheSessionsPathWithPreemptiveBasicAuth(MockOpenVidu mock)
      throws Exception {
    mock.answer(200, SpecExamples.session());

    mock.openVidu.createSession();

    RecordedRequest request = mock.request();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo("/openvidu/api/sessions");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo(MockOpenVidu.AUTHORIZATION);
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(mock.server.getRequestCount()).as("no unauthenticated first attempt").isEqualTo(1);
  }

  @Test
  void createSessionSendsEveryDefaultPropertyExplicitly(MockOpenVidu mock) throws Exception {
    mock.answer(200, SpecExamples.session());

    mock.openVidu.createSession();

    JsonNode body = mock.requestBody();
    assertThat(body.get("mediaMode").asText()).isEqualTo("ROUTED");
    assertThat(body.get("recordingMode").asText()).isEqualTo("MANUAL");
    assertThat(body.get("forcedVideoCodec").asText()).isEqualTo("VP8");
    assertThat(body.get("allowTranscoding").isBoolean()).isTrue();
    assertThat(body.get("allowTranscoding").booleanValue()).isFalse();
    assertThat(body.get("defaultRecordingProperties"))
        .isEqualTo(
            SpecExamples.JSON.readTree(
                "{\"name\":\"\",\"hasAudio\":true,\"hasVideo\":true,\"outputMode\":\"COMPOSED\","
                    + "\"recordingLayout\":\"BEST_FIT\",\"resolution\":\"1280x720\",\"frameRate\":25,"
                    + "\"shmSize\":536870912}"));
    assertThat(body.has("mediaNode")).isFalse();
  }

  @Test
  void createSessionSendsCustomSessionId(MockOpenVidu mock) throws Exception {
    mock.answer(
        200,
        SpecExamples.session()
            .put("id", "TestSession")
            .put("sessionId", "TestSession")
            .put("customSessionId", "TestSession"));

    Session session =
        mock.openVidu.createSession(
            new SessionProperties.Builder().customSessionId("TestSession").build());

    assertThat(mock.requestBody().get("customSessionId").asText()).isEqualTo("TestSession");
    assertThat(session.getSessionId()).isEqualTo("TestSession");
    assertThat(session.getProperties().customSessionId()).isEqualTo("TestSession");
  }

  @Test
  void createSessionWithoutCustomIdSendsAClientGeneratedIdInOpenViduFormat(MockOpenVidu mock)
      throws Exception {
    mock.answer(200, SpecExamples.session());

    mock.openVidu.createSession();

    assertThat(mock.requestBody().get("customSessionId").asText())
        .matches("ses_[A-Z][A-Za-z0-9]{9}");
  }

  @Test
  void createSessionGeneratesADifferentIdEachTime(MockOpenVidu mock) throws Exception {
    mock.answer(200, SpecExamples.session());
    mock.answer(
        200, SpecExamples.session().put("id", "ses_Other12345").put("sessionId", "ses_Other12345"));

    mock.openVidu.createSession();
    mock.openVidu.createSession();

    assertThat(mock.requestBody().get("customSessionId").asText())
        .isNotEqualTo(mock.requestBody().get("customSessionId").asText());
  }

  @Test
  void generatedIdStaysOutOfThePropertiesCustomSessionId(MockOpenVidu mock) throws Exception {
    mock.answer(200, SpecExamples.session().put("customSessionId", "ses_YnDaGYNcd7"));

    Session session = mock.openVidu.createSession();

    assertThat(session.getProperties().customSessionId()).isEmpty();
  }

  @Test
  void createSessionReadsIdCreatedAtCodecAndTranscodingFromTheAnswer(MockOpenVidu mock)
      throws Exception {
    mock.answer(
        200, SpecExamples.session().put("forcedVideoCodec", "H264").put("allowTranscoding", true));

    Session session = mock.openVidu.createSession();

    assertThat(session.getSessionId()).isEqualTo("ses_YnDaGYNcd7");
    assertThat(session.createdAt()).isEqualTo(1538481996019L);
    assertThat(session.getProperties().forcedVideoCodec()).isEqualTo(VideoCodec.H264);
    assertThat(session.getProperties().isTranscodingAllowed()).isTrue();
    assertThat(session.isBeingRecorded()).isFalse();
    assertThat(session.getConnections()).isEmpty();
  }

  @Test
  void createSessionSendsEveryGivenProperty(MockOpenVidu mock) throws Exception {
    mock.answer(200, SpecExamples.session());
    RecordingProperties individual =
        new RecordingProperties.Builder()
            .name("rec")
            .outputMode(Recording.OutputMode.INDIVIDUAL)
            .ignoreFailedStreams(true)
            .build();

    mock.openVidu.createSession(
        new SessionProperties.Builder()
            .mediaMode(MediaMode.RELAYED)
            .recordingMode(RecordingMode.ALWAYS)
            .forcedVideoCodec(VideoCodec.VP9)
            .allowTranscoding(true)
            .mediaNode("media_i-0c58bcdd26l11d0sd")
            .defaultRecordingProperties(individual)
            .build());

    JsonNode body = mock.requestBody();
    assertThat(body.get("mediaMode").asText()).isEqualTo("RELAYED");
    assertThat(body.get("recordingMode").asText()).isEqualTo("ALWAYS");
    assertThat(body.get("forcedVideoCodec").asText()).isEqualTo("VP9");
    assertThat(body.get("allowTranscoding").booleanValue()).isTrue();
    assertThat(body.get("mediaNode").get("id").asText()).isEqualTo("media_i-0c58bcdd26l11d0sd");
    assertThat(body.get("defaultRecordingProperties"))
        .isEqualTo(
            SpecExamples.JSON.readTree(
                "{\"name\":\"rec\",\"hasAudio\":true,\"hasVideo\":true,\"outputMode\":\"INDIVIDUAL\","
                    + "\"ignoreFailedStreams\":true}"));
  }

  @Test
  void createdSessionIsAnActiveSession(MockOpenVidu mock) throws Exception {
    mock.answer(200, SpecExamples.session());

    Session session = mock.openVidu.createSession();

    assertThat(mock.openVidu.getActiveSessions()).containsExactly(session);
  }

  @Test
  void conflictOnACustomIdReturnsTheExistingSessionAsTheOfficialClientDoes(MockOpenVidu mock)
      throws Exception {
    mock.answer(409);

    Session session =
        mock.openVidu.createSession(
            new SessionProperties.Builder().customSessionId("TestSession").build());

    assertThat(session.getSessionId()).isEqualTo("TestSession");
    assertThat(session.createdAt()).isZero();
    assertThat(mock.openVidu.getActiveSessions()).containsExactly(session);
  }

  @Test
  void conflictOnAGeneratedIdIsAnError(MockOpenVidu mock) {
    mock.answer(409);

    assertThatThrownBy(() -> mock.openVidu.createSession())
        .isInstanceOfSatisfying(
            OpenViduHttpException.class, e -> assertThat(e.getStatus()).isEqualTo(409))
        .hasMessage("409")
        .hasToString(
            OpenViduHttpException.class.getName()
                + ": 409 (createSession failed: HTTP 409 Conflict)");
    assertThat(mock.openVidu.getActiveSessions()).isEmpty();
  }

  @Test
  void badRequestCarriesTheServerMessage(MockOpenVidu mock) {
    ObjectNode error = SpecExamples.customSessionIdError();
    mock.answer(400, error);

    assertThatThrownBy(
            () ->
                mock.openVidu.createSession(
                    new SessionProperties.Builder().customSessionId("not valid!").build()))
        .isInstanceOfSatisfying(
            OpenViduHttpException.class,
            e -> {
              assertThat(e.getStatus()).isEqualTo(400);
              assertThat(e.getServerMessage()).isEqualTo(error.get("message").asText());
            })
        .hasMessage("400")
        .hasToString(
            OpenViduHttpException.class.getName()
                + ": 400 (createSession failed: HTTP 400 Bad Request: "
                + error.get("message").asText()
                + ")");
  }
}
