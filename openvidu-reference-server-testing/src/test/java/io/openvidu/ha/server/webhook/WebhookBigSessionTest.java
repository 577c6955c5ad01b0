package io.openvidu.ha.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openvidu.ha.server.store.ClusterEvent;
import io.openvidu.ha.server.store.EventOperations;
import io.openvidu.ha.server.store.Subscription;
import io.openvidu.ha.server.testing.SimulatedParticipant;
import io.openvidu.ha.server.testing.WebhookReceiverServer;
import io.openvidu.java.client.webhook.ParticipantJoinedEvent;
import io.openvidu.java.client.webhook.WebhookEvent;
import io.openvidu.java.client.webhook.WebrtcConnectionCreatedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Webhooks of one big session whose participants join and publish all at once through two masters:
 * their transitions stage events without conflicting with each other, and every event still reaches
 * the receiver once, in the order the changes committed. The commit order is read from the store
 * itself: each join and publication also publishes its cluster event in the same commit, and that
 * event carries the commit's position.
 */
class WebhookBigSessionTest {
  private static final int PARTICIPANTS = 16;

  @RegisterExtension final WebhookCluster cluster = WebhookCluster.withMasters(2);

  @Test
  void sixteenParticipantsJoiningAndPublishingAtOnceHaveEveryEventPostedOnceInCommitOrder()
      throws Exception {
    String sessionId = cluster.createSession(0);
    List<ClusterEvent> commits = new CopyOnWriteArrayList<>();

    try (Subscription ignored =
        cluster.cluster().store().subscribe(EventOperations.BROADCAST, commits::add)) {
      race(
          i -> {
            SimulatedParticipant participant = cluster.join(sessionId, i % 2);
            participant.publish();
          });
      await()
          .atMost(Duration.ofSeconds(15))
          .until(
              () ->
                  cluster.events(sessionId).size() == 1 + 2 * PARTICIPANTS
                      && inCommitOrder(commits, sessionId).size() == 2 * PARTICIPANTS);
    }

    List<String> inCommitOrder = inCommitOrder(commits, sessionId);
    List<WebhookEvent> posted = cluster.events(sessionId);
    assertThat(posted.get(0).name()).isEqualTo("sessionCreated");
    assertThat(posted.subList(1, posted.size()))
        .extracting(WebhookBigSessionTest::describe)
        .hasSize(2 * PARTICIPANTS)
        .containsExactlyElementsOf(inCommitOrder);
    List<WebhookReceiverServer.Post> posts = cluster.sessionPosts();
    assertThat(posts).hasSize(1 + 2 * PARTICIPANTS);
    assertThat(posts).extracting(p -> p.headers().get("Webhook-id").get(0)).doesNotHaveDuplicates();
  }

  /** The webhook events the session's commits staged, as {@link #describe}, in commit order. */
  private static List<String> inCommitOrder(List<ClusterEvent> commits, String sessionId) {
    return commits.stream()
        .filter(e -> sessionId.equals(e.sessionId()))
        .sorted(Comparator.comparingLong(ClusterEvent::position))
        .map(WebhookBigSessionTest::describe)
        .filter(d -> !d.isEmpty())
        .toList();
  }

  /** What a webhook event is about: its name and its participant. */
  private static String describe(WebhookEvent event) {
    if (event instanceof ParticipantJoinedEvent joined) {
      return "participantJoined " + joined.connectionId();
    }
    if (event instanceof WebrtcConnectionCreatedEvent created) {
      return "webrtcConnectionCreated " + created.connectionId();
    }
    return event.name();
  }

  /** The webhook event a cluster event's commit staged, as {@link #describe(WebhookEvent)}. */
  private static String describe(ClusterEvent event) {
    return switch (event.type()) {
      case ClusterEvent.PARTICIPANT_JOINED -> "participantJoined " + event.connectionIds().get(0);
      case ClusterEvent.STREAM_PUBLISHED ->
          "webrtcConnectionCreated " + event.data().path("id").asText();
      default -> "";
    };
  }

  private interface Step {
    void run(int index) throws Exception;
  }

  /** Runs {@code step} on {@link #PARTICIPANTS} threads released together. */
  private static void race(Step step) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(PARTICIPANTS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < PARTICIPANTS; i++) {
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  step.run(index);
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
