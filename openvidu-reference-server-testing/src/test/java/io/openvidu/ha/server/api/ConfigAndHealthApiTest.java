package io.openvidu.ha.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvidu.ha.server.testing.OpenViduClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Configuration, restart and health: rest-api.md §5.14–5.16 and design §4 (health). */
class ConfigAndHealthApiTest {
  @RegisterExtension
  final OpenViduClusterExtension cluster = OpenViduClusterExtension.builder().masters(2).build();

  private ApiClient api;

  @BeforeEach
  void connect() {
    api = ApiClient.of(cluster.urlList().get(0), cluster.secret());
  }

  @Test
  void configShowsVersionPublicUrlAndRecordingOn() {
    JsonNode config = api.get("/openvidu/api/config").json();

    assertThat(config.get("VERSION").asText()).isEqualTo("2.20.0");
    assertThat(config.get("OPENVIDU_PUBLICURL").asText()).isEqualTo(cluster.urlList().get(0));
    assertThat(config.get("OPENVIDU_RECORDING").asBoolean()).isTrue();
    assertThat(config.get("OPENVIDU_RECORDING_PATH").isTextual()).isTrue();
    assertThat(config.get("OPENVIDU_PRO_CLUSTER_MEDIA_NODES").asInt()).isEqualTo(1);
    assertThat(config.has("OPENVIDU_WEBHOOK_ENDPOINT")).isFalse();
  }

  @Test
  void configSubResourcesAnswerPlainValues() {
    assertThat(api.get("/openvidu/api/config/openvidu-version").body()).isEqualTo("2.20.0");
    assertThat(api.get("/openvidu/api/config/openvidu-recording").body()).isEqualTo("true");
    assertThat(api.get("/openvidu/api/config/openvidu-cdr").body()).isEqualTo("false");
  }

  @Test
  void restartChangesTheConfigurationOfEveryMaster() {
    ApiClient.Reply reply = api.post("/openvidu/api/restart", "{\"OPENVIDU_RECORDING\":false}");

    ApiClient other = ApiClient.of(cluster.urlList().get(1), cluster.secret());
    assertThat(reply.status()).isEqualTo(200);
    assertThat(other.get("/openvidu/api/config").json().get("OPENVIDU_RECORDING").asBoolean())
        .isFalse();
    assertThat(other.get("/openvidu/api/config").json().has("OPENVIDU_RECORDING_PATH")).isFalse();
  }

  @Test
  void restartWithInvalidValueIs400AndChangesNothing() {
    ApiClient.Reply reply =
        api.post("/openvidu/api/restart", "{\"OPENVIDU_CDR\":true,\"OPENVIDU_RECORDING\":\"no\"}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("message").asText()).contains("OPENVIDU_RECORDING");
    assertThat(api.get("/openvidu/api/config").json().get("OPENVIDU_CDR").asBoolean()).isFalse();
  }

  @Test
  void restartOfUnknownPropertyIs400() {
    assertThat(api.post("/openvidu/api/restart", "{\"OPENVIDU_SECRET\":\"x\"}").status())
        .isEqualTo(400);
  }

  @Test
  void publicHealthIsUpWithoutCredentials() {
    ApiClient.Reply reply = api.without("Authorization").get("/openvidu/health");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo("{\"status\":\"UP\"}");
  }

  @Test
  void apiHealthNeedsCredentials() {
    assertThat(api.without("Authorization").get("/openvidu/api/health").status()).isEqualTo(401);
    assertThat(api.get("/openvidu/api/health").status()).isEqualTo(200);
  }

  @Test
  void healthIsDownWhenNoMediaNodeRuns() {
    cluster.mediaNode(0).crash();

    ApiClient.Reply reply = api.without("Authorization").get("/openvidu/health");

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.body()).isEqualTo("{\"status\":\"DOWN\"}");
  }

  @Test
  void healthIsDownWhenTheStoreIsUnreachable() {
    cluster.cluster().store().close();

    assertThat(api.without("Authorization").get("/openvidu/health").status()).isEqualTo(503);
  }
}
