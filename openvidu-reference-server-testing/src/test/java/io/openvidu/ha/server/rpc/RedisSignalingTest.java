package io.openvidu.ha.server.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvidu.ha.server.testing.RedisServerExtension;
import io.openvidu.ha.server.testing.SimulatedParticipant;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two node processes sharing a real Redis, one master each: events cross processes through Redis
 * publish/subscribe, and a killed process's participants are handed over through leases in Redis.
 */
class RedisSignalingTest {

  @RegisterExtension
  @Order(1)
  final RedisServerExtension redis = new RedisServerExtension();

  @RegisterExtension
  @Order(2)
  final SignalingCluster cluster =
      SignalingCluster.withMasters(1)
          .processesOverRedis(2, redis::uri)
          // The killed process's participant reconnects within the grace: 1 s was too short for
          // a loaded machine to notice the close and reconnect (it was evicted first).
          .settings(settings -> settings.reconnectionGrace(Duration.ofSeconds(3)));

  @Test
  void participantsOfOneSessionInTwoProcessesHearEachOther() {
    String sessionId = cluster.createSession();
    SimulatedParticipant alice = cluster.joinSession(sessionId, 0);
    SimulatedParticipant bob = cluster.joinSession(sessionId, 1);

    alice.awaitNotification("participantJoined", Map.of("id", bob.connectionId()));
    String streamId = bob.publish();
    alice.awaitNotification("participantPublished", Map.of("id", bob.connectionId()));
    alice.subscribe(streamId);
    bob.signal("chat", "across processes", alice.connectionId());

    alice.awaitNotification("sendMessage", Map.of("data", "across processes"));
  }

  @Test
  void theParticipantsOfAKilledProcessReconnectThroughTheOtherOrAreEvictedByIt() {
    String sessionId = cluster.createSession();
    SimulatedParticipant alice = cluster.joinSession(sessionId, 0);
    SimulatedParticipant bob = cluster.joinSession(sessionId, 1);
    SimulatedParticipant carol = cluster.joinSession(sessionId, 1);
    cluster.killMaster(1);
    bob.awaitDisconnected();
    bob.reconnect(cluster.master(0));

    alice.awaitNotification(
        "participantLeft",
        Map.of("connectionId", carol.connectionId(), "reason", "networkDisconnect"));
    assertThat(cluster.connection(sessionId, bob.connectionId()).orElseThrow().masterId())
        .isEqualTo(cluster.masterId(0));
    assertThat(cluster.connection(sessionId, carol.connectionId())).isEmpty();
  }
}
