package io.openvidu.ha.server.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvidu.ha.server.testing.RpcCallException;
import io.openvidu.ha.server.testing.SimulatedParticipant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SignalsTest {

  @RegisterExtension final SignalingCluster cluster = SignalingCluster.withMasters(3);

  @Test
  void aBroadcastSignalReachesEveryParticipantOnEveryMasterIncludingTheSender() {
    String sessionId = cluster.createSession();
    List<SimulatedParticipant> everyone =
        List.of(
            cluster.joinSession(sessionId, 0),
            cluster.joinSession(sessionId, 1),
            cluster.joinSession(sessionId, 2));
    SimulatedParticipant sender = everyone.get(1);

    sender.signal("chat", "hello");

    for (SimulatedParticipant participant : everyone) {
      SimulatedParticipant.Notification signal =
          participant.awaitNotification("sendMessage", Map.of("from", sender.connectionId()));
      assertThat(signal.param("type")).isEqualTo("signal:chat");
      assertThat(signal.param("data")).isEqualTo("hello");
    }
  }

  @Test
  void aSignalToSomeReachesOnlyThem() {
    String sessionId = cluster.createSession();
    SimulatedParticipant alice = cluster.joinSession(sessionId, 0);
    SimulatedParticipant bob = cluster.joinSession(sessionId, 1);
    SimulatedParticipant carol = cluster.joinSession(sessionId, 2);

    alice.signal("private", "for carol", carol.connectionId());
    alice.signal("marker", "for everyone");

    carol.awaitNotification("sendMessage", Map.of("data", "for carol"));
    bob.awaitNotification("sendMessage", Map.of("data", "for everyone"));
    assertThat(bob.notifications("sendMessage"))
        .extracting(n -> n.param("data"))
        .containsExactly("for everyone");
  }

  @Test
  void aSignalToSomebodyNotInTheSessionFailsWithCode601AndReachesNobody() {
    String sessionId = cluster.createSession();
    SimulatedParticipant alice = cluster.joinSession(sessionId, 0);
    SimulatedParticipant bob = cluster.joinSession(sessionId, 1);

    assertThatThrownBy(() -> alice.signal("chat", "lost", bob.connectionId(), "con_Nobody1234"))
        .isInstanceOfSatisfying(RpcCallException.class, e -> assertThat(e.code()).isEqualTo(601));
    alice.signal("marker", "after");
    bob.awaitNotification("sendMessage", Map.of("data", "after"));
    assertThat(bob.notifications("sendMessage"))
        .extracting(n -> n.param("data"))
        .containsExactly("after");
  }

  @Test
  void aSignalThatIsNotJsonFailsWithCode600() {
    String sessionId = cluster.createSession();
    SimulatedParticipant alice = cluster.joinSession(sessionId, 0);
    var params =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
            .objectNode()
            .put("message", "{oops");

    assertThatThrownBy(() -> alice.call("sendMessage", params))
        .isInstanceOfSatisfying(RpcCallException.class, e -> assertThat(e.code()).isEqualTo(600));
  }

  @Test
  void signalsArriveInTheOrderTheyWereSent() {
    String sessionId = cluster.createSession();
    SimulatedParticipant alice = cluster.joinSession(sessionId, 0);
    SimulatedParticipant bob = cluster.joinSession(sessionId, 1);

    for (int i = 0; i < 20; i++) {
      alice.signal("seq", Integer.toString(i), bob.connectionId());
    }

    bob.awaitNotification("sendMessage", Map.of("data", "19"));
    assertThat(bob.notifications("sendMessage"))
        .extracting(n -> n.param("data"))
        .containsExactly(
            "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15",
            "16", "17", "18", "19");
  }
}
