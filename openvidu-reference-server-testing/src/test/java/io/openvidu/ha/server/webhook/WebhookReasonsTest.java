package io.openvidu.ha.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvidu.ha.server.testing.SimulatedParticipant;
import io.openvidu.java.client.webhook.EndReason;
import io.openvidu.java.client.webhook.ParticipantLeftEvent;
import io.openvidu.java.client.webhook.WebhookEvent;
import io.openvidu.java.client.webhook.WebrtcConnectionDestroyedEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The end reasons of {@code webhooks.md} §4 that a moderator, the REST API or the network cause,
 * each read back from a real HTTP receiver: the end events carry them, event by event.
 */
class WebhookReasonsTest {

  @RegisterExtension
  final WebhookCluster cluster =
      WebhookCluster.withMasters(2)
          .signaling(
              s ->
                  s.reconnectionGrace(Duration.ofMillis(300))
                      .socketCloseDelay(Duration.ofMillis(200)));

  @Test
  void aModeratorsForceDisconnectEndsTheParticipantWithForceDisconnectByUser() {
    String sessionId = cluster.createSession(0);
    SimulatedParticipant moderator = cluster.join(sessionId, 0, "MODERATOR");
    SimulatedParticipant alice = cluster.join(sessionId, 1);
    String stream = alice.publish();
    cluster.awaitEventCount(sessionId, 4);

    moderator.forceDisconnect(alice.connectionId());

    assertDeparture(
        cluster.awaitEventCount(sessionId, 6).subList(4, 6),
        alice,
        stream,
        "forceDisconnectByUser");
  }

  @Test
  void aRestEvictionEndsTheParticipantWithForceDisconnectByServer() {
    String sessionId = cluster.createSession(0);
    cluster.join(sessionId, 0);
    SimulatedParticipant alice = cluster.join(sessionId, 1);
    String stream = alice.publish();
    cluster.awaitEventCount(sessionId, 4);

    cluster
        .api(1)
        .delete("/openvidu/api/sessions/" + sessionId + "/connection/" + alice.connectionId());

    assertDeparture(
        cluster.awaitEventCount(sessionId, 6).subList(4, 6),
        alice,
        stream,
        "forceDisconnectByServer");
  }

  @Test
  void aModeratorsForceUnpublishEndsTheStreamAndItsSubscribersWithForceUnpublishByUser() {
    String sessionId = cluster.createSession(0);
    SimulatedParticipant moderator = cluster.join(sessionId, 0, "MODERATOR");
    SimulatedParticipant alice = cluster.join(sessionId, 1);
    String stream = alice.publish();
    moderator.subscribe(stream);
    cluster.awaitEventCount(sessionId, 5);

    moderator.forceUnpublish(stream);

    assertStreamEnd(
        cluster.awaitEventCount(sessionId, 7).subList(5, 7),
        moderator,
        alice,
        stream,
        "forceUnpublishByUser");
  }

  @Test
  void aRestUnpublishEndsTheStreamAndItsSubscribersWithForceUnpublishByServer() {
    String sessionId = cluster.createSession(0);
    SimulatedParticipant bob = cluster.join(sessionId, 0);
    SimulatedParticipant alice = cluster.join(sessionId, 1);
    String stream = alice.publish();
    bob.subscribe(stream);
    cluster.awaitEventCount(sessionId, 5);

    cluster.api(0).delete("/openvidu/api/sessions/" + sessionId + "/stream/" + stream);

    assertStreamEnd(
        cluster.awaitEventCount(sessionId, 7).subList(5, 7),
        bob,
        alice,
        stream,
        "forceUnpublishByServer");
  }

  @Test
  void aLostConnectionEndsTheParticipantWithNetworkDisconnectAndTheSessionAsLastParticipantLeft() {
    String sessionId = cluster.createSession(0);
    SimulatedParticipant alice = cluster.join(sessionId, 1);
    String stream = alice.publish();
    cluster.awaitEventCount(sessionId, 3);

    alice.dropConnection();

    List<WebhookEvent> events = cluster.awaitEventCount(sessionId, 6);
    assertDeparture(events.subList(3, 5), alice, stream, "networkDisconnect");
    assertThat(events.get(5).name()).isEqualTo("sessionDestroyed");
    assertThat(events.get(5).json()).contains("\"reason\":\"lastParticipantLeft\"");
  }

  /**
   * The publisher's OUTBOUND connection ended, then the participant left, both for {@code reason}.
   */
  private static void assertDeparture(
      List<WebhookEvent> events, SimulatedParticipant who, String stream, String reason) {
    WebrtcConnectionDestroyedEvent outbound = (WebrtcConnectionDestroyedEvent) events.get(0);
    assertThat(outbound.connectionId()).isEqualTo(who.connectionId());
    assertThat(outbound.streamId()).isEqualTo(stream);
    assertThat(outbound.reason()).contains(EndReason.fromValue(reason));
    ParticipantLeftEvent left = (ParticipantLeftEvent) events.get(1);
    assertThat(left.connectionId()).isEqualTo(who.connectionId());
    assertThat(left.reason()).contains(EndReason.fromValue(reason));
  }

  /** The subscriber's INBOUND connection ended, then the publisher's OUTBOUND one. */
  private static void assertStreamEnd(
      List<WebhookEvent> events,
      SimulatedParticipant subscriber,
      SimulatedParticipant publisher,
      String stream,
      String reason) {
    assertThat(events)
        .map(e -> (WebrtcConnectionDestroyedEvent) e)
        .extracting(e -> e.connectionId() + " " + e.direction() + " " + e.streamId())
        .containsExactly(
            subscriber.connectionId() + " INBOUND " + stream,
            publisher.connectionId() + " OUTBOUND " + stream);
    assertThat(events)
        .map(e -> ((WebrtcConnectionDestroyedEvent) e).reason())
        .containsOnly(java.util.Optional.of(EndReason.fromValue(reason)));
  }
}
