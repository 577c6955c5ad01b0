package io.openvidu.ha.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openvidu.ha.server.testing.SimulatedParticipant;
import io.openvidu.java.client.webhook.EndReason;
import io.openvidu.java.client.webhook.RecordingOutputMode;
import io.openvidu.java.client.webhook.RecordingStatus;
import io.openvidu.java.client.webhook.RecordingStatusChangedEvent;
import io.openvidu.java.client.webhook.WebhookEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code recordingStatusChanged} as {@code webhooks.md} §5.3-§5.5: started, stopped, then ready,
 * for INDIVIDUAL and COMPOSED recordings stopped by REST, with their session, or automatically.
 */
class WebhookRecordingTest {

  @RegisterExtension final WebhookCluster cluster = WebhookCluster.withMasters(2);

  @Test
  void anIndividualRecordingStartedAndStoppedByRest() {
    String sessionId = cluster.createSession(0);
    SimulatedParticipant alice = cluster.join(sessionId, 1);
    alice.publish();
    cluster
        .api(0)
        .post(
            "/openvidu/api/recordings/start",
            "{\"session\":\"" + sessionId + "\",\"outputMode\":\"INDIVIDUAL\",\"name\":\"rec\"}");

    cluster.api(1).post("/openvidu/api/recordings/stop/" + sessionId, null);

    List<WebhookEvent> events = cluster.awaitEventCount(sessionId, 6);
    List<RecordingStatusChangedEvent> recording =
        events.stream()
            .filter(e -> e instanceof RecordingStatusChangedEvent)
            .map(RecordingStatusChangedEvent.class::cast)
            .toList();
    assertThat(recording)
        .extracting(RecordingStatusChangedEvent::status)
        .containsExactly(RecordingStatus.STARTED, RecordingStatus.STOPPED, RecordingStatus.READY);
    RecordingStatusChangedEvent started = recording.get(0);
    assertThat(started.timestamp()).isEqualTo(started.startTime());
    assertThat(started.reason()).isEmpty();
    assertThat(started.outputMode()).isEqualTo(RecordingOutputMode.INDIVIDUAL);
    assertThat(started.recordingName()).isEqualTo("rec");
    assertThat(started.resolution()).isEmpty();
    RecordingStatusChangedEvent stopped = recording.get(1);
    assertThat(stopped.reason()).contains(EndReason.RECORDING_STOPPED_BY_SERVER);
    assertThat(stopped.duration()).isZero();
    assertThat(stopped.size()).isZero();
    RecordingStatusChangedEvent ready = recording.get(2);
    assertThat(ready.reason()).contains(EndReason.RECORDING_STOPPED_BY_SERVER);
    assertThat(ready.size()).isPositive();
    assertThat(ready.duration()).isPositive();
    assertThat(ready.mediaNodeId()).isEmpty();
  }

  @Test
  void aComposedRecordingCarriesItsLayoutAndMediaNode() {
    String sessionId = cluster.createSession(0);
    cluster.join(sessionId, 1).publish();
    cluster
        .api(1)
        .post(
            "/openvidu/api/recordings/start",
            "{\"session\":\"" + sessionId + "\",\"outputMode\":\"COMPOSED\",\"name\":\"grid\"}");

    cluster.api(0).post("/openvidu/api/recordings/stop/" + sessionId, null);

    List<RecordingStatusChangedEvent> recording = recordingEvents(sessionId, 3);
    assertThat(recording)
        .extracting(RecordingStatusChangedEvent::status)
        .containsExactly(RecordingStatus.STARTED, RecordingStatus.STOPPED, RecordingStatus.READY);
    assertThat(recording)
        .allSatisfy(
            e -> {
              assertThat(e.outputMode()).isEqualTo(RecordingOutputMode.COMPOSED);
              assertThat(e.resolution()).contains("1280x720");
              assertThat(e.frameRate()).contains(25);
              assertThat(e.recordingLayout()).contains("BEST_FIT");
              assertThat(e.mediaNodeId()).contains("media_simulated-1");
              assertThat(e.hasVideo()).isTrue();
            });
    assertThat(recording.get(0).json()).doesNotContain("\"reason\"");
    assertThat(recording.get(2).reason()).contains(EndReason.RECORDING_STOPPED_BY_SERVER);
    assertThat(recording.get(2).size()).isPositive();
  }

  @Test
  void aComposedRecordingOfASessionClosedByRestStopsWithTheSession() {
    String sessionId = cluster.createSession(0);
    SimulatedParticipant alice = cluster.join(sessionId, 1);
    SimulatedParticipant bob = cluster.join(sessionId, 0);
    bob.subscribe(alice.publish());
    cluster
        .api(0)
        .post(
            "/openvidu/api/recordings/start",
            "{\"session\":\"" + sessionId + "\",\"outputMode\":\"COMPOSED\"}");
    cluster.awaitEventCount(sessionId, 6);

    cluster.api(1).delete("/openvidu/api/sessions/" + sessionId);

    // §5.3, with ready after sessionDestroyed: a recording is processed once stopped.
    List<WebhookEvent> ends = cluster.awaitEventCount(sessionId, 13).subList(6, 13);
    assertThat(ends)
        .map(WebhookEvent::name)
        .containsExactly(
            "webrtcConnectionDestroyed",
            "webrtcConnectionDestroyed",
            "participantLeft",
            "participantLeft",
            "recordingStatusChanged",
            "sessionDestroyed",
            "recordingStatusChanged");
    assertThat(ends)
        .allSatisfy(e -> assertThat(e.json()).contains("\"reason\":\"sessionClosedByServer\""));
    assertThat(((RecordingStatusChangedEvent) ends.get(4)).status())
        .isEqualTo(RecordingStatus.STOPPED);
    assertThat(((RecordingStatusChangedEvent) ends.get(6)).status())
        .isEqualTo(RecordingStatus.READY);
  }

  @Test
  void theLastParticipantLeavingARecordedSessionStopsItAutomaticallyAfterTheTimeout() {
    cluster.configure("OPENVIDU_RECORDING_AUTOSTOP_TIMEOUT", 0.3);
    String sessionId = cluster.createSession(0);
    SimulatedParticipant alice = cluster.join(sessionId, 1);
    alice.publish();
    cluster
        .api(0)
        .post(
            "/openvidu/api/recordings/start",
            "{\"session\":\"" + sessionId + "\",\"outputMode\":\"COMPOSED\"}");
    cluster.awaitEventCount(sessionId, 4);

    alice.leave();

    List<WebhookEvent> events = cluster.awaitEventCount(sessionId, 9);
    assertThat(events.subList(4, 9))
        .map(WebhookEvent::name)
        .containsExactly(
            "webrtcConnectionDestroyed",
            "participantLeft",
            "recordingStatusChanged",
            "sessionDestroyed",
            "recordingStatusChanged");
    assertThat(events.subList(4, 6))
        .allSatisfy(e -> assertThat(e.json()).contains("\"reason\":\"disconnect\""));
    assertThat(events.subList(6, 9))
        .allSatisfy(e -> assertThat(e.json()).contains("\"reason\":\"automaticStop\""));
    assertThat(((RecordingStatusChangedEvent) events.get(8)).status())
        .isEqualTo(RecordingStatus.READY);
    assertThat(events.get(6).timestamp() - events.get(5).timestamp()).isGreaterThanOrEqualTo(300);
  }

  private List<RecordingStatusChangedEvent> recordingEvents(String sessionId, int count) {
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                cluster.events(sessionId).stream()
                        .filter(e -> e instanceof RecordingStatusChangedEvent)
                        .count()
                    >= count);
    return cluster.events(sessionId).stream()
        .filter(e -> e instanceof RecordingStatusChangedEvent)
        .map(RecordingStatusChangedEvent.class::cast)
        .toList();
  }
}
