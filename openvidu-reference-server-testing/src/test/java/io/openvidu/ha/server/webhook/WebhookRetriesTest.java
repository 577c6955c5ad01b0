package io.openvidu.ha.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openvidu.ha.server.testing.WebhookReceiverServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A receiver that never accepts: each event is retried for the configured time, then counted. */
class WebhookRetriesTest {

  @RegisterExtension
  final WebhookCluster cluster =
      WebhookCluster.withMasters(2).settings(s -> s.retryFor(Duration.ofMillis(600)));

  @Test
  void anEventRefusedForLongerThanTheRetryTimeIsDroppedAndCounted() {
    cluster.receiver().refuse();

    cluster.createSession(0);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                cluster
                    .api(1)
                    .get("/openvidu/api/config")
                    .json()
                    .get("OPENVIDU_WEBHOOK_DROPPED_EVENTS")
                    .asLong(),
            dropped -> dropped == 1);
    assertThat(cluster.receiver().refusals()).isPositive();
    assertThat(cluster.sessionPosts()).filteredOn(WebhookReceiverServer.Post::accepted).isEmpty();
    // The drop takes the event out and counts it; the queue, then empty, leaves the outbox at the
    // dispatcher's next read of it (one transaction later, so as not to read the queue at every
    // removal): eventually, not with the count.
    await().atMost(Duration.ofSeconds(10)).until(() -> cluster.pendingQueues().isEmpty());
  }
}
