package io.openvidu.java.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvidu.java.client.deployment.EndpointHealth;
import io.openvidu.java.client.deployment.HealthReport;
import io.openvidu.java.client.deployment.OpenViduConfiguration;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link OpenVidu#getConfiguration()} (rest-api.md §5.14) and {@link OpenVidu#health()} (§5.15).
 */
@ExtendWith(MockOpenViduExtension.class)
class ConfigurationAndHealthTest {

  static final String CONFIG =
      "{\"VERSION\":\"2.20.0\",\"DOMAIN_OR_PUBLIC_IP\":\"my.openvidu.ip\",\"HTTPS_PORT\":443,"
          + "\"OPENVIDU_PUBLICURL\":\"https://my.openvidu.ip\",\"OPENVIDU_CDR\":false,"
          + "\"OPENVIDU_STREAMS_FORCED_VIDEO_CODEC\":\"H264\","
          + "\"OPENVIDU_STREAMS_ALLOW_TRANSCODING\":true,"
          + "\"OPENVIDU_SESSIONS_GARBAGE_INTERVAL\":900,"
          + "\"OPENVIDU_SESSIONS_GARBAGE_THRESHOLD\":0.5,"
          + "\"OPENVIDU_RECORDING\":true,\"OPENVIDU_RECORDING_PATH\":\"/opt/openvidu/recordings\","
          + "\"OPENVIDU_WEBHOOK\":true,\"OPENVIDU_WEBHOOK_ENDPOINT\":\"http://hooks:7777\","
          + "\"OPENVIDU_WEBHOOK_HEADERS\":[\"Authorization: Basic c2VjcmV0\"],"
          + "\"KMS_URIS\":[],\"OPENVIDU_PRO_CLUSTER_ID\":\"eu-1\","
          + "\"OPENVIDU_PRO_CLUSTER_MEDIA_NODES\":2}";

  @Test
  void configurationIsTypedWithEveryMemberKept(MockOpenVidu mock) throws Exception {
    mock.answer(200, CONFIG);

    OpenViduConfiguration config = mock.openVidu.getConfiguration();

    assertThat(mock.request().getTarget()).isEqualTo("/openvidu/api/config");
    assertThat(config.version()).isEqualTo("2.20.0");
    assertThat(config.publicUrl()).isEqualTo("https://my.openvidu.ip");
    assertThat(config.domainOrPublicIp()).contains("my.openvidu.ip");
    assertThat(config.httpsPort()).contains(443);
    assertThat(config.cdrEnabled()).isFalse();
    assertThat(config.recordingEnabled()).isTrue();
    assertThat(config.recordingPath()).contains("/opt/openvidu/recordings");
    assertThat(config.webhookEnabled()).isTrue();
    assertThat(config.webhookEndpoint()).contains("http://hooks:7777");
    assertThat(config.forcedVideoCodec()).contains(VideoCodec.H264);
    assertThat(config.transcodingAllowed()).isTrue();
    assertThat(config.sessionsGarbageInterval()).contains(Duration.ofSeconds(900));
    assertThat(config.sessionsGarbageThreshold()).contains(Duration.ofMillis(500));
    assertThat(config.clusterId()).contains("eu-1");
    assertThat(config.mediaNodeCount()).contains(2);
    assertThat(config.members()).containsEntry("KMS_URIS", java.util.Collections.emptyList());
    assertThat(config.member("OPENVIDU_PRO_CLUSTER_MEDIA_NODES")).contains(2L);
  }

  @Test
  void configurationToStringShowsNoMemberThatMayHoldCredentials(MockOpenVidu mock)
      throws Exception {
    mock.answer(200, CONFIG);

    assertThat(mock.openVidu.getConfiguration().toString()).doesNotContain("c2VjcmV0");
  }

  @Test
  void aConfigurationWithoutItsVersionIsAnUnreadableAnswer(MockOpenVidu mock) {
    mock.answer(200, "{\"OPENVIDU_PUBLICURL\":\"https://my.openvidu.ip\"}");

    assertThatThrownBy(() -> mock.openVidu.getConfiguration())
        .isInstanceOf(OpenViduJavaClientException.class)
        .hasMessageContaining("config.VERSION");
  }

  @Test
  void healthReportsEachEndpointOnItsOwn() throws Exception {
    try (MockWebServer up = new MockWebServer();
        MockWebServer down = new MockWebServer();
        ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      up.start(InetAddress.getLoopbackAddress(), 0);
      down.start(InetAddress.getLoopbackAddress(), 0);
      up.enqueue(json(200, "{\"status\":\"UP\"}"));
      down.enqueue(json(503, "{\"status\":\"DOWN\"}"));
      String refused = "http://127.0.0.1:" + closed.getLocalPort();
      closed.close();

      HealthReport report;
      try (OpenVidu openVidu =
          new OpenVidu.Builder()
              .endpoints(up.url("/").toString(), down.url("/").toString(), refused)
              .secret(MockOpenVidu.SECRET)
              .build()) {
        report = openVidu.health();
      }

      List<EndpointHealth.State> states =
          Arrays.asList(
              report.endpoints().get(0).state(),
              report.endpoints().get(1).state(),
              report.endpoints().get(2).state());
      assertThat(states)
          .containsExactly(
              EndpointHealth.State.UP, EndpointHealth.State.DOWN, EndpointHealth.State.UNREACHABLE);
      assertThat(report.endpoints().get(1).httpStatus()).isEqualTo(503);
      assertThat(report.endpoints().get(1).problem()).contains("HTTP 503: DOWN");
      assertThat(report.endpoints().get(2).endpoint()).isEqualTo(refused);
      assertThat(report.isAnyUp()).isTrue();
      assertThat(report.isAllUp()).isFalse();
      assertThat(up.takeRequest().getTarget()).isEqualTo("/openvidu/api/health");
      assertThat(down.getRequestCount()).isEqualTo(1);
    }
  }

  @Test
  void aFailedHealthCheckDoesNotEjectTheEndpointForCalls() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start(InetAddress.getLoopbackAddress(), 0);
      server.enqueue(json(503, "{\"status\":\"DOWN\"}"));
      server.enqueue(json(200, SpecExamples.session().toString()));
      try (OpenVidu openVidu =
          new OpenVidu.Builder()
              .endpoints(server.url("/").toString())
              .secret(MockOpenVidu.SECRET)
              .build()) {
        assertThat(openVidu.health().isAnyUp()).isFalse();

        assertThat(openVidu.fetchSession("ses_YnDaGYNcd7")).isPresent();
      }
    }
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }
}
