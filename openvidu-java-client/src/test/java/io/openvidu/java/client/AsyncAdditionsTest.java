package io.openvidu.java.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvidu.java.client.deployment.EndpointHealth;
import io.openvidu.java.client.deployment.HealthReport;
import io.openvidu.java.client.deployment.OpenViduConfiguration;
import io.openvidu.java.client.medianode.MediaNode;
import io.openvidu.java.client.medianode.MediaNodeNotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The asynchronous forms of the calls beyond the official client: the request of the blocking call,
 * its result, and its refusal as the future's failure.
 */
@ExtendWith(MockOpenViduExtension.class)
class AsyncAdditionsTest {

  @Test
  void sendSignalPostsWhatTheBlockingCallPosts(MockOpenVidu mock) throws Exception {
    mock.answer(200);

    mock.openVidu
        .async()
        .sendSignal(Signal.builder("ses_YnDaGYNcd7").to("con_Xnxg19tonh").type("chat").build())
        .get(10, TimeUnit.SECONDS);

    RecordedRequest request = mock.request();
    assertThat(request.getTarget()).isEqualTo("/openvidu/api/signal");
    assertThat(request.getBody().utf8())
        .isEqualTo(
            "{\"session\":\"ses_YnDaGYNcd7\",\"to\":[\"con_Xnxg19tonh\"],\"type\":\"chat\"}");
  }

  @Test
  void sendSignalToAnUnknownSessionFailsWithSessionNotFound(MockOpenVidu mock) {
    mock.answer(404);

    assertThatThrownBy(
            () ->
                mock.openVidu
                    .async()
                    .sendSignal(Signal.builder("gone").build())
                    .get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(SessionNotFoundException.class);
  }

  @Test
  void fetchSessionOfAnUnknownSessionIsEmpty(MockOpenVidu mock) throws Exception {
    mock.answer(404);

    Optional<Session> session =
        mock.openVidu.async().fetchSession("ses_gone").get(10, TimeUnit.SECONDS);

    assertThat(session).isEmpty();
    assertThat(mock.request().getTarget())
        .isEqualTo("/openvidu/api/sessions/ses_gone?pendingConnections=true");
  }

  @Test
  void fetchSessionAddsTheSessionToTheActiveSessions(MockOpenVidu mock) throws Exception {
    mock.answer(200, SpecExamples.session());

    Session session =
        mock.openVidu.async().fetchSession("ses_YnDaGYNcd7").get(10, TimeUnit.SECONDS).get();

    assertThat(mock.openVidu.getActiveSessions()).containsExactly(session);
  }

  @Test
  void getConfigurationIsTyped(MockOpenVidu mock) throws Exception {
    mock.answer(200, ConfigurationAndHealthTest.CONFIG);

    OpenViduConfiguration configuration =
        mock.openVidu.async().getConfiguration().get(10, TimeUnit.SECONDS);

    assertThat(configuration.version()).isEqualTo("2.20.0");
    assertThat(configuration.publicUrl()).isEqualTo("https://my.openvidu.ip");
  }

  @Test
  void healthReportsTheEndpoint(MockOpenVidu mock) throws Exception {
    mock.answer(200, "{\"status\":\"UP\"}");

    HealthReport report = mock.openVidu.async().health().get(10, TimeUnit.SECONDS);

    assertThat(report.endpoints())
        .extracting(EndpointHealth::state)
        .containsExactly(EndpointHealth.State.UP);
    assertThat(mock.request().getTarget()).isEqualTo("/openvidu/api/health");
  }

  @Test
  void mediaNodesListIsTyped(MockOpenVidu mock) throws Exception {
    mock.answer(200, "{\"numberOfElements\":1,\"content\":[" + MediaNodesTest.PLAIN_NODE + "]}");

    List<MediaNode> nodes = mock.openVidu.async().mediaNodes().list().get(10, TimeUnit.SECONDS);

    assertThat(nodes).hasSize(1);
    assertThat(mock.request().getTarget()).isEqualTo("/openvidu/api/media-nodes");
  }

  @Test
  void mediaNodesGetOfAnUnknownNodeFailsWithMediaNodeNotFound(MockOpenVidu mock) {
    mock.answer(404);

    assertThatThrownBy(
            () -> mock.openVidu.async().mediaNodes().get("media_x").get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(MediaNodeNotFoundException.class);
  }
}
