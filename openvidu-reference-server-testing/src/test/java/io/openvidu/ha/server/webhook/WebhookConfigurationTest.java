package io.openvidu.ha.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvidu.ha.server.api.ApiClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Webhooks turned on and changed by {@code POST /restart}, and {@code /config} telling so. */
class WebhookConfigurationTest {

  @RegisterExtension
  final WebhookCluster cluster = WebhookCluster.withMasters(2).settings(s -> s.endpoint(null));

  @Test
  void offAtStartNothingIsPostedAndConfigSaysSo() {
    String sessionId = cluster.createSession(0);
    cluster.join(sessionId, 1).leave();

    JsonNode config = cluster.api(1).get("/openvidu/api/config").json();
    assertThat(config.get("OPENVIDU_WEBHOOK").asBoolean()).isFalse();
    assertThat(config.has("OPENVIDU_WEBHOOK_ENDPOINT")).isFalse();
    assertThat(cluster.pendingQueues()).isEmpty();
  }

  @Test
  void restartTurnsWebhooksOnForEveryMasterAndConfigShowsTheTruth() {
    ApiClient.Reply reply =
        cluster
            .api(0)
            .post(
                "/openvidu/api/restart",
                "{\"OPENVIDU_WEBHOOK\":true,\"OPENVIDU_WEBHOOK_ENDPOINT\":\""
                    + cluster.receiver().url()
                    + "\",\"OPENVIDU_WEBHOOK_HEADERS\":[\"Authorization: "
                    + WebhookCluster.AUTHORIZATION
                    + "\"],\"OPENVIDU_WEBHOOK_EVENTS\":[\"sessionCreated\",\"sessionDestroyed\"]}");
    assertThat(reply.status()).isEqualTo(200);

    String sessionId = cluster.createSession(1);
    cluster.join(sessionId, 1).leave();

    cluster.awaitEvents(sessionId, List.of("sessionCreated", "sessionDestroyed"));
    JsonNode config = cluster.api(1).get("/openvidu/api/config").json();
    assertThat(config.get("OPENVIDU_WEBHOOK").asBoolean()).isTrue();
    assertThat(config.get("OPENVIDU_WEBHOOK_ENDPOINT").asText())
        .isEqualTo(cluster.receiver().url());
    assertThat(config.get("OPENVIDU_WEBHOOK_EVENTS"))
        .extracting(JsonNode::asText)
        .containsExactly("sessionCreated", "sessionDestroyed");
    assertThat(config.get("OPENVIDU_WEBHOOK_DROPPED_EVENTS").asLong()).isZero();
  }

  @Test
  void anUnknownEventNameIsRefused() {
    ApiClient.Reply reply =
        cluster
            .api(0)
            .post("/openvidu/api/restart", "{\"OPENVIDU_WEBHOOK_EVENTS\":[\"sessionCreatd\"]}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("message").asText()).contains("sessionCreatd");
  }

  @Test
  void anEndpointThatIsNotAnHttpUrlIsRefused() {
    ApiClient.Reply reply =
        cluster
            .api(0)
            .post("/openvidu/api/restart", "{\"OPENVIDU_WEBHOOK_ENDPOINT\":\"ftp://example.org\"}");

    assertThat(reply.status()).isEqualTo(400);
  }

  @Test
  void aHeaderWithoutColonAndSpaceIsRefusedWithoutEchoingIt() {
    ApiClient.Reply reply =
        cluster
            .api(0)
            .post(
                "/openvidu/api/restart",
                "{\"OPENVIDU_WEBHOOK_HEADERS\":[\"Authorization=s3cr3t\"]}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body()).doesNotContain("s3cr3t");
  }
}
