package io.openvidu.ha.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openvidu.ha.server.testing.SimulatedParticipant;
import io.openvidu.ha.server.testing.WebhookReceiverServer;
import io.openvidu.java.client.webhook.WebhookEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Delivery across masters: once per event while masters are healthy, taken over from a dead master,
 * kept in order through a receiver outage, and never in the way of the API.
 */
class WebhookDeliveryTest {

  @RegisterExtension final WebhookCluster cluster = WebhookCluster.withMasters(3);

  @Test
  void whileEveryMasterIsHealthyEachEventIsPostedOnce() {
    for (int i = 0; i < 3; i++) {
      String sessionId = cluster.createSession(i);
      cluster.join(sessionId, (i + 1) % 3).leave();
      cluster.awaitEventCount(sessionId, 4);
    }

    List<WebhookReceiverServer.Post> posts = cluster.sessionPosts();
    assertThat(posts).hasSize(12);
    assertThat(posts).extracting(p -> p.headers().get("Webhook-id").get(0)).doesNotHaveDuplicates();
  }

  @Test
  void eventsPendingOnAKilledMasterAreDeliveredByAnotherInOrder() {
    cluster.receiver().hold();
    String sessionId = cluster.createSession(0);
    SimulatedParticipant alice = cluster.join(sessionId, 1);
    alice.publish();
    alice.leave();
    int holder = masterHoldingTheQueue(sessionId);

    cluster.cluster().master(holder).kill();
    cluster.receiver().release();

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
    assertThat(events).extracting(WebhookEvent::timestamp).isSorted();
  }

  @Test
  void aReceiverDownForAWhileGetsEveryEventInOrderOnceBack() {
    cluster.receiver().refuse();
    String sessionId = cluster.createSession(0);
    SimulatedParticipant alice = cluster.join(sessionId, 1);
    alice.publish();
    alice.leave();
    await().atMost(Duration.ofSeconds(10)).until(() -> cluster.receiver().refusals() >= 5);

    cluster.receiver().accept();

    cluster.awaitEvents(
        sessionId,
        List.of(
            "sessionCreated",
            "participantJoined",
            "webrtcConnectionCreated",
            "webrtcConnectionDestroyed",
            "participantLeft",
            "sessionDestroyed"));
    assertThat(cluster.sessionPosts()).filteredOn(WebhookReceiverServer.Post::accepted).hasSize(6);
  }

  @Test
  void aReceiverThatNeverAnswersDoesNotHoldTheApiBack() {
    cluster.receiver().hold();

    String first = cluster.createSession(0);
    String second = cluster.createSession(1);
    cluster.join(second, 2).leave();

    assertThat(cluster.sessionPosts()).filteredOn(WebhookReceiverServer.Post::accepted).isEmpty();
    assertThat(cluster.api(0).get("/openvidu/api/sessions/" + first).status()).isEqualTo(200);
    cluster.receiver().release();
    cluster.awaitEventCount(second, 4);
  }

  /** The master whose dispatcher holds the session's queue (its lease in the store). */
  private int masterHoldingTheQueue(String sessionId) {
    String holder =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    cluster
                        .cluster()
                        .store()
                        .atomically(tx -> tx.leases().find("webhook:" + sessionId))
                        .map(l -> l.holder())
                        .orElse(null),
                h -> h != null);
    for (int i = 0; i < 3; i++) {
      if (cluster.cluster().master(i).id().equals(holder)) {
        return i;
      }
    }
    throw new AssertionError("no master holds the queue of " + sessionId);
  }
}
