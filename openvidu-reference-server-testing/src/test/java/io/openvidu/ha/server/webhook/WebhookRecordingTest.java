package io.openvidu.ha.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvidu.ha.server.testing.SimulatedParticipant;
import io.openvidu.java.client.webhook.EndReason;
import io.openvidu.java.client.webhook.RecordingOutputMode;
import io.openvidu.java.client.webhook.RecordingStatus;
import io.openvidu.java.client.webhook.RecordingStatusChangedEvent;
import io.openvidu.java.client.webhook.WebhookEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code recordingStatusChanged} as {@code webhooks.md} §5.4: started, stopped, then ready. */
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
}
