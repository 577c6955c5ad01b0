package io.openvidu.ha.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openvidu.ha.it.processes.ProcessCluster;
import io.openvidu.ha.it.rest.RestClient;
import io.openvidu.ha.it.scenarios.ClientUnderTest;
import io.openvidu.ha.it.scenarios.ForClient;
import io.openvidu.ha.server.store.ClusterStore;
import io.openvidu.ha.server.store.redis.RedisDocumentStore;
import io.openvidu.ha.server.testing.SimulatedParticipant;
import io.openvidu.ha.server.testing.WebhookReceiverServer;
import io.openvidu.java.client.webhook.SessionEvent;
import io.openvidu.java.client.webhook.WebhookDelivery;
import io.openvidu.java.client.webhook.WebhookEvent;
import io.openvidu.java.client.webhook.WebhookException;
import io.openvidu.java.client.webhook.WebhookReceiver;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Webhook delivery when processes fail ({@code webhooks.md}, issue #14): two master processes over
 * one Redis post their events, signed, to a real HTTP receiver, read through the SDK's {@link
 * WebhookReceiver}. Whatever fails, every event of a session arrives at least once, the first
 * arrivals are in the order the events happened, and the SDK drops the repeats. A dead master's
 * queues are taken over after 2 s ({@code --webhook-takeover-ms}).
 *
 * <p>Each test may run alone (dead masters are restarted first); the order only saves a restart,
 * the kill coming last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ForClient(ClientUnderTest.OURS)
class WebhookFaultTest {
  private static final String SIGNING_SECRET = "whsk-fault-test-31";
  private static final List<String> ONE_PUBLISHER_THAT_LEAVES =
      List.of(
          "sessionCreated",
          "participantJoined",
          "webrtcConnectionCreated",
          "webrtcConnectionDestroyed",
          "participantLeft",
          "sessionDestroyed");

  private static final WebhookReceiverServer RECEIVER = new WebhookReceiverServer();

  @RegisterExtension
  static final ProcessCluster CLUSTER =
      new ProcessCluster(2, 1)
          .withMasterArguments(
              "--webhook-endpoint",
              RECEIVER.url(),
              "--webhook-signing-secret",
              SIGNING_SECRET,
              "--webhook-takeover-ms",
              "2000",
              "--webhook-timeout-ms",
              "1000");

  private static ClusterStore store;

  @BeforeAll
  static void openStoreAndAwaitTheStartingNode() {
    store = ClusterStore.over(RedisDocumentStore.connect(CLUSTER.redis().uri()), "ov:");
    // The media node's launching and running, posted at start: no POST of them is in flight later.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> RECEIVER.acceptedPosts().size() >= 2 && RECEIVER.unanswered() == 0);
  }

  @AfterAll
  static void closeStoreAndReceiver() {
    store.close();
    RECEIVER.close();
  }

  @BeforeEach
  void wholeCluster() {
    CLUSTER.restartDeadMasters();
  }

  @Test
  @Order(2)
  void eventsPendingOnAKilledMasterAreDeliveredByTheOtherAtLeastOnceAndInOrder() {
    // Master 1 is suspended meanwhile, so master 0 is the one holding the session's queue when it
    // is killed, in the middle of a POST (the receiver holds it).
    RECEIVER.hold();
    CLUSTER.master(1).process().suspend();
    String sessionId;
    try {
      sessionId = onePublisherThatLeaves(0, 0);
      await().atMost(Duration.ofSeconds(10)).until(() -> RECEIVER.unanswered() > 0);
      assertThat(pendingQueues()).contains(sessionId);

      CLUSTER.master(0).process().kill();
    } finally {
      RECEIVER.release();
      CLUSTER.master(1).process().resume();
    }

    Arrivals arrivals = awaitArrivals(sessionId);
    assertThat(arrivals.names()).isEqualTo(ONE_PUBLISHER_THAT_LEAVES);
    assertThat(arrivals.firsts()).extracting(WebhookEvent::timestamp).isSorted();
    // The POST the killed master was making reached the receiver; the other master posted that
    // event again with the same id, and the SDK dropped it.
    assertThat(arrivals.repeats()).isPositive();
    awaitNothingPending(sessionId);
  }

  @Test
  @Order(1)
  void aReceiverDownForTenSecondsGetsEveryEventOnceBackInOrder() {
    RECEIVER.goDown();
    long downSince = System.nanoTime();
    String sessionId;
    try {
      sessionId = onePublisherThatLeaves(0, 1);
      // Real wall clock, on purpose: the outage lasts 10 s while both masters keep retrying.
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> System.nanoTime() - downSince >= Duration.ofSeconds(10).toNanos());
      assertThat(pendingQueues()).contains(sessionId);
    } finally {
      RECEIVER.comeBack();
    }

    Arrivals arrivals = awaitArrivals(sessionId);
    assertThat(arrivals.names()).isEqualTo(ONE_PUBLISHER_THAT_LEAVES);
    assertThat(arrivals.firsts()).extracting(WebhookEvent::timestamp).isSorted();
    awaitNothingPending(sessionId);
    assertThat(
            RestClient.of(CLUSTER.urlList().get(1), CLUSTER.secret())
                .get("/openvidu/api/config")
                .json()
                .path("OPENVIDU_WEBHOOK_DROPPED_EVENTS")
                .asLong())
        .isZero();
  }

  /**
   * A session created through master {@code restMaster}, where a participant joined through master
   * {@code participantMaster} publishes and leaves: {@link #ONE_PUBLISHER_THAT_LEAVES}.
   */
  private static String onePublisherThatLeaves(int restMaster, int participantMaster) {
    RestClient api = RestClient.of(CLUSTER.urlList().get(restMaster), CLUSTER.secret());
    String sessionId = api.post("/openvidu/api/sessions", "{}").json().path("id").asText();
    String token =
        api.post("/openvidu/api/sessions/" + sessionId + "/connection", "{}")
            .json()
            .path("token")
            .asText();
    try (SimulatedParticipant alice =
        SimulatedParticipant.builder(token)
            .via(URI.create(CLUSTER.urlList().get(participantMaster)))
            .timeout(Duration.ofSeconds(10))
            .join()) {
      alice.publish();
      alice.leave();
    }
    return sessionId;
  }

  private static List<String> pendingQueues() {
    return store.atomically(tx -> tx.webhooks().queues());
  }

  private static void awaitNothingPending(String sessionId) {
    await().atMost(Duration.ofSeconds(10)).until(() -> !pendingQueues().contains(sessionId));
  }

  /** Waits until every event of the one-publisher session arrived at least once. */
  private static Arrivals awaitArrivals(String sessionId) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> Arrivals.of(sessionId),
            a -> a.firsts().size() >= ONE_PUBLISHER_THAT_LEAVES.size());
  }

  /**
   * The session's events as a backend reads them: every POST answered 200, in arrival order,
   * through one SDK receiver checking the signature; its first arrivals and how many repeats it
   * dropped.
   */
  private record Arrivals(List<WebhookEvent> firsts, int repeats) {
    static Arrivals of(String sessionId) {
      WebhookReceiver sdk = WebhookReceiver.builder().signingSecret(SIGNING_SECRET).build();
      List<WebhookEvent> firsts = new ArrayList<>();
      int repeats = 0;
      for (WebhookReceiverServer.Post post : RECEIVER.acceptedPosts()) {
        WebhookDelivery delivery;
        try {
          delivery = sdk.receive(post.body(), post.headers());
        } catch (WebhookException e) {
          throw new AssertionError("the SDK's receiver rejected a POST: " + e.getMessage(), e);
        }
        if (!(delivery.event() instanceof SessionEvent event
            && event.sessionId().equals(sessionId))) {
          continue;
        }
        if (delivery.isRepeat()) {
          repeats++;
        } else {
          firsts.add(event);
        }
      }
      return new Arrivals(firsts, repeats);
    }

    List<String> names() {
      return firsts.stream().map(WebhookEvent::name).toList();
    }
  }
}
