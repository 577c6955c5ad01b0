package io.openvidu.ha.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvidu.ha.server.testing.SimulatedParticipant;
import io.openvidu.ha.server.testing.WebhookReceiverServer;
import io.openvidu.java.client.webhook.EndReason;
import io.openvidu.java.client.webhook.ParticipantJoinedEvent;
import io.openvidu.java.client.webhook.ParticipantLeftEvent;
import io.openvidu.java.client.webhook.SessionCreatedEvent;
import io.openvidu.java.client.webhook.SessionDestroyedEvent;
import io.openvidu.java.client.webhook.SignalSentEvent;
import io.openvidu.java.client.webhook.WebhookEvent;
import io.openvidu.java.client.webhook.WebrtcConnectionCreatedEvent;
import io.openvidu.java.client.webhook.WebrtcConnectionDestroyedEvent;
import io.openvidu.java.client.webhook.WebrtcDirection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The normative sequences of {@code webhooks.md} §5, produced by participants on different masters
 * of a 3-master cluster and received by a real HTTP receiver, event by event.
 */
class WebhookSequencesTest {

  @RegisterExtension final WebhookCluster cluster = WebhookCluster.withMasters(3);

  @Test
  void aSimpleSessionWithOnePublisherThatLeaves() {
    String sessionId = cluster.createSession(1);
    SimulatedParticipant alice = cluster.join(sessionId, 2);
    String streamId = alice.publish();

    alice.leave();

    List<WebhookEvent> events =
        cluster.awaitEvents(
            sessionId,
            List.of(
                "sessionCreated",
                "participantJoined",
                "webrtcConnectionCreated",
                "webrtcConnectionDestroyed",
                "participantLeft",
                "sessionDestroyed"));
    SessionCreatedEvent created = (SessionCreatedEvent) events.get(0);
    assertThat(created.uniqueSessionId()).isEqualTo(sessionId + "_" + created.timestamp());
    ParticipantJoinedEvent joined = (ParticipantJoinedEvent) events.get(1);
    assertThat(joined.connectionId()).isEqualTo(alice.connectionId());
    assertThat(joined.clientData()).contains("client-data");
    assertThat(joined.serverData()).isEqualTo("server-data");
    assertThat(joined.location()).isEqualTo("unknown");
    WebrtcConnectionCreatedEvent published = (WebrtcConnectionCreatedEvent) events.get(2);
    assertThat(published.direction()).isEqualTo(WebrtcDirection.OUTBOUND);
    assertThat(published.streamId()).isEqualTo(streamId);
    WebrtcConnectionDestroyedEvent unpublished = (WebrtcConnectionDestroyedEvent) events.get(3);
    assertThat(unpublished.reason()).contains(EndReason.DISCONNECT);
    assertThat(unpublished.startTime()).isEqualTo(published.timestamp());
    ParticipantLeftEvent left = (ParticipantLeftEvent) events.get(4);
    assertThat(left.reason()).contains(EndReason.DISCONNECT);
    assertThat(left.startTime()).isEqualTo(joined.timestamp());
    SessionDestroyedEvent destroyed = (SessionDestroyedEvent) events.get(5);
    assertThat(destroyed.reason()).contains(EndReason.LAST_PARTICIPANT_LEFT);
    assertThat(destroyed.startTime()).isEqualTo(created.timestamp());
    assertThat(events).extracting(WebhookEvent::timestamp).isSorted();
  }

  @Test
  void twoParticipantsOnDifferentMastersSubscribedToEachOtherAndOneLeaves() {
    String sessionId = cluster.createSession(0);
    SimulatedParticipant alice = cluster.join(sessionId, 1);
    SimulatedParticipant bob = cluster.join(sessionId, 2);
    String aliceStream = alice.publish();
    String bobStream = bob.publish();
    alice.subscribe(bobStream);
    bob.subscribe(aliceStream);
    cluster.awaitEventCount(sessionId, 7);

    bob.leave();

    List<WebhookEvent> events = cluster.awaitEventCount(sessionId, 11);
    List<WebhookEvent> departure = events.subList(7, 11);
    assertThat(departure.subList(0, 3))
        .allSatisfy(
            e ->
                assertThat(((WebrtcConnectionDestroyedEvent) e).reason())
                    .contains(EndReason.DISCONNECT));
    assertThat(departure.subList(0, 3))
        .extracting(
            e ->
                ((WebrtcConnectionDestroyedEvent) e).connectionId()
                    + " "
                    + ((WebrtcConnectionDestroyedEvent) e).direction())
        .containsExactlyInAnyOrder(
            alice.connectionId() + " INBOUND",
            bob.connectionId() + " INBOUND",
            bob.connectionId() + " OUTBOUND");
    ParticipantLeftEvent left = (ParticipantLeftEvent) departure.get(3);
    assertThat(left.connectionId()).isEqualTo(bob.connectionId());
    WebrtcConnectionCreatedEvent inbound =
        events.stream()
            .filter(e -> e instanceof WebrtcConnectionCreatedEvent)
            .map(WebrtcConnectionCreatedEvent.class::cast)
            .filter(e -> e.direction() == WebrtcDirection.INBOUND)
            .filter(e -> e.connectionId().equals(alice.connectionId()))
            .findFirst()
            .orElseThrow();
    assertThat(inbound.receivingFrom()).contains(bob.connectionId());
    assertThat(inbound.streamId()).isEqualTo(bobStream);
  }

  @Test
  void aSessionClosedByRestEndsEveryParticipantThenTheSession() {
    String sessionId = cluster.createSession(0);
    SimulatedParticipant alice = cluster.join(sessionId, 1);
    SimulatedParticipant bob = cluster.join(sessionId, 2);
    bob.subscribe(alice.publish());
    cluster.awaitEventCount(sessionId, 5);

    cluster.api(2).delete("/openvidu/api/sessions/" + sessionId);

    List<WebhookEvent> events = cluster.awaitEventCount(sessionId, 10);
    assertThat(events.subList(5, 10))
        .extracting(WebhookEvent::name)
        .containsExactly(
            "webrtcConnectionDestroyed",
            "webrtcConnectionDestroyed",
            "participantLeft",
            "participantLeft",
            "sessionDestroyed");
    assertThat(events.subList(5, 10))
        .allSatisfy(
            e ->
                assertThat(e.json())
                    .contains("\"reason\":\"" + EndReason.SESSION_CLOSED_BY_SERVER + "\""));
  }

  @Test
  void evictingAPendingConnectionEmitsNothing() {
    String sessionId = cluster.createSession(0);
    String pending = cluster.createConnection(sessionId).path("id").asText();
    SimulatedParticipant alice = cluster.join(sessionId, 1);
    cluster.awaitEventCount(sessionId, 2);

    cluster.api(0).delete("/openvidu/api/sessions/" + sessionId + "/connection/" + pending);
    alice.leave();

    cluster.awaitEvents(
        sessionId,
        List.of("sessionCreated", "participantJoined", "participantLeft", "sessionDestroyed"));
  }

  @Test
  void signalsFromAParticipantAndFromRest() {
    String sessionId = cluster.createSession(0);
    SimulatedParticipant alice = cluster.join(sessionId, 1);
    SimulatedParticipant bob = cluster.join(sessionId, 2);

    alice.signal("chat", "hello");
    cluster.awaitEventCount(sessionId, 4);
    cluster
        .api(0)
        .post(
            "/openvidu/api/signal",
            "{\"session\":\"" + sessionId + "\",\"type\":\"alert\",\"data\":\"bye\"}");

    List<WebhookEvent> events = cluster.awaitEventCount(sessionId, 5);
    SignalSentEvent fromAlice = (SignalSentEvent) events.get(3);
    assertThat(fromAlice.from()).contains(alice.connectionId());
    assertThat(fromAlice.type()).contains("chat");
    assertThat(fromAlice.data()).contains("hello");
    assertThat(fromAlice.to()).containsExactlyInAnyOrder(alice.connectionId(), bob.connectionId());
    SignalSentEvent fromRest = (SignalSentEvent) events.get(4);
    assertThat(fromRest.from()).isEmpty();
    assertThat(fromRest.type()).contains("alert");
    assertThat(fromRest.to()).containsExactlyInAnyOrder(alice.connectionId(), bob.connectionId());
  }

  @Test
  void everyPostCarriesTheConfiguredHeaderAndItsOwnEventId() {
    String sessionId = cluster.createSession(0);
    cluster.join(sessionId, 1).leave();
    cluster.awaitEventCount(sessionId, 4);

    List<WebhookReceiverServer.Post> posts = cluster.receiver().acceptedPosts();
    assertThat(posts)
        .allSatisfy(
            p -> {
              assertThat(p.headers().get("Authorization"))
                  .containsExactly(WebhookCluster.AUTHORIZATION);
              assertThat(p.headers().get("Content-type")).containsExactly("application/json");
            });
    assertThat(posts)
        .extracting(p -> p.headers().get("Webhook-id").get(0))
        .doesNotHaveDuplicates()
        .allMatch(id -> id.startsWith("evt_"));
  }
}
