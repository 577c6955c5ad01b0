package io.openvidu.ha.server.recording;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvidu.ha.server.api.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code recordingMode: ALWAYS} and the automatic stop (rest-api.md §6.3, §6.4), with an
 * automatic-stop timeout of 0.3 s. "Nothing happened" is asserted only after a control session
 * shows the sweeps that would have done it ran.
 */
class AutomaticRecordingTest {

  private static final String START = "/openvidu/api/recordings/start";
  private static final String ALWAYS = "{\"recordingMode\":\"ALWAYS\"}";

  @RegisterExtension final RecordingCluster cluster = RecordingCluster.withMasters(1);

  private ApiClient api;
  private Participants participants;

  @BeforeEach
  void connect() {
    api = cluster.api(0);
    participants = cluster.participants();
    autoStopAfter(0.3);
  }

  @Test
  void alwaysSessionStartsRecordingWithItsDefaultsWhenTheFirstStreamIsPublished() {
    String sessionId =
        participants.session(
            "{\"recordingMode\":\"ALWAYS\",\"defaultRecordingProperties\":"
                + "{\"outputMode\":\"INDIVIDUAL\",\"name\":\"auto\"}}");
    String publisher = participants.join(sessionId, "PUBLISHER");

    participants.publish(publisher);

    JsonNode recording = awaitRecording(sessionId, "started");
    assertThat(recording.get("name").asText()).isEqualTo("auto");
    assertThat(recording.get("outputMode").asText()).isEqualTo("INDIVIDUAL");
    assertThat(recording.get("mediaNode").asText()).isEqualTo("media_simulated-1");
  }

  @Test
  void alwaysSessionDoesNotRecordWhileNobodyPublishes() {
    String quiet = participants.session(ALWAYS);
    participants.join(quiet, "PUBLISHER");

    awaitControlRecording();

    assertThat(api.get("/openvidu/api/recordings/" + quiet).status()).isEqualTo(404);
  }

  @Test
  void manualSessionDoesNotRecordByItself() {
    String manual = participants.sessionWithPublisher();

    awaitControlRecording();

    assertThat(api.get("/openvidu/api/recordings/" + manual).status()).isEqualTo(404);
  }

  @Test
  void lastParticipantLeavingKeepsARecordedSessionOpen() {
    autoStopAfter(60);
    String sessionId = participants.session(null);
    String publisher = participants.join(sessionId, "PUBLISHER");
    participants.publish(publisher);
    api.post(START, "{\"session\":\"" + sessionId + "\"}");

    participants.leave(publisher);

    JsonNode session = api.get("/openvidu/api/sessions/" + sessionId).json();
    assertThat(session.get("recording").asBoolean()).isTrue();
    assertThat(session.at("/connections/numberOfElements").asInt()).isZero();
  }

  @Test
  void automaticStopAfterTheLastParticipantLeftStopsTheRecordingAndClosesTheSession() {
    String sessionId = participants.session(null);
    String publisher = participants.join(sessionId, "PUBLISHER");
    participants.publish(publisher);
    api.post(START, "{\"session\":\"" + sessionId + "\"}");

    participants.leave(publisher);

    awaitRecording(sessionId, "ready");
    assertThat(api.get("/openvidu/api/sessions/" + sessionId).status()).isEqualTo(404);
  }

  @Test
  void recordingStartedWithoutPublishersStopsAutomaticallyAndTheSessionStaysForItsParticipants() {
    String sessionId = participants.session(null);
    participants.join(sessionId, "SUBSCRIBER");

    api.post(START, "{\"session\":\"" + sessionId + "\"}");

    awaitRecording(sessionId, "ready");
    JsonNode session = api.get("/openvidu/api/sessions/" + sessionId).json();
    assertThat(session.get("recording").asBoolean()).isFalse();
    assertThat(session.at("/connections/numberOfElements").asInt()).isEqualTo(1);
  }

  @Test
  void publishingCancelsTheCountdown() {
    String sessionId = participants.session(null);
    String publisher = participants.join(sessionId, "PUBLISHER");
    api.post(START, "{\"session\":\"" + sessionId + "\"}");
    participants.publish(publisher);
    String control = participants.session(null);
    participants.join(control, "SUBSCRIBER");
    api.post(START, "{\"session\":\"" + control + "\"}");

    // The control's countdown began after ours: once it stopped, ours would have too.
    awaitRecording(control, "ready");

    assertThat(api.get("/openvidu/api/recordings/" + sessionId).json().get("status").asText())
        .isEqualTo("started");
  }

  @Test
  void manualStopDuringTheCountdownClosesTheEmptySession() {
    autoStopAfter(60);
    String sessionId = participants.session(null);
    String publisher = participants.join(sessionId, "PUBLISHER");
    participants.publish(publisher);
    api.post(START, "{\"session\":\"" + sessionId + "\"}");
    participants.leave(publisher);

    api.post("/openvidu/api/recordings/stop/" + sessionId, null);

    assertThat(api.get("/openvidu/api/sessions/" + sessionId).status()).isEqualTo(404);
  }

  @Test
  void alwaysSessionRecordsAgainAfterAnAutomaticStop() {
    String sessionId = participants.session(ALWAYS);
    String publisher = participants.join(sessionId, "PUBLISHER");
    participants.join(sessionId, "SUBSCRIBER");
    api.post(START, "{\"session\":\"" + sessionId + "\"}");
    awaitRecording(sessionId, "ready");

    participants.publish(publisher);

    assertThat(awaitRecording(sessionId + "-1", "started").get("id").asText())
        .isEqualTo(sessionId + "-1");
  }

  @Test
  void alwaysSessionNeverRecordsAgainAfterAManualStop() {
    String sessionId = participants.session(ALWAYS);
    String publisher = participants.join(sessionId, "PUBLISHER");
    participants.publish(publisher);
    awaitRecording(sessionId, "started");
    api.post("/openvidu/api/recordings/stop/" + sessionId, null);
    participants.unpublish(publisher);
    participants.publish(publisher);

    awaitControlRecording();

    assertThat(api.get("/openvidu/api/recordings").json().get("count").asInt()).isEqualTo(2);
    assertThat(api.get("/openvidu/api/sessions/" + sessionId).json().get("recording").asBoolean())
        .isFalse();
  }

  private void autoStopAfter(double seconds) {
    cluster.configure("OPENVIDU_RECORDING_AUTOSTOP_TIMEOUT", seconds);
  }

  private JsonNode awaitRecording(String recordingId, String status) {
    return RecordingCluster.awaitStatus(api, recordingId, status);
  }

  /**
   * Waits until an {@code ALWAYS} session made now records: the sweeps that would have acted on
   * what the test arranged before have run.
   */
  private void awaitControlRecording() {
    String control = participants.session(ALWAYS);
    participants.publish(participants.join(control, "PUBLISHER"));
    awaitRecording(control, "started");
  }
}
