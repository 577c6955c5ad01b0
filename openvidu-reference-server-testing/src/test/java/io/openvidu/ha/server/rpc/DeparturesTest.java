package io.openvidu.ha.server.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvidu.ha.server.store.OpenViduRole;
import io.openvidu.ha.server.testing.RpcCallException;
import io.openvidu.ha.server.testing.SimulatedParticipant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DeparturesTest {

  @RegisterExtension final SignalingCluster cluster = SignalingCluster.withMasters(3);

  @Test
  void leavingTellsTheOthersAndRemovesTheConnection() {
    String sessionId = cluster.createSession();
    SimulatedParticipant alice = cluster.joinSession(sessionId, 0);
    SimulatedParticipant bob = cluster.joinSession(sessionId, 1);

    bob.leave();

    alice.awaitNotification(
        "participantLeft", Map.of("connectionId", bob.connectionId(), "reason", "disconnect"));
    assertThat(cluster.connection(sessionId, bob.connectionId())).isEmpty();
    assertThat(alice.notifications("participantEvicted")).isEmpty();
  }

  @Test
  void theLastParticipantLeavingClosesTheSession() {
    String sessionId = cluster.createSession();
    SimulatedParticipant alice = cluster.joinSession(sessionId, 0);

    alice.leave();

    assertThat(cluster.session(sessionId)).isEmpty();
  }

  @Test
  void theServerClosesTheSocketOfAParticipantThatLeft() {
    String sessionId = cluster.createSession();
    SimulatedParticipant alice = cluster.joinSession(sessionId, 0);

    alice.call(
        "leaveRoom", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());

    assertThat(alice.awaitDisconnected()).isEqualTo(1000);
  }

  @Test
  void aModeratorEvictsAParticipantHeldByAnotherMaster() {
    String sessionId = cluster.createSession();
    SimulatedParticipant moderator =
        cluster.joinWith(cluster.createToken(sessionId, OpenViduRole.MODERATOR), 0);
    SimulatedParticipant bob = cluster.joinSession(sessionId, 1);
    SimulatedParticipant carol = cluster.joinSession(sessionId, 2);

    moderator.forceDisconnect(bob.connectionId());

    bob.awaitNotification(
        "participantEvicted",
        Map.of("connectionId", bob.connectionId(), "reason", "forceDisconnectByUser"));
    carol.awaitNotification("participantLeft", Map.of("connectionId", bob.connectionId()));
    carol.awaitNotification("participantEvicted", Map.of("connectionId", bob.connectionId()));
    assertThat(cluster.connection(sessionId, bob.connectionId())).isEmpty();
    assertThat(bob.awaitDisconnected()).isEqualTo(1000);
  }

  @Test
  void onlyModeratorsMayEvict() {
    String sessionId = cluster.createSession();
    SimulatedParticipant alice = cluster.joinSession(sessionId, 0);
    SimulatedParticipant bob = cluster.joinSession(sessionId, 1);

    assertThatThrownBy(() -> alice.forceDisconnect(bob.connectionId()))
        .isInstanceOfSatisfying(RpcCallException.class, e -> assertThat(e.code()).isEqualTo(401));
    assertThat(cluster.connection(sessionId, bob.connectionId())).isPresent();
  }

  @Test
  void evictingAnUnknownConnectionFailsWithCode102() {
    String sessionId = cluster.createSession();
    SimulatedParticipant moderator =
        cluster.joinWith(cluster.createToken(sessionId, OpenViduRole.MODERATOR), 0);

    assertThatThrownBy(() -> moderator.forceDisconnect("con_Nobody1234"))
        .isInstanceOfSatisfying(RpcCallException.class, e -> assertThat(e.code()).isEqualTo(102));
  }

  @Test
  void aModeratorUnpublishesAStreamAndEveryoneIncludingTheOwnerHears() {
    String sessionId = cluster.createSession();
    SimulatedParticipant moderator =
        cluster.joinWith(cluster.createToken(sessionId, OpenViduRole.MODERATOR), 0);
    SimulatedParticipant bob = cluster.joinSession(sessionId, 1);
    String streamId = bob.publish();

    moderator.forceUnpublish(streamId);

    for (SimulatedParticipant participant : new SimulatedParticipant[] {moderator, bob}) {
      participant.awaitNotification(
          "participantUnpublished",
          Map.of("connectionId", bob.connectionId(), "reason", "forceUnpublishByUser"));
    }
    assertThat(cluster.connection(sessionId, bob.connectionId()).orElseThrow().publishers())
        .isEmpty();
  }

  @Test
  void aSessionClosedInTheStoreEvictsEveryoneInTurnWithItsReason() {
    String sessionId = cluster.createSession();
    SimulatedParticipant alice = cluster.joinSession(sessionId, 0);
    SimulatedParticipant bob = cluster.joinSession(sessionId, 1);

    cluster
        .store()
        .atomically(
            tx -> tx.sessions().close(sessionId, "nodeCrashed", System.currentTimeMillis()));

    alice.awaitNotification(
        "participantEvicted",
        Map.of("connectionId", alice.connectionId(), "reason", "nodeCrashed"));
    bob.awaitNotification("participantEvicted", Map.of("connectionId", bob.connectionId()));
    assertThat(bob.notifications())
        .extracting(SimulatedParticipant.Notification::method)
        .containsSubsequence("participantLeft", "participantEvicted", "participantEvicted");
    assertThat(alice.notifications("participantLeft")).isEmpty();
    assertThat(alice.awaitDisconnected()).isEqualTo(1000);
    assertThat(bob.awaitDisconnected()).isEqualTo(1000);
  }
}
