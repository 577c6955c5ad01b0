package io.openvidu.ha.server.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.openvidu.ha.server.store.OpenViduRole;
import io.openvidu.ha.server.testing.RedisServerExtension;
import io.openvidu.ha.server.testing.SimulatedParticipant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Joins of one session do not read each other (each commits its own connection only), so what a
 * participant hears of the others rests on its answer's snapshot and the session's events after it:
 * tested with participants joining at once through two node processes sharing a Redis.
 */
class ParticipantsJoiningAtOnceTest {

  private static final int PARTICIPANTS = 12;

  @RegisterExtension
  @Order(1)
  final RedisServerExtension redis = new RedisServerExtension();

  @RegisterExtension
  @Order(2)
  final SignalingCluster cluster =
      SignalingCluster.withMasters(1)
          .processesOverRedis(2, redis::uri)
          // A participant that left keeps its socket for the test's length unless it closes it.
          .settings(settings -> settings.socketCloseDelay(Duration.ofMinutes(1)));

  @Test
  void participantsJoiningAtOnceSeeEachOtherExactlyOnceAndNothingBeforeTheirAnswer()
      throws Exception {
    String sessionId = cluster.createSession();
    List<SimulatedParticipant> participants = joinAtOnce(sessionId);
    // Every master delivers in commit order: once each participant has the signal sent after the
    // last join, it has heard of every join it will ever hear of.
    participants.get(0).signal("sync", "everybody joined");
    for (SimulatedParticipant participant : participants) {
      participant.awaitNotification("sendMessage", Map.of("data", "everybody joined"));
    }

    for (SimulatedParticipant participant : participants) {
      List<String> seen = new ArrayList<>(listedInAnswer(participant));
      participant
          .notifications("participantJoined")
          .forEach(joined -> seen.add(joined.param("id")));
      List<String> others =
          participants.stream()
              .map(SimulatedParticipant::connectionId)
              .filter(id -> !id.equals(participant.connectionId()))
              .toList();
      assertThat(seen)
          .as("the others as %s saw them", participant.connectionId())
          .containsExactlyInAnyOrderElementsOf(others);
      assertThat(participant.notificationsBeforeJoinAnswer()).isEmpty();
    }
  }

  @Test
  void aParticipantWhoLeftHearsNothingMoreOfItsSession() {
    String sessionId = cluster.createSession();
    SimulatedParticipant alice = cluster.joinSession(sessionId, 0);
    SimulatedParticipant bob = cluster.joinSession(sessionId, 0);
    SimulatedParticipant carol = cluster.joinSession(sessionId, 1);
    // leaveRoom without closing the socket: the server keeps it open for a while.
    alice.call("leaveRoom", JsonNodeFactory.instance.objectNode());
    int heard = alice.notifications().size();

    carol.publish();
    SimulatedParticipant dave = cluster.joinSession(sessionId, 1);
    bob.awaitNotification("participantJoined", Map.of("id", dave.connectionId()));

    assertThat(bob.notifications("participantPublished")).hasSize(1);
    assertThat(alice.isConnected()).isTrue();
    assertThat(alice.notifications()).hasSize(heard);
  }

  /** Opens every participant's socket first, then has them all send joinRoom at once. */
  private List<SimulatedParticipant> joinAtOnce(String sessionId) throws Exception {
    List<SimulatedParticipant> opened = new ArrayList<>();
    for (int i = 0; i < PARTICIPANTS; i++) {
      String token = cluster.createToken(sessionId, OpenViduRole.PUBLISHER);
      opened.add(cluster.track(cluster.participant(token, i % 2).open()));
    }
    ExecutorService pool = Executors.newFixedThreadPool(PARTICIPANTS);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<JsonNode>> answers = new ArrayList<>();
      for (SimulatedParticipant participant : opened) {
        answers.add(
            pool.submit(
                () -> {
                  go.await();
                  return participant.joinRoom();
                }));
      }
      go.countDown();
      for (Future<JsonNode> answer : answers) {
        answer.get();
      }
      return opened;
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<String> listedInAnswer(SimulatedParticipant participant) {
    return StreamSupport.stream(participant.joinResult().path("value").spliterator(), false)
        .map(other -> other.path("id").asText())
        .toList();
  }
}
