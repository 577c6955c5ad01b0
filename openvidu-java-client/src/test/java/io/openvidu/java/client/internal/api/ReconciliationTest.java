package io.openvidu.java.client.internal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvidu.java.client.OpenViduHttpException;
import io.openvidu.java.client.Recording;
import io.openvidu.java.client.RecordingProperties;
import io.openvidu.java.client.SessionProperties;
import io.openvidu.java.client.internal.json.RecordingDocument;
import io.openvidu.java.client.internal.json.SessionDocument;
import io.openvidu.java.client.internal.transport.ApiRequest;
import io.openvidu.java.client.internal.transport.Transports;
import io.openvidu.java.client.internal.transport.http.TransportSettings;
import io.openvidu.java.client.transport.BalancingPolicy;
import io.openvidu.java.client.transport.OpenViduEventListener;
import io.openvidu.java.client.transport.RetryPolicy;
import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Already done" answers to a write that the transport repeated after an attempt whose outcome was
 * unknown are reconciled into success; the same answers without that history stay errors (see
 * ErrorStatusTest).
 */
class ReconciliationTest {

  private static final String SESSION =
      "{\"id\":\"ses_Abcdefghij\",\"sessionId\":\"ses_Abcdefghij\","
          + "\"createdAt\":1538481996019,\"forcedVideoCodec\":\"VP8\",\"allowTranscoding\":false}";

  @StartStop private final MockWebServer server = new MockWebServer();
  private AfterUnknownOutcome transport;
  private OpenViduApi api;

  @BeforeEach
  void connect() {
    TransportSettings settings =
        new TransportSettings(
            Collections.singletonList(server.url("/")),
            "MY_SECRET",
            Duration.ofSeconds(1),
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            RetryPolicy.defaults(),
            BalancingPolicy.ROUND_ROBIN,
            null,
            OpenViduEventListener.NONE,
            false);
    transport = new AfterUnknownOutcome(Transports.create(settings));
    api = new OpenViduApi(transport);
  }

  @AfterEach
  void disconnect() {
    api.close();
  }

  @Test
  void createSessionConflictReturnsTheSessionTheEarlierAttemptCreated() throws Exception {
    answer(409, "");
    answer(200, SESSION);

    SessionDocument session =
        api.createSession(new SessionProperties.Builder().build(), "ses_Abcdefghij", false);

    assertThat(session.sessionId()).isEqualTo("ses_Abcdefghij");
    assertThat(session.createdAt()).isEqualTo(1538481996019L);
    take();
    RecordedRequest lookUp = take();
    assertThat(lookUp.getMethod()).isEqualTo("GET");
    assertThat(lookUp.getTarget())
        .isEqualTo("/openvidu/api/sessions/ses_Abcdefghij?pendingConnections=true");
  }

  @Test
  void createSessionConflictWithTheSessionGoneAgainIsTheConflict() {
    answer(409, "");
    answer(404, "");

    assertThatThrownBy(
            () ->
                api.createSession(new SessionProperties.Builder().build(), "ses_Abcdefghij", false))
        .isInstanceOfSatisfying(
            OpenViduHttpException.class, e -> assertThat(e.getStatus()).isEqualTo(409));
  }

  @Test
  void createSessionIsRepeatableWhenTheOutcomeIsUnknown() throws Exception {
    answer(200, SESSION);

    api.createSession(new SessionProperties.Builder().build(), "ses_Abcdefghij", false);

    assertThat(transport.requests().get(0).isRepeatableWhenOutcomeUnknown()).isTrue();
  }

  @Test
  void createConnectionIsNotRepeatableWhenTheOutcomeIsUnknown() throws Exception {
    answer(
        200,
        "{\"connectionId\":\"con_A\",\"status\":\"pending\",\"createdAt\":1,\"type\":\"WEBRTC\"}");

    api.createConnection("ses_Abcdefghij", "{}".getBytes(), "createConnection");

    assertThat(transport.requests().get(0).isRepeatableWhenOutcomeUnknown()).isFalse();
  }

  @Test
  void startRecordingConflictReturnsTheSessionsActiveRecording() throws Exception {
    answer(409, "");
    answer(
        200,
        "{\"count\":3,\"items\":["
            + recording("other", "ses_Other", "started")
            + ","
            + recording("ses_Abcdefghij", "ses_Abcdefghij", "ready")
            + ","
            + recording("ses_Abcdefghij-1", "ses_Abcdefghij", "started")
            + "]}");

    RecordingDocument recording =
        api.startRecording("ses_Abcdefghij", new RecordingProperties.Builder().build());

    assertThat(recording.id()).isEqualTo("ses_Abcdefghij-1");
    assertThat(transport.requests())
        .extracting(ApiRequest::operation)
        .containsExactly("startRecording", "listRecordings");
    assertThat(transport.requests().get(0).isRepeatableWhenOutcomeUnknown()).isTrue();
  }

  @Test
  void startRecordingConflictWithoutAnActiveRecordingIsTheConflict() {
    answer(409, "");
    answer(
        200,
        "{\"count\":1,\"items\":[" + recording("ses_Abcdefghij", "ses_Abcdefghij", "ready") + "]}");

    assertThatThrownBy(
            () -> api.startRecording("ses_Abcdefghij", new RecordingProperties.Builder().build()))
        .isInstanceOfSatisfying(
            OpenViduHttpException.class, e -> assertThat(e.getStatus()).isEqualTo(409));
  }

  @Test
  void stopRecordingNotFoundReturnsTheRecordingTheEarlierAttemptStopped() throws Exception {
    answer(404, "");
    answer(200, recording("ses_Abcdefghij", "ses_Abcdefghij", "stopped"));

    RecordingDocument recording = api.stopRecording("ses_Abcdefghij");

    assertThat(recording.status()).isEqualTo(Recording.Status.stopped);
    take();
    RecordedRequest lookUp = take();
    assertThat(lookUp.getMethod()).isEqualTo("GET");
    assertThat(lookUp.getTarget()).isEqualTo("/openvidu/api/recordings/ses_Abcdefghij");
    assertThat(transport.requests().get(0).isRepeatableWhenOutcomeUnknown()).isTrue();
  }

  @Test
  void stopRecordingNotAcceptableReturnsTheRecordingOnceReady() throws Exception {
    answer(406, "");
    answer(200, recording("ses_Abcdefghij", "ses_Abcdefghij", "ready"));

    assertThat(api.stopRecording("ses_Abcdefghij").status()).isEqualTo(Recording.Status.ready);
  }

  @Test
  void stopRecordingNotAcceptableWhileTheRecordingIsStillStartingIsTheError() {
    answer(406, "");
    answer(200, recording("ses_Abcdefghij", "ses_Abcdefghij", "starting"));

    assertThatThrownBy(() -> api.stopRecording("ses_Abcdefghij"))
        .isInstanceOfSatisfying(
            OpenViduHttpException.class, e -> assertThat(e.getStatus()).isEqualTo(406));
  }

  @Test
  void closeSessionNotFoundIsDone() throws Exception {
    answer(404, "");

    api.closeSession("ses_Abcdefghij");

    assertThat(take().getMethod()).isEqualTo("DELETE");
  }

  @Test
  void deleteRecordingNotFoundIsDone() throws Exception {
    answer(404, "");

    api.deleteRecording("ses_Abcdefghij");

    assertThat(take().getTarget()).isEqualTo("/openvidu/api/recordings/ses_Abcdefghij");
  }

  @Test
  void forceDisconnectNotFoundIsDone() throws Exception {
    answer(404, "");

    api.deleteConnection("ses_Abcdefghij", "con_A");

    assertThat(take().getTarget())
        .isEqualTo("/openvidu/api/sessions/ses_Abcdefghij/connection/con_A");
  }

  @Test
  void forceDisconnectOfTheLastParticipantWhoseSessionClosedIsDone() throws Exception {
    answer(400, "");

    api.deleteConnection("ses_Abcdefghij", "con_A");

    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void forceUnpublishNotFoundIsDone() throws Exception {
    answer(404, "");

    api.deleteStream("ses_Abcdefghij", "str_CAM_A");

    assertThat(take().getTarget())
        .isEqualTo("/openvidu/api/sessions/ses_Abcdefghij/stream/str_CAM_A");
  }

  @Test
  void deleteConflictIsStillAnError() {
    answer(409, "");

    assertThatThrownBy(() -> api.deleteRecording("ses_Abcdefghij"))
        .isInstanceOfSatisfying(
            OpenViduHttpException.class, e -> assertThat(e.getStatus()).isEqualTo(409));
  }

  private void answer(int status, String body) {
    server.enqueue(new MockResponse.Builder().code(status).body(body).build());
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).isNotNull();
    return request;
  }

  private static String recording(String id, String sessionId, String status) {
    return "{\"id\":\""
        + id
        + "\",\"sessionId\":\""
        + sessionId
        + "\",\"createdAt\":1600564785109,\"size\":0,"
        + "\"duration\":0,\"url\":null,\"status\":\""
        + status
        + "\"}";
  }
}
