package io.openvidu.ha.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvidu.ha.server.store.WebhookOutbox;
import io.openvidu.ha.server.testing.SimulatedParticipant;
import io.openvidu.java.client.webhook.EndReason;
import io.openvidu.java.client.webhook.MediaNodeStatus;
import io.openvidu.java.client.webhook.MediaNodeStatusChangedEvent;
import io.openvidu.java.client.webhook.NodeCrashedEvent;
import io.openvidu.java.client.webhook.NodeRole;
import io.openvidu.java.client.webhook.RecordingStatusChangedEvent;
import io.openvidu.java.client.webhook.WebhookEvent;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code mediaNodeStatusChanged} (§3.10) for every status change of a media node, through the
 * media-node API and a crash, and {@code nodeCrashed} (§3.11) followed by the end events of the
 * node's sessions; received by a real HTTP receiver. The cluster starts with one simulated node,
 * {@code media_simulated-1}, which announces itself {@code launching} then {@code running}.
 */
class WebhookMediaNodeTest {

  private static final String NODE = "media_simulated-1";
  private static final String NODES = "/openvidu/api/media-nodes";

  @RegisterExtension final WebhookCluster cluster = WebhookCluster.withMasters(2);

  @BeforeEach
  void theStartingNodeIsAnnounced() {
    List<WebhookEvent> started = cluster.awaitNodeEventCount(2);
    assertThat(transitions(started)).containsExactly("null>launching", "launching>running");
    MediaNodeStatusChangedEvent running = (MediaNodeStatusChangedEvent) started.get(1);
    assertThat(running.id()).isEqualTo(NODE);
    assertThat(running.environmentId()).contains("simulated-1");
    assertThat(running.ip()).isEqualTo("127.0.0.1");
    assertThat(running.uri()).isEqualTo("ws://127.0.0.1:8888/kurento");
    assertThat(running.clusterId()).isEqualTo(WebhookOutbox.DEFAULT_CLUSTER_ID);
  }

  @Test
  void aNodeAddedThroughTheApiIsLaunchingThenRunning() {
    cluster
        .api(1)
        .post(NODES, "{\"uri\":\"ws://10.0.0.5:8888/kurento\",\"environmentId\":\"extra\"}");

    List<WebhookEvent> events = cluster.awaitNodeEventCount(4).subList(2, 4);

    assertThat(transitions(events)).containsExactly("null>launching", "launching>running");
    assertThat(events).map(e -> ((MediaNodeStatusChangedEvent) e).id()).containsOnly("media_extra");
  }

  @Test
  void aNodeRemovedNowTerminatesAndClosesItsSessionsWithMediaServerDisconnect() {
    String sessionId = cluster.createSession(0);
    cluster.join(sessionId, 1);

    cluster.api(0).delete(NODES + "/" + NODE + "?deletion-strategy=now");

    assertThat(transitions(cluster.awaitNodeEventCount(4).subList(2, 4)))
        .containsExactly("running>terminating", "terminating>terminated");
    List<WebhookEvent> ends = cluster.awaitEventCount(sessionId, 4).subList(2, 4);
    assertThat(ends).map(WebhookEvent::name).containsExactly("participantLeft", "sessionDestroyed");
    assertThat(ends)
        .allSatisfy(e -> assertThat(e.json()).contains("\"reason\":\"mediaServerDisconnect\""));
  }

  @Test
  void aNodeRemovedWhenNoSessionsTerminatesWhenItsLastSessionCloses() {
    String sessionId = cluster.createSession(0);
    SimulatedParticipant alice = cluster.join(sessionId, 1);
    cluster.api(1).delete(NODES + "/" + NODE + "?deletion-strategy=when-no-sessions");
    assertThat(transitions(cluster.awaitNodeEventCount(3).subList(2, 3)))
        .containsExactly("running>waiting-idle-to-terminate");

    alice.leave();

    assertThat(transitions(cluster.awaitNodeEventCount(5).subList(3, 5)))
        .containsExactly("waiting-idle-to-terminate>terminating", "terminating>terminated");
  }

  @Test
  void aNodePatchedToWaitAndBackToRunningAnnouncesBothChanges() {
    String sessionId = cluster.createSession(0);
    cluster.join(sessionId, 1);

    cluster.api(0).patch(NODES + "/" + NODE, "{\"status\":\"waiting-idle-to-terminate\"}");
    cluster.api(1).patch(NODES + "/" + NODE, "{\"status\":\"running\"}");

    assertThat(transitions(cluster.awaitNodeEventCount(4).subList(2, 4)))
        .containsExactly("running>waiting-idle-to-terminate", "waiting-idle-to-terminate>running");
  }

  @Test
  void aCrashPostsNodeCrashedTheEndOfItsSessionsAndRecordingsThenTerminates() {
    String sessionId = cluster.createSession(0);
    SimulatedParticipant alice = cluster.join(sessionId, 1);
    alice.publish();
    cluster
        .api(0)
        .post(
            "/openvidu/api/recordings/start",
            "{\"session\":\"" + sessionId + "\",\"outputMode\":\"INDIVIDUAL\"}");
    cluster.awaitEventCount(sessionId, 4);

    cluster.cluster().mediaNodes().crash(NODE);

    List<WebhookEvent> nodeEvents = cluster.awaitNodeEventCount(5).subList(2, 5);
    NodeCrashedEvent crashed = (NodeCrashedEvent) nodeEvents.get(0);
    assertThat(crashed.id()).isEqualTo(NODE);
    assertThat(crashed.nodeRole()).isEqualTo(NodeRole.MEDIANODE);
    assertThat(crashed.sessionIds()).containsExactly(sessionId);
    assertThat(crashed.recordingIds()).containsExactly(sessionId);
    assertThat(crashed.clusterId()).isEqualTo(WebhookOutbox.DEFAULT_CLUSTER_ID);
    assertThat(transitions(nodeEvents.subList(1, 3)))
        .containsExactly("running>terminating", "terminating>terminated");
    List<WebhookEvent> ends = cluster.awaitEventCount(sessionId, 9).subList(4, 9);
    assertThat(ends)
        .map(WebhookEvent::name)
        .containsExactly(
            "webrtcConnectionDestroyed",
            "participantLeft",
            "recordingStatusChanged",
            "sessionDestroyed",
            "recordingStatusChanged");
    assertThat(ends).allSatisfy(e -> assertThat(e.json()).contains("\"reason\":\"nodeCrashed\""));
    assertThat(((RecordingStatusChangedEvent) ends.get(4)).reason())
        .contains(EndReason.NODE_CRASHED);
  }

  @Test
  void aCrashedNodeFoundAgainByPutIsLaunchingThenRunning() {
    cluster.cluster().mediaNodes().crash(NODE);
    cluster.awaitNodeEventCount(5);

    cluster.api(1).put(NODES, null);

    List<WebhookEvent> events = cluster.awaitNodeEventCount(7);
    assertThat(events.get(2).name()).isEqualTo("nodeCrashed");
    assertThat(((NodeCrashedEvent) events.get(2)).sessionIds()).isEmpty();
    assertThat(transitions(events.subList(3, 7)))
        .containsExactly(
            "running>terminating", "terminating>terminated", "null>launching", "launching>running");
  }

  /** Each {@code mediaNodeStatusChanged} as {@code old>new}. */
  private static List<String> transitions(List<WebhookEvent> events) {
    return events.stream()
        .map(MediaNodeStatusChangedEvent.class::cast)
        .map(e -> e.oldStatus().map(MediaNodeStatus::toString).orElse("null") + ">" + e.newStatus())
        .toList();
  }
}
