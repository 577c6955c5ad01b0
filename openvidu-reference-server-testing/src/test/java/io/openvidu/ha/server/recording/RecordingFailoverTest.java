package io.openvidu.ha.server.recording;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvidu.ha.server.api.ApiClient;
import io.openvidu.ha.server.cluster.OpenViduCluster;
import io.openvidu.ha.server.testing.RedisServerExtension;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording belongs to the cluster, not to a master or a process: it survives the death of the
 * master and of the process that started or stopped it. A crashed media node's recordings fail.
 */
class RecordingFailoverTest {

  private static final String START = "/openvidu/api/recordings/start";
  private static final URI PUBLIC_URL = URI.create("https://my.openvidu.ip");

  @RegisterExtension final RecordingCluster cluster = RecordingCluster.withMasters(2);

  @RegisterExtension static final RedisServerExtension redis = new RedisServerExtension();

  @TempDir Path sharedRecordings;

  private OpenViduCluster processA;
  private OpenViduCluster processB;

  private Participants participantsOfA;

  @AfterEach
  void stopProcesses() {
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
  void recordingGoesOnWhenTheMasterThatStartedItStops() {
    ApiClient first = cluster.api(0);
    ApiClient second = cluster.api(1);
    String sessionId = cluster.participants().sessionWithPublisher();
    first.post(START, "{\"session\":\"" + sessionId + "\"}");

    cluster.extension().master(0).stop();

    assertThat(second.get("/openvidu/api/recordings/" + sessionId).json().get("status").asText())
        .isEqualTo("started");
    assertThat(second.post("/openvidu/api/recordings/stop/" + sessionId, null).status())
        .isEqualTo(200);
    assertThat(RecordingCluster.awaitStatus(second, sessionId, "ready").get("size").asLong())
        .isPositive();
  }

  @Test
  void recordingStoppedJustBeforeItsProcessDiedIsFinishedByAnotherProcess() {
    // Processing takes long enough for process A to be gone before it is due.
    RecordingSettings slowProcessing =
        RecordingCluster.FAST.withProcessingTime(Duration.ofMillis(1_500));
    processA = process(slowProcessing);
    processB = process(slowProcessing);
    ApiClient viaA = ApiClient.of(processA.urlList().get(0), processA.secret());
    ApiClient viaB = ApiClient.of(processB.urlList().get(0), processB.secret());
    String sessionId = participants(viaA, processA).sessionWithPublisher();
    viaA.post(START, "{\"session\":\"" + sessionId + "\"}");
    viaA.post("/openvidu/api/recordings/stop/" + sessionId, null);

    processA.close();
    processA = null;

    JsonNode ready = RecordingCluster.awaitStatus(viaB, sessionId, "ready");
    String path = ready.get("url").asText().substring(PUBLIC_URL.toString().length());
    HttpResponse<byte[]> download =
        Downloads.get(processB.urlList().get(0) + path, processB.secret());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).hasSize(ready.get("size").asInt());
  }

  @Test
  void recordingStartedThroughADeadProcessIsStoppedThroughAnother() {
    processA = process(RecordingCluster.FAST);
    processB = process(RecordingCluster.FAST);
    ApiClient viaA = ApiClient.of(processA.urlList().get(0), processA.secret());
    ApiClient viaB = ApiClient.of(processB.urlList().get(0), processB.secret());
    String sessionId = participants(viaA, processA).sessionWithPublisher();
    viaA.post(START, "{\"session\":\"" + sessionId + "\"}");

    processA.close();
    processA = null;

    assertThat(viaB.post("/openvidu/api/recordings/stop/" + sessionId, null).status())
        .isEqualTo(200);
    assertThat(RecordingCluster.awaitStatus(viaB, sessionId, "ready").get("duration").asDouble())
        .isPositive();
  }

  @Test
  void crashedMediaNodeFailsItsRecordingAndClosesItsSession() {
    ApiClient api = cluster.api(0);
    String sessionId = cluster.participants().sessionWithPublisher();
    api.post(START, "{\"session\":\"" + sessionId + "\"}");

    cluster.extension().mediaNode(0).crash();

    JsonNode failed = RecordingCluster.awaitStatus(api, sessionId, "failed");
    assertThat(failed.get("url").isNull()).isFalse();
    assertThat(failed.get("size").asLong()).isZero();
    assertThat(api.get("/openvidu/api/sessions/" + sessionId).status()).isEqualTo(404);
  }

  @Test
  void recordingWhoseMediaNodeVanishedFails() {
    ApiClient api = cluster.api(0);
    String sessionId = cluster.participants().sessionWithPublisher();
    api.post(START, "{\"session\":\"" + sessionId + "\"}");
    String nodeId =
        api.get("/openvidu/api/recordings/" + sessionId).json().get("mediaNode").asText();

    // The node's document disappears without its sessions being closed (its process died
    // mid-crash).
    cluster.cluster().store().atomically(tx -> tx.mediaNodes().remove(nodeId));

    RecordingCluster.awaitStatus(api, sessionId, "failed");
  }

  /** Participants joining through process A's master; their sockets die with it. */
  private Participants participants(ApiClient viaA, OpenViduCluster a) {
    participantsOfA = new Participants(viaA, URI.create(a.urlList().get(0)));
    return participantsOfA;
  }

  /** A node process of a cluster over the shared Redis, with the shared recordings directory. */
  private OpenViduCluster process(RecordingSettings settings) {
    return OpenViduCluster.builder()
        .store(redis.uri())
        .recordingsDir(sharedRecordings)
        .publicUrl(PUBLIC_URL)
        .recordingSettings(settings)
        .start();
  }
}
