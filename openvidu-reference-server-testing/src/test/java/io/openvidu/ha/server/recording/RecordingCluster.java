package io.openvidu.ha.server.recording;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvidu.ha.server.api.ApiClient;
import io.openvidu.ha.server.cluster.OpenViduCluster;
import io.openvidu.ha.server.config.RuntimeConfig;
import io.openvidu.ha.server.testing.OpenViduClusterExtension;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh cluster for each test with recording timings in tens of milliseconds, and what recording
 * tests drive it with: REST clients per master, participants, configuration changes, waiting for a
 * recording's status. Register it in an instance field.
 */
final class RecordingCluster implements BeforeEachCallback, AfterEachCallback {

  /** Processing and sweeps in tens of milliseconds; a stuck start fails after 2 s. */
  static final RecordingSettings FAST =
      new RecordingSettings(Duration.ofMillis(100), Duration.ofMillis(25), Duration.ofSeconds(2));

  private final OpenViduClusterExtension cluster;
  private Participants participants;

  private RecordingCluster(int masters) {
    this.cluster =
        OpenViduClusterExtension.builder()
            .masters(masters)
            .configure(b -> b.recordingSettings(FAST))
            .build();
  }

  static RecordingCluster withMasters(int masters) {
    return new RecordingCluster(masters);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    cluster.beforeEach(context);
    participants = new Participants(api(0), URI.create(cluster.urlList().get(0)));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    try {
      participants.close();
    } finally {
      cluster.afterEach(context);
    }
  }

  /** The running cluster. */
  OpenViduCluster cluster() {
    return cluster.cluster();
  }

  /** Controls over the extension (masters, media nodes). */
  OpenViduClusterExtension extension() {
    return cluster;
  }

  /** A client of master {@code index} with the cluster's credentials. */
  ApiClient api(int index) {
    return ApiClient.of(cluster.urlList().get(index), cluster.secret());
  }

  /**
   * The test's participants: sessions and connections made through master 0, sockets opened on
   * master 0.
   */
  Participants participants() {
    return participants;
  }

  /** Changes the cluster's configuration as {@code POST /openvidu/api/restart} would. */
  void configure(String property, boolean value) {
    apply(JsonNodeFactory.instance.objectNode().put(property, value));
  }

  /** Changes the cluster's configuration as {@code POST /openvidu/api/restart} would. */
  void configure(String property, double value) {
    apply(JsonNodeFactory.instance.objectNode().put(property, value));
  }

  /** Waits (5 s at most) until the recording exists with that status; returns it. */
  static JsonNode awaitStatus(ApiClient api, String recordingId, String status) {
    return await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> api.get("/openvidu/api/recordings/" + recordingId),
            reply -> reply.status() == 200 && reply.json().get("status").asText().equals(status))
        .json();
  }

  private void apply(ObjectNode changes) {
    cluster()
        .store()
        .atomically(
            tx -> {
              RuntimeConfig.apply(tx, changes);
              return null;
            });
  }
}
