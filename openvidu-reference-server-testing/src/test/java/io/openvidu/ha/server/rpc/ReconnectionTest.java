package io.openvidu.ha.server.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.openvidu.ha.server.testing.RpcCallException;
import io.openvidu.ha.server.testing.SimulatedParticipant;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Lost sockets and dead masters (signaling.md §3.3, §6.6): the grace period, reconnection and
 * eviction.
 */
class ReconnectionTest {

  @RegisterExtension final SignalingCluster cluster = SignalingCluster.withMasters(3);

  @Test
  void aParticipantThatLostItsSocketReconnectsThroughAnotherMasterKeepingItsConnection() {
    String sessionId = cluster.createSession();
    SimulatedParticipant alice = cluster.joinSession(sessionId, 0);
    SimulatedParticipant bob = cluster.joinSession(sessionId, 1);
    String connectionId = bob.connectionId();

    bob.dropConnection();
    bob.reconnect(cluster.master(2));

    assertThat(bob.connectionId()).isEqualTo(connectionId);
    alice.signal("chat", "after reconnection", connectionId);
    bob.awaitNotification("sendMessage", Map.of("data", "after reconnection"));
    assertThat(cluster.connection(sessionId, connectionId).orElseThrow().masterId())
        .isEqualTo(cluster.masterId(2));
  }

  @Test
  void aParticipantReconnectingThroughItsOwnMasterIsServedThere() {
    String sessionId = cluster.createSession();
    SimulatedParticipant alice = cluster.joinSession(sessionId, 0);
    SimulatedParticipant bob = cluster.joinSession(sessionId, 1);

    bob.dropConnection();
    bob.reconnect(cluster.master(1));

    alice.signal("chat", "same master", bob.connectionId());
    bob.awaitNotification("sendMessage", Map.of("data", "same master"));
    assertThat(
            cluster
                .store()
                .atomically(
                    tx ->
                        tx.leases()
                            .find(ParticipantTransitions.PARTICIPANT_LEASE + bob.connectionId()))
                .orElseThrow()
                .expiresAt())
        .isEqualTo(ParticipantLeases.WHILE_CONNECTED);
  }

  @Test
  void aParticipantThatDoesNotComeBackIsEvictedForNetworkDisconnect() {
    String sessionId = cluster.createSession();
    SimulatedParticipant alice = cluster.joinSession(sessionId, 0);
    SimulatedParticipant bob = cluster.joinSession(sessionId, 1);

    bob.dropConnection();

    alice.awaitNotification(
        "participantLeft",
        Map.of("connectionId", bob.connectionId(), "reason", "networkDisconnect"));
    alice.awaitNotification("participantEvicted", Map.of("connectionId", bob.connectionId()));
    assertThat(cluster.connection(sessionId, bob.connectionId())).isEmpty();
  }

  @Test
  void aSocketClosedCleanlyWithoutLeavingIsEvictedAfterTheGracePeriodToo() {
    String sessionId = cluster.createSession();
    SimulatedParticipant alice = cluster.joinSession(sessionId, 0);
    SimulatedParticipant bob = cluster.joinSession(sessionId, 1);

    bob.closeSocket();

    alice.awaitNotification(
        "participantLeft",
        Map.of("connectionId", bob.connectionId(), "reason", "networkDisconnect"));
  }

  @Test
  void reconnectingAfterTheGracePeriodFailsWithCode40007() {
    String sessionId = cluster.createSession();
    SimulatedParticipant alice = cluster.joinSession(sessionId, 0);
    SimulatedParticipant bob = cluster.joinSession(sessionId, 1);
    bob.dropConnection();
    alice.awaitNotification("participantEvicted", Map.of("connectionId", bob.connectionId()));

    assertThatThrownBy(() -> bob.reconnect(cluster.master(0)))
        .isInstanceOfSatisfying(RpcCallException.class, e -> assertThat(e.code()).isEqualTo(40007));
  }

  @Test
  void reconnectingWithAnUnknownRpcSessionFailsWithCode40007() {
    String sessionId = cluster.createSession();
    SimulatedParticipant stranger =
        cluster.track(
            cluster
                .participant(
                    cluster.createToken(
                        sessionId, io.openvidu.ha.server.store.OpenViduRole.PUBLISHER),
                    0)
                .open());
    var params =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
            .objectNode()
            .put("sessionId", "u2rfj4al1nj3k2c2r1t9kj6bq1");

    assertThatThrownBy(() -> stranger.call("connect", params))
        .isInstanceOfSatisfying(RpcCallException.class, e -> assertThat(e.code()).isEqualTo(40007));
  }

  @Test
  void participantsOfAStoppedMasterReconnectThroughOthersAndTheOnesThatDoNotAreEvicted() {
    String sessionId = cluster.createSession();
    SimulatedParticipant alice = cluster.joinSession(sessionId, 0);
    SimulatedParticipant bob = cluster.joinSession(sessionId, 1);
    SimulatedParticipant carol = cluster.joinSession(sessionId, 1);
    String streamId = bob.publish();

    cluster.stopMaster(1);
    bob.awaitDisconnected();
    bob.reconnect(cluster.master(2));

    bob.signal("chat", "back", alice.connectionId());
    alice.awaitNotification("sendMessage", Map.of("from", bob.connectionId()));
    assertThat(cluster.connection(sessionId, bob.connectionId()).orElseThrow().publishers())
        .extracting(p -> p.streamId())
        .containsExactly(streamId);
    alice.awaitNotification(
        "participantLeft",
        Map.of("connectionId", carol.connectionId(), "reason", "networkDisconnect"));
    assertThat(alice.notifications("participantLeft"))
        .extracting(n -> n.param("connectionId"))
        .containsExactly(carol.connectionId());
  }

  @Test
  void participantsOfAKilledMasterReconnectThroughOthersAndTheOnesThatDoNotAreEvictedBySurvivors() {
    String sessionId = cluster.createSession();
    SimulatedParticipant alice = cluster.joinSession(sessionId, 0);
    SimulatedParticipant bob = cluster.joinSession(sessionId, 1);
    SimulatedParticipant carol = cluster.joinSession(sessionId, 1);

    cluster.killMaster(1);
    bob.awaitDisconnected();
    carol.awaitDisconnected();
    bob.reconnect(cluster.master(2));

    alice.awaitNotification(
        "participantLeft",
        Map.of("connectionId", carol.connectionId(), "reason", "networkDisconnect"));
    assertThat(cluster.connection(sessionId, carol.connectionId())).isEmpty();
    assertThat(cluster.connection(sessionId, bob.connectionId())).isPresent();
    bob.signal("chat", "still here", alice.connectionId());
    alice.awaitNotification("sendMessage", Map.of("data", "still here"));
  }

  @Test
  void aParticipantOfAKilledMasterMayReconnectUntilTheGracePeriodAfterItsDeathIsNoticed() {
    String sessionId = cluster.createSession();
    SimulatedParticipant alice = cluster.joinSession(sessionId, 0);
    SimulatedParticipant bob = cluster.joinSession(sessionId, 1);
    cluster.killMaster(1);
    bob.awaitDisconnected();

    // The dead master's lease (500 ms) lapses and a survivor starts bob's grace period (1 s); bob
    // is still welcome.
    await()
        .atMost(Duration.ofSeconds(2))
        .until(
            () ->
                cluster
                    .store()
                    .atomically(
                        tx ->
                            tx.leases()
                                .find(
                                    ParticipantTransitions.PARTICIPANT_LEASE + bob.connectionId()))
                    .map(l -> l.expiresAt() != ParticipantLeases.WHILE_CONNECTED)
                    .orElse(false));
    bob.reconnect(cluster.master(0));

    assertThat(cluster.connection(sessionId, bob.connectionId())).isPresent();
    assertThat(alice.notifications("participantLeft")).isEmpty();
  }

  @Test
  void aSocketThatStopsPingingIsClosedAndItsParticipantEvicted() {
    String sessionId = cluster.createSession();
    SimulatedParticipant alice = cluster.joinSession(sessionId, 0);
    SimulatedParticipant silent =
        cluster.track(
            cluster
                .participant(
                    cluster.createToken(
                        sessionId, io.openvidu.ha.server.store.OpenViduRole.PUBLISHER),
                    1)
                .pingInterval(Duration.ofMillis(100))
                .join());

    silent.stopPinging();

    assertThat(silent.awaitDisconnected()).isEqualTo(1000);
    alice.awaitNotification(
        "participantLeft",
        Map.of("connectionId", silent.connectionId(), "reason", "networkDisconnect"));
  }
}
