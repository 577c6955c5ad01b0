package io.openvidu.ha.server.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvidu.ha.server.api.ApiClient;
import io.openvidu.ha.server.cluster.OpenViduCluster;
import io.openvidu.ha.server.store.ClusterEvent;
import io.openvidu.ha.server.store.EventOperations;
import io.openvidu.ha.server.store.Subscription;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A recording from start to downloadable files, through two masters: the state machine of
 * recordings.md §6, the files of §3 served as §4 says, the participant notifications of §5.
 */
class RecordingLifecycleTest {

  private static final String START = "/openvidu/api/recordings/start";

  @RegisterExtension final RecordingCluster cluster = RecordingCluster.withMasters(2);

  private ApiClient first;
  private ApiClient second;
  private Participants participants;

  @BeforeEach
  void connect() {
    first = cluster.api(0);
    second = cluster.api(1);
    participants = cluster.participants();
  }

  @Test
  void stoppedRecordingTurnsReadyWithItsFinalFiguresReadThroughAnotherMaster() {
    String sessionId = participants.sessionWithPublisher();
    first.post(START, "{\"session\":\"" + sessionId + "\"}");
    first.post("/openvidu/api/recordings/stop/" + sessionId, null);

    JsonNode ready = RecordingCluster.awaitStatus(second, sessionId, "ready");

    assertThat(ready.get("size").asLong()).isPositive();
    assertThat(ready.get("duration").asDouble()).isPositive();
    assertThat(ready.get("url").asText())
        .isEqualTo(
            cluster.extension().urlList().get(0)
                + "/openvidu/recordings/"
                + sessionId
                + "/"
                + sessionId
                + ".mp4");
  }

  @Test
  void composedRecordingDownloadsAsTheMp4ItsSizeAnnounces() {
    JsonNode ready =
        recordAndAwaitReady(participants.sessionWithPublisher(), "{\"name\":\"MyRecording\"}");

    HttpResponse<byte[]> download =
        Downloads.get(ready.get("url").asText(), cluster.extension().secret());

    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type")).hasValue("video/mp4");
    assertThat(download.body()).hasSize(ready.get("size").asInt());
    assertThat(new String(download.body(), 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
  }

  @Test
  void composedRecordingHasItsThumbnailNextToTheMp4() {
    String sessionId = participants.sessionWithPublisher();
    recordAndAwaitReady(sessionId, "{}");

    HttpResponse<byte[]> thumbnail =
        Downloads.get(
            cluster.extension().urlList().get(1)
                + "/openvidu/recordings/"
                + sessionId
                + "/"
                + sessionId
                + ".jpg",
            cluster.extension().secret());

    assertThat(thumbnail.statusCode()).isEqualTo(200);
    assertThat(thumbnail.body()).startsWith(0xFF, 0xD8);
  }

  @Test
  void audioOnlyComposedRecordingIsAWebm() {
    JsonNode ready =
        recordAndAwaitReady(participants.sessionWithPublisher(), "{\"hasVideo\":false}");

    HttpResponse<byte[]> download =
        Downloads.get(ready.get("url").asText(), cluster.extension().secret());

    assertThat(ready.get("url").asText()).endsWith(".webm");
    assertThat(download.body())
        .hasSize(ready.get("size").asInt())
        .startsWith(0x1A, 0x45, 0xDF, 0xA3);
  }

  @Test
  void individualRecordingZipHasAWebmPerRecordedStreamAndTheirSynchronisationFile()
      throws IOException {
    String sessionId = participants.session(null);
    String early = participants.join(sessionId, "PUBLISHER");
    String earlyStream = participants.publish(early);
    participants.join(sessionId, "SUBSCRIBER");
    first.post(
        START,
        "{\"session\":\"" + sessionId + "\",\"outputMode\":\"INDIVIDUAL\",\"name\":\"rec\"}");
    String late = participants.join(sessionId, "MODERATOR");
    String lateStream = participants.publish(late);
    participants.leave(early);
    first.post("/openvidu/api/recordings/stop/" + sessionId, null);
    JsonNode ready = RecordingCluster.awaitStatus(second, sessionId, "ready");

    HttpResponse<byte[]> download =
        Downloads.get(ready.get("url").asText(), cluster.extension().secret());
    Map<String, byte[]> entries = RecordingArtifactsTest.unzip(download.body());

    assertThat(ready.get("url").asText()).endsWith("/rec.zip");
    assertThat(entries.keySet())
        .containsExactlyInAnyOrder("rec.json", earlyStream + ".webm", lateStream + ".webm");
    assertThat(ready.get("size").asLong())
        .isEqualTo(
            entries.get(earlyStream + ".webm").length + entries.get(lateStream + ".webm").length);
    JsonNode metadata = new ObjectMapper().readTree(entries.get("rec.json"));
    assertThat(metadata.get("id").asText()).isEqualTo(sessionId);
    assertThat(metadata.get("name").asText()).isEqualTo("rec");
    assertThat(metadata.get("files"))
        .extracting(
            f ->
                f.get("streamId").asText()
                    + "@"
                    + f.get("connectionId").asText()
                    + ":"
                    + f.get("size").asLong())
        .containsExactlyInAnyOrder(
            earlyStream + "@" + early + ":" + entries.get(earlyStream + ".webm").length,
            lateStream + "@" + late + ":" + entries.get(lateStream + ".webm").length);
    assertThat(metadata.get("files"))
        .allSatisfy(
            f -> {
              assertThat(f.get("startTimeOffset").asLong()).isNotNegative();
              assertThat(f.get("endTimeOffset").asLong())
                  .isGreaterThanOrEqualTo(f.get("startTimeOffset").asLong());
              assertThat(f.get("typeOfVideo").asText()).isEqualTo("CAMERA");
            });
  }

  @Test
  void streamThatLeftEndsBeforeTheStopInTheSynchronisationFile() throws IOException {
    String sessionId = participants.session(null);
    String leaving = participants.join(sessionId, "PUBLISHER");
    participants.publish(leaving);
    participants.publish(participants.join(sessionId, "PUBLISHER"));
    first.post(START, "{\"session\":\"" + sessionId + "\",\"outputMode\":\"INDIVIDUAL\"}");
    participants.leave(leaving);
    long leftAt = System.currentTimeMillis();
    await()
        .atMost(Duration.ofSeconds(1))
        .until(() -> System.currentTimeMillis() > leftAt + 5); // the stop comes later
    first.post("/openvidu/api/recordings/stop/" + sessionId, null);
    JsonNode ready = RecordingCluster.awaitStatus(first, sessionId, "ready");

    JsonNode metadata =
        new ObjectMapper()
            .readTree(
                RecordingArtifactsTest.unzip(
                        Downloads.get(ready.get("url").asText(), cluster.extension().secret())
                            .body())
                    .get(sessionId + ".json"));

    JsonNode left = findFile(metadata, leaving);
    JsonNode stayed = metadata.get("files").get(left == metadata.get("files").get(0) ? 1 : 0);
    assertThat(left.get("endTimeOffset").asLong()).isLessThan(stayed.get("endTimeOffset").asLong());
  }

  @Test
  void connectionRecordedAgainAfterPatchGetsASecondFileForItsStream() throws IOException {
    String sessionId = participants.session(null);
    String connectionId = participants.join(sessionId, "PUBLISHER");
    String streamId = participants.publish(connectionId);
    first.post(START, "{\"session\":\"" + sessionId + "\",\"outputMode\":\"INDIVIDUAL\"}");
    String connection = "/openvidu/api/sessions/" + sessionId + "/connection/" + connectionId;

    second.patch(connection, "{\"record\":false}");
    second.patch(connection, "{\"record\":true}");
    first.post("/openvidu/api/recordings/stop/" + sessionId, null);

    JsonNode ready = RecordingCluster.awaitStatus(second, sessionId, "ready");
    Map<String, byte[]> entries =
        RecordingArtifactsTest.unzip(
            Downloads.get(ready.get("url").asText(), cluster.extension().secret()).body());
    assertThat(entries.keySet())
        .containsExactlyInAnyOrder(sessionId + ".json", streamId + ".webm", streamId + "-1.webm");
  }

  @Test
  void downloadWithoutCredentialsIs401() {
    JsonNode ready = recordAndAwaitReady(participants.sessionWithPublisher(), "{}");

    assertThat(Downloads.get(ready.get("url").asText(), null).statusCode()).isEqualTo(401);
  }

  @Test
  void downloadNeedsNoCredentialsWithPublicAccess() {
    JsonNode ready = recordAndAwaitReady(participants.sessionWithPublisher(), "{}");
    cluster.configure("OPENVIDU_RECORDING_PUBLIC_ACCESS", true);

    assertThat(Downloads.get(ready.get("url").asText(), null).statusCode()).isEqualTo(200);
  }

  @Test
  void fileOutsideTheRecordingsIsNotServed() {
    String sessionId = participants.sessionWithPublisher();
    recordAndAwaitReady(sessionId, "{}");

    HttpResponse<byte[]> escape =
        Downloads.get(
            cluster.extension().urlList().get(0)
                + "/openvidu/recordings/"
                + sessionId
                + "/..%2F..%2Fetc%2Fpasswd",
            cluster.extension().secret());

    assertThat(escape.statusCode()).isEqualTo(404);
  }

  @Test
  void deletedRecordingHasNoFilesLeft() {
    String sessionId = participants.sessionWithPublisher();
    JsonNode ready = recordAndAwaitReady(sessionId, "{}");

    second.delete("/openvidu/api/recordings/" + sessionId);

    assertThat(Downloads.get(ready.get("url").asText(), cluster.extension().secret()).statusCode())
        .isEqualTo(404);
    assertThat(cluster.cluster().settings().recordingsDir().resolve(sessionId)).doesNotExist();
  }

  @Test
  void metadataFileOnDiskFollowsTheRecording() throws IOException {
    String sessionId = participants.sessionWithPublisher();
    first.post(START, "{\"session\":\"" + sessionId + "\"}");
    Path metadata =
        cluster
            .cluster()
            .settings()
            .recordingsDir()
            .resolve(sessionId)
            .resolve(".recording." + sessionId);

    assertThat(readStatus(metadata)).isEqualTo("started");
    first.post("/openvidu/api/recordings/stop/" + sessionId, null);

    // The store turns ready first; the process that made it so writes the files just after.
    await().atMost(Duration.ofSeconds(5)).until(() -> readStatus(metadata).equals("ready"));
    JsonNode ready = new ObjectMapper().readTree(Files.readString(metadata));
    assertThat(ready.get("uniqueSessionId").asText()).startsWith(sessionId + "_");
    assertThat(ready.get("size").asLong())
        .isEqualTo(first.get("/openvidu/api/recordings/" + sessionId).json().get("size").asLong());
  }

  @Test
  void metadataFileSaysStoppedAsSoonAsTheSessionOfTheRecordingCloses() {
    RecordingSettings longProcessing =
        RecordingCluster.FAST.withProcessingTime(Duration.ofMinutes(5));
    try (OpenViduCluster slow =
        OpenViduCluster.builder().recordingSettings(longProcessing).start()) {
      ApiClient api = ApiClient.of(slow.urlList().get(0), slow.secret());
      try (Participants inSlow = new Participants(api, URI.create(slow.urlList().get(0)))) {
        String sessionId = inSlow.sessionWithPublisher();
        api.post(START, "{\"session\":\"" + sessionId + "\"}");
        Path metadata =
            slow.settings().recordingsDir().resolve(sessionId).resolve(".recording." + sessionId);

        api.delete("/openvidu/api/sessions/" + sessionId);

        await().atMost(Duration.ofSeconds(5)).until(() -> readStatus(metadata).equals("stopped"));
      }
    }
  }

  @Test
  void recordingOfAClosedSessionStopsAndBecomesReady() {
    String sessionId = participants.sessionWithPublisher();
    first.post(START, "{\"session\":\"" + sessionId + "\"}");

    second.delete("/openvidu/api/sessions/" + sessionId);

    assertThat(RecordingCluster.awaitStatus(first, sessionId, "ready").get("size").asLong())
        .isPositive();
  }

  @Test
  void recordingStartedIsAddressedToConnectedPublishersAndModeratorsOnly() {
    String sessionId = participants.session(null);
    String publisher = participants.join(sessionId, "PUBLISHER");
    String moderator = participants.join(sessionId, "MODERATOR");
    participants.join(sessionId, "SUBSCRIBER");
    List<ClusterEvent> events = new CopyOnWriteArrayList<>();
    try (Subscription ignored =
        cluster.cluster().store().subscribe(EventOperations.BROADCAST, events::add)) {

      first.post(START, "{\"session\":\"" + sessionId + "\",\"name\":\"n\"}");

      await()
          .atMost(Duration.ofSeconds(5))
          .until(
              () -> events.stream().anyMatch(e -> e.type().equals(ClusterEvent.RECORDING_STARTED)));
    }
    ClusterEvent started =
        events.stream()
            .filter(e -> e.type().equals(ClusterEvent.RECORDING_STARTED))
            .findFirst()
            .orElseThrow();
    assertThat(started.sessionId()).isEqualTo(sessionId);
    assertThat(started.connectionIds()).containsExactlyInAnyOrder(publisher, moderator);
    assertThat(started.data().toString())
        .isEqualTo("{\"id\":\"" + sessionId + "\",\"name\":\"n\"}");
  }

  @Test
  void recordingStoppedTellsTheParticipantsTheReason() {
    String sessionId = participants.sessionWithPublisher();
    first.post(START, "{\"session\":\"" + sessionId + "\"}");
    List<ClusterEvent> events = new CopyOnWriteArrayList<>();
    try (Subscription ignored =
        cluster.cluster().store().subscribe(EventOperations.BROADCAST, events::add)) {

      second.post("/openvidu/api/recordings/stop/" + sessionId, null);

      await()
          .atMost(Duration.ofSeconds(5))
          .until(
              () -> events.stream().anyMatch(e -> e.type().equals(ClusterEvent.RECORDING_STOPPED)));
    }
    ClusterEvent stopped =
        events.stream()
            .filter(e -> e.type().equals(ClusterEvent.RECORDING_STOPPED))
            .findFirst()
            .orElseThrow();
    assertThat(stopped.data().get("reason").asText()).isEqualTo("recordingStoppedByServer");
  }

  private JsonNode recordAndAwaitReady(String sessionId, String properties) {
    String body =
        "{\"session\":\""
            + sessionId
            + "\""
            + (properties.equals("{}") ? "}" : "," + properties.substring(1));
    String id = first.post(START, body).json().get("id").asText();
    first.post("/openvidu/api/recordings/stop/" + id, null);
    return RecordingCluster.awaitStatus(first, id, "ready");
  }

  private static JsonNode findFile(JsonNode metadata, String connectionId) {
    for (JsonNode file : metadata.get("files")) {
      if (file.get("connectionId").asText().equals(connectionId)) {
        return file;
      }
    }
    throw new AssertionError("no file of " + connectionId + " in " + metadata);
  }

  private static String readStatus(Path metadata) throws IOException {
    return new ObjectMapper().readTree(Files.readString(metadata)).get("status").asText();
  }
}
