package io.openvidu.ha.server.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.openvidu.ha.server.store.ClusterEvent;
import io.openvidu.ha.server.store.OpenViduRole;
import io.openvidu.ha.server.testing.RpcCallException;
import io.openvidu.ha.server.testing.SimulatedParticipant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every socket gets whatever it does: pings, answers to unknown calls, events published by
 * other features.
 */
class ProtocolTest {

  @RegisterExtension final SignalingCluster cluster = SignalingCluster.withMasters(2);

  @Test
  void pingsAreAnsweredBeforeJoiningWithoutRpcSession() {
    String sessionId = cluster.createSession();
    SimulatedParticipant unjoined =
        cluster.track(
            cluster.participant(cluster.createToken(sessionId, OpenViduRole.PUBLISHER), 0).open());

    JsonNode pong =
        unjoined.call("ping", JsonNodeFactory.instance.objectNode().put("interval", 5000));

    assertThat(pong.toString()).isEqualTo("{\"value\":\"pong\"}");
  }

  @Test
  void anUnknownMethodIsAnsweredWithMethodNotFound() {
    String sessionId = cluster.createSession();
    SimulatedParticipant alice = cluster.joinSession(sessionId, 0);

    assertThatThrownBy(() -> alice.call("noSuchMethod", JsonNodeFactory.instance.objectNode()))
        .isInstanceOfSatisfying(
            RpcCallException.class, e -> assertThat(e.code()).isEqualTo(-32601));
  }

  @Test
  void filtersAreRefusedForWantOfAMediaServer() {
    String sessionId = cluster.createSession();
    SimulatedParticipant alice = cluster.joinSession(sessionId, 0);

    assertThatThrownBy(() -> alice.call("applyFilter", JsonNodeFactory.instance.objectNode()))
        .isInstanceOfSatisfying(RpcCallException.class, e -> assertThat(e.code()).isEqualTo(406));
  }

  @Test
  void recordingEventsOfTheRecordingModuleReachTheirAddressees() {
    String sessionId = cluster.createSession();
    SimulatedParticipant alice = cluster.joinSession(sessionId, 0);
    SimulatedParticipant bob = cluster.joinSession(sessionId, 1);

    cluster
        .store()
        .atomically(
            tx -> {
              tx.events()
                  .publish(
                      new ClusterEvent(
                          "recordingStarted",
                          sessionId,
                          List.of(bob.connectionId()),
                          JsonNodeFactory.instance
                              .objectNode()
                              .put("id", sessionId)
                              .put("name", "take1"),
                          null));
              tx.events()
                  .publish(
                      new ClusterEvent(
                          "recordingStopped",
                          sessionId,
                          List.of(alice.connectionId(), bob.connectionId()),
                          JsonNodeFactory.instance
                              .objectNode()
                              .put("id", sessionId)
                              .put("name", "take1")
                              .put("reason", "recordingStoppedByServer"),
                          null));
              return null;
            });

    bob.awaitNotification("recordingStarted", Map.of("id", sessionId, "name", "take1"));
    alice.awaitNotification(
        "recordingStopped", Map.of("id", sessionId, "reason", "recordingStoppedByServer"));
    assertThat(alice.notifications("recordingStarted")).isEmpty();
  }
}
