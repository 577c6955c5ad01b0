package io.openvidu.ha.server.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.openvidu.ha.server.api.ApiClient;
import io.openvidu.ha.server.cluster.OpenViduCluster;
import io.openvidu.ha.server.testing.ManualClock;
import io.openvidu.ha.server.testing.OpenViduClusterExtension;
import io.openvidu.ha.server.testing.RedisServerExtension;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start is {@code starting} while its recording launches (recordings.md §6, rest-api.md
 * §5.7-5.9): the start answers {@code started} once the launch is over, and meanwhile reads show
 * {@code starting} (COMPOSED with video) or nothing (other modes), stop answers 406, delete 409,
 * another start 409. COMPOSED launches a container at every start; COMPOSED_QUICK_START's container
 * launches when the session's first participant joins and stays up; recorders then take their start
 * time. Launches end on the cluster's clock, which these tests move.
 */
class RecordingStartingTest {

  private static final String START = "/openvidu/api/recordings/start";
  private static final Duration CONTAINER = Duration.ofMinutes(10);
  private static final Duration RECORDER = Duration.ofMinutes(1);
  private static final String QUICK_START =
      "{\"defaultRecordingProperties\":{\"outputMode\":\"COMPOSED_QUICK_START\"}}";
  private static final RecordingSettings HELD_BY_THE_CLOCK =
      RecordingCluster.FAST
          .withStartTimeout(Duration.ofSeconds(30))
          .withLaunchTimes(CONTAINER, RECORDER);

  private final ManualClock clock = new ManualClock(System.currentTimeMillis());

  @RegisterExtension
  final OpenViduClusterExtension cluster =
      OpenViduClusterExtension.builder()
          .masters(2)
          .configure(b -> b.clock(clock).recordingSettings(HELD_BY_THE_CLOCK))
          .build();

  @RegisterExtension static final RedisServerExtension redis = new RedisServerExtension();

  @TempDir Path sharedRecordings;

  private ApiClient api;
  private Participants participants;
  private OpenViduCluster processA;
  private OpenViduCluster processB;
  private Participants participantsOfA;

  @BeforeEach
  void connect() {
    api = ApiClient.of(cluster.urlList().get(0), cluster.secret());
    participants = new Participants(api, URI.create(cluster.urlList().get(0)));
  }

  @AfterEach
  void disconnect() {
    participants.close();
    if (participantsOfA != null) {
      participantsOfA.close();
    }
    for (OpenViduCluster process : new OpenViduCluster[] {processA, processB}) {
      if (process != null) {
        process.close();
      }
    }
  }

  @Test
  void composedStartIsStartingUntilItsContainerHasLaunched() {
    String sessionId = participants.sessionWithPublisher();

    CompletableFuture<ApiClient.Reply> start = startAsync(api, sessionId);

    awaitStatus(sessionId, "starting");
    assertThat(api.post("/openvidu/api/recordings/stop/" + sessionId, null).status())
        .isEqualTo(406);
    assertThat(api.delete("/openvidu/api/recordings/" + sessionId).status()).isEqualTo(409);
    assertThat(api.post(START, "{\"session\":\"" + sessionId + "\"}").status()).isEqualTo(409);
    assertThat(api.get("/openvidu/api/sessions/" + sessionId).json().get("recording").asBoolean())
        .isTrue();
    clock.advance(RECORDER);
    assertThat(status(sessionId)).isEqualTo("starting");
    assertThat(start).isNotDone();

    clock.advance(CONTAINER);

    ApiClient.Reply started = start.join();
    assertThat(started.status()).isEqualTo(200);
    assertThat(started.json().get("status").asText()).isEqualTo("started");
    assertThat(status(sessionId)).isEqualTo("started");
    assertThat(api.post("/openvidu/api/recordings/stop/" + sessionId, null).status())
        .isEqualTo(200);
  }

  @Test
  void individualStartIsNotReportedUntilItsRecordersRun() {
    String sessionId = participants.sessionWithPublisher();

    CompletableFuture<ApiClient.Reply> start =
        CompletableFuture.supplyAsync(
            () ->
                api.post(
                    START, "{\"session\":\"" + sessionId + "\",\"outputMode\":\"INDIVIDUAL\"}"));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                api.get("/openvidu/api/sessions/" + sessionId).json().get("recording").asBoolean());
    assertThat(api.get("/openvidu/api/recordings/" + sessionId).status()).isEqualTo(404);
    assertThat(api.get("/openvidu/api/recordings").json().get("count").asInt()).isZero();
    assertThat(api.post("/openvidu/api/recordings/stop/" + sessionId, null).status())
        .isEqualTo(406);

    clock.advance(RECORDER);

    assertThat(start.join().json().get("status").asText()).isEqualTo("started");
    assertThat(status(sessionId)).isEqualTo("started");
  }

  @Test
  void quickStartRightAfterTheFirstJoinWaitsForTheRestOfItsContainersLaunch() {
    String sessionId = participants.session(QUICK_START);
    participants.publish(participants.join(sessionId, "PUBLISHER"));

    CompletableFuture<ApiClient.Reply> start = startAsync(api, sessionId);

    awaitStatus(sessionId, "starting");
    clock.advance(RECORDER);
    assertThat(status(sessionId)).isEqualTo("starting");
    // The container launched at the join, a moment of real time before the start.
    clock.advance(CONTAINER.plus(RECORDER));
    ApiClient.Reply started = start.join();
    assertThat(started.status()).isEqualTo(200);
    assertThat(started.json().get("outputMode").asText()).isEqualTo("COMPOSED_QUICK_START");
  }

  @Test
  void quickStartOnItsLaunchedContainerWaitsOnlyForTheRecorderAgainAndAgain() {
    String quick = participants.session(QUICK_START);
    participants.publish(participants.join(quick, "PUBLISHER"));
    String composed = participants.sessionWithPublisher();
    // The container launched when the participant joined; it stays up until the session closes.
    clock.advance(CONTAINER.multipliedBy(2));

    CompletableFuture<ApiClient.Reply> composedStart = startAsync(api, composed);
    CompletableFuture<ApiClient.Reply> first = startAsync(api, quick);
    awaitStatus(quick, "starting");
    awaitStatus(composed, "starting");
    clock.advance(RECORDER);

    assertThat(first.join().json().get("status").asText()).isEqualTo("started");
    assertThat(status(composed)).isEqualTo("starting");
    assertThat(api.post("/openvidu/api/recordings/stop/" + quick, null).status()).isEqualTo(200);
    CompletableFuture<ApiClient.Reply> second = startAsync(api, quick);
    awaitStatus(quick + "-1", "starting");
    clock.advance(RECORDER);
    assertThat(second.join().json().get("status").asText()).isEqualTo("started");
    clock.advance(CONTAINER);
    assertThat(composedStart.join().status()).isEqualTo(200);
  }

  @Test
  void aRepeatedIdempotencyKeyWaitsForTheSameStartAndGetsItsAnswer() throws Exception {
    String sessionId = participants.sessionWithPublisher();
    String key = "start-" + sessionId;
    CompletableFuture<ApiClient.Reply> first =
        startAsync(api.withHeader("Idempotency-Key", key), sessionId);
    awaitStatus(sessionId, "starting");

    CompletableFuture<ApiClient.Reply> repeat =
        startAsync(
            ApiClient.of(cluster.urlList().get(1), cluster.secret())
                .withHeader("Idempotency-Key", key),
            sessionId);

    assertThatThrownBy(() -> repeat.get(300, TimeUnit.MILLISECONDS))
        .isInstanceOf(TimeoutException.class);
    clock.advance(CONTAINER);
    assertThat(first.join().json().get("status").asText()).isEqualTo("started");
    ApiClient.Reply replayed = repeat.join();
    assertThat(replayed.status()).isEqualTo(200);
    assertThat(replayed.json().get("id").asText()).isEqualTo(sessionId);
    assertThat(replayed.json().get("status").asText()).isEqualTo("started");
    assertThat(replayed.header("Idempotent-Replayed")).contains("true");
  }

  @Test
  void aStartWhoseProcessStoppedIsFinishedByAnotherProcessAndItsKeyReplaysIt() {
    processA = process();
    processB = process();
    ApiClient viaA = ApiClient.of(processA.urlList().get(0), processA.secret());
    ApiClient viaB = ApiClient.of(processB.urlList().get(0), processB.secret());
    participantsOfA = new Participants(viaA, URI.create(processA.urlList().get(0)));
    String sessionId = participantsOfA.sessionWithPublisher();
    String key = "dies-" + sessionId;
    CompletableFuture<ApiClient.Reply> lost =
        startAsync(viaA.withHeader("Idempotency-Key", key), sessionId);
    awaitStatus(viaB, sessionId, "starting");

    processA.close();
    processA = null;
    clock.advance(CONTAINER);

    awaitStatus(viaB, sessionId, "started");
    ApiClient.Reply retried =
        viaB.withHeader("Idempotency-Key", key).post(START, "{\"session\":\"" + sessionId + "\"}");
    assertThat(retried.status()).isEqualTo(200);
    assertThat(retried.json().get("status").asText()).isEqualTo("started");
    assertThat(retried.header("Idempotent-Replayed")).contains("true");
    assertThat(viaB.post("/openvidu/api/recordings/stop/" + sessionId, null).status())
        .isEqualTo(200);
    // The stopped master's connections are closed: its caller saw the start fail and retried.
    lost.handle((reply, error) -> null).join();
  }

  @Test
  void aSessionClosedWhileItsRecordingStartsFailsTheStart() {
    String sessionId = participants.sessionWithPublisher();
    CompletableFuture<ApiClient.Reply> start = startAsync(api, sessionId);
    awaitStatus(sessionId, "starting");

    assertThat(api.delete("/openvidu/api/sessions/" + sessionId).status()).isEqualTo(204);

    ApiClient.Reply failed = start.join();
    assertThat(failed.status()).isEqualTo(500);
    assertThat(failed.json().path("message").asText()).startsWith("Error starting recording");
    assertThat(status(sessionId)).isEqualTo("failed");
  }

  /** A node process over the shared Redis, on the test's clock. */
  private OpenViduCluster process() {
    return OpenViduCluster.builder()
        .store(redis.uri())
        .recordingsDir(sharedRecordings)
        .clock(clock)
        .recordingSettings(HELD_BY_THE_CLOCK)
        .start();
  }

  private static CompletableFuture<ApiClient.Reply> startAsync(ApiClient client, String id) {
    return CompletableFuture.supplyAsync(() -> client.post(START, "{\"session\":\"" + id + "\"}"));
  }

  private String status(String recordingId) {
    return api.get("/openvidu/api/recordings/" + recordingId).json().get("status").asText();
  }

  private void awaitStatus(String recordingId, String status) {
    awaitStatus(api, recordingId, status);
  }

  private static void awaitStatus(ApiClient client, String recordingId, String status) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> client.get("/openvidu/api/recordings/" + recordingId),
            r -> r.status() == 200 && r.json().get("status").asText().equals(status));
  }
}
