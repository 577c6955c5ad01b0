package io.openvidu.ha.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openvidu.ha.server.recording.RecordingSettings;
import io.openvidu.ha.server.testing.ManualClock;
import io.openvidu.java.client.webhook.EndReason;
import io.openvidu.java.client.webhook.RecordingStatus;
import io.openvidu.java.client.webhook.RecordingStatusChangedEvent;
import io.openvidu.java.client.webhook.WebhookEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code recordingStatusChanged} around a start that takes its launch time (webhooks.md §5.4,
 * recordings.md §6): nothing while {@code starting}, {@code started} once the launch is over, and
 * for a start interrupted by its session's close, {@code stopped}, {@code started}, {@code failed}.
 */
class WebhookRecordingStartTest {

  private static final Duration CONTAINER = Duration.ofMinutes(10);

  private final ManualClock clock = new ManualClock(System.currentTimeMillis());

  @RegisterExtension
  final WebhookCluster cluster =
      WebhookCluster.withMasters(1)
          .configure(
              b ->
                  b.clock(clock)
                      .recordingSettings(
                          RecordingSettings.defaults()
                              .withProcessingTime(Duration.ofMillis(100))
                              .withStartTimeout(Duration.ofSeconds(30))
                              .withLaunchTimes(CONTAINER, Duration.ZERO)));

  @Test
  void startedIsPostedWhenTheLaunchIsOverThenStoppedAndReady() {
    String sessionId = cluster.createSession(0);
    cluster.join(sessionId, 0).publish();
    CompletableFuture<?> start = startAsync(sessionId);
    awaitStarting(sessionId);

    clock.advance(CONTAINER);
    start.join();
    cluster.api(0).post("/openvidu/api/recordings/stop/" + sessionId, null);

    List<RecordingStatusChangedEvent> recording = recordingEvents(sessionId, 3);
    assertThat(recording)
        .extracting(RecordingStatusChangedEvent::status)
        .containsExactly(RecordingStatus.STARTED, RecordingStatus.STOPPED, RecordingStatus.READY);
  }

  @Test
  void aStartInterruptedByItsSessionsCloseIsStoppedStartedFailed() {
    String sessionId = cluster.createSession(0);
    cluster.join(sessionId, 0).publish();
    CompletableFuture<?> start = startAsync(sessionId);
    awaitStarting(sessionId);

    cluster.api(0).delete("/openvidu/api/sessions/" + sessionId);
    start.join();

    List<RecordingStatusChangedEvent> recording = recordingEvents(sessionId, 3);
    assertThat(recording)
        .extracting(RecordingStatusChangedEvent::status)
        .containsExactly(RecordingStatus.STOPPED, RecordingStatus.STARTED, RecordingStatus.FAILED);
    assertThat(recording.get(0).reason()).contains(EndReason.SESSION_CLOSED_BY_SERVER);
  }

  private CompletableFuture<?> startAsync(String sessionId) {
    return CompletableFuture.runAsync(
        () ->
            cluster
                .api(0)
                .post("/openvidu/api/recordings/start", "{\"session\":\"" + sessionId + "\"}"));
  }

  private void awaitStarting(String sessionId) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> cluster.api(0).get("/openvidu/api/recordings/" + sessionId),
            r -> r.status() == 200 && r.json().get("status").asText().equals("starting"));
  }

  /** Waits for the session's events to include {@code count} recording ones; returns those. */
  private List<RecordingStatusChangedEvent> recordingEvents(String sessionId, int count) {
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> recordingOnly(cluster.events(sessionId)).size() >= count);
    return recordingOnly(cluster.events(sessionId));
  }

  private static List<RecordingStatusChangedEvent> recordingOnly(List<WebhookEvent> events) {
    return events.stream()
        .filter(e -> e instanceof RecordingStatusChangedEvent)
        .map(RecordingStatusChangedEvent.class::cast)
        .toList();
  }
}
