package io.openvidu.java.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvidu.java.client.medianode.DeletionStrategy;
import io.openvidu.java.client.medianode.MediaNode;
import io.openvidu.java.client.medianode.MediaNodeAlreadyAddedException;
import io.openvidu.java.client.medianode.MediaNodeDetail;
import io.openvidu.java.client.medianode.MediaNodeHasSessionsException;
import io.openvidu.java.client.medianode.MediaNodeNotFoundException;
import io.openvidu.java.client.medianode.MediaNodeRemoval;
import io.openvidu.java.client.medianode.MediaNodeTransitionException;
import io.openvidu.java.client.medianode.MediaNodeUnreachableException;
import io.openvidu.java.client.webhook.MediaNodeStatus;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link OpenVidu#mediaNodes()}: the requests of rest-api.md §5.17 and each refusal. */
@ExtendWith(MockOpenViduExtension.class)
class MediaNodesTest {

  /** The spec's example node, with the members only asked-for details add. */
  static final String NODE =
      "{\"id\":\"media_i-0c58bcdd26l11d0sd\",\"object\":\"mediaNode\","
          + "\"environmentId\":\"i-0c58bcdd26l11d0sd\",\"ip\":\"172.17.0.2\","
          + "\"uri\":\"ws://172.17.0.2:8888/kurento\",\"launchingTime\":1600678236916,"
          + "\"connected\":true,\"connectionTime\":1600678251771,\"load\":12.45,"
          + "\"status\":\"running\"";

  static final String PLAIN_NODE = NODE + "}";

  @Test
  void listReadsEveryNodeTyped(MockOpenVidu mock) throws Exception {
    mock.answer(200, "{\"numberOfElements\":1,\"content\":[" + PLAIN_NODE + "]}");

    List<MediaNode> nodes = mock.openVidu.mediaNodes().list();

    RecordedRequest request = mock.request();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo("/openvidu/api/media-nodes");
    assertThat(nodes).hasSize(1);
    MediaNode node = nodes.get(0);
    assertThat(node.id()).isEqualTo("media_i-0c58bcdd26l11d0sd");
    assertThat(node.environmentId()).contains("i-0c58bcdd26l11d0sd");
    assertThat(node.ip()).contains("172.17.0.2");
    assertThat(node.uri()).contains("ws://172.17.0.2:8888/kurento");
    assertThat(node.launchingTime()).isEqualTo(1600678236916L);
    assertThat(node.connected()).isTrue();
    assertThat(node.connectionTime()).contains(1600678251771L);
    assertThat(node.disconnectionTime()).isEmpty();
    assertThat(node.load()).isEqualTo(12.45);
    assertThat(node.status()).isEqualTo(MediaNodeStatus.RUNNING);
    assertThat(node.sessionIds()).isEmpty();
  }

  @Test
  void discoverPutsWithoutABodyAndReadsTheNodesAdded(MockOpenVidu mock) throws Exception {
    mock.answer(200, "{\"numberOfElements\":1,\"content\":[" + PLAIN_NODE + "]}");

    List<MediaNode> added = mock.openVidu.mediaNodes().discover();

    RecordedRequest request = mock.request();
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(request.getTarget()).isEqualTo("/openvidu/api/media-nodes");
    assertThat(request.getBody().size()).isZero();
    assertThat(request.getHeaders().get("Authorization")).isEqualTo(MockOpenVidu.AUTHORIZATION);
    assertThat(added).extracting(MediaNode::id).containsExactly("media_i-0c58bcdd26l11d0sd");
  }

  @Test
  void discoverAsynchronouslyReadsTheSameAnswer(MockOpenVidu mock) throws Exception {
    mock.answer(200, "{\"numberOfElements\":0,\"content\":[]}");

    List<MediaNode> added = mock.openVidu.async().mediaNodes().discover().get(10, TimeUnit.SECONDS);

    assertThat(mock.request().getMethod()).isEqualTo("PUT");
    assertThat(added).isEmpty();
  }

  @Test
  void discoverOnOpenViduCeIsItsRefusal(MockOpenVidu mock) {
    mock.answer(405);

    assertThatThrownBy(() -> mock.openVidu.mediaNodes().discover())
        .isInstanceOfSatisfying(
            OpenViduHttpException.class, e -> assertThat(e.getStatus()).isEqualTo(405));
  }

  @Test
  void getAsksForTheDetailsChosen(MockOpenVidu mock) throws Exception {
    mock.answer(
        200,
        NODE
            + ",\"sessions\":[{\"id\":\"ses_YnDaGYNcd7\",\"sessionId\":\"ses_YnDaGYNcd7\"}],"
            + "\"recordingIds\":[\"ses_YnDaGYNcd7\"],\"kurentoInfo\":{\"version\":\"6.16.0\"}}");

    MediaNode node =
        mock.openVidu
            .mediaNodes()
            .get(
                "media_i-0c58bcdd26l11d0sd",
                MediaNodeDetail.EXTRA_INFO,
                MediaNodeDetail.SESSIONS,
                MediaNodeDetail.RECORDINGS);

    assertThat(mock.request().getTarget())
        .isEqualTo(
            "/openvidu/api/media-nodes/media_i-0c58bcdd26l11d0sd"
                + "?sessions=true&recordings=true&extra-info=true");
    assertThat(node.sessionIds()).containsExactly("ses_YnDaGYNcd7");
    assertThat(node.recordingIds()).containsExactly("ses_YnDaGYNcd7");
    assertThat(node.mediaServerInfo()).containsEntry("version", "6.16.0");
  }

  @Test
  void anUnknownStatusIsKeptAsText(MockOpenVidu mock) throws Exception {
    mock.answer(200, PLAIN_NODE.replace("\"running\"", "\"hibernating\""));

    MediaNode node = mock.openVidu.mediaNodes().get("media_i-0c58bcdd26l11d0sd");

    assertThat(node.status()).isEqualTo(MediaNodeStatus.UNKNOWN_TO_SDK_VERSION);
    assertThat(node.statusAsString()).isEqualTo("hibernating");
  }

  @Test
  void getOfAnUnknownNodeIsMediaNodeNotFound(MockOpenVidu mock) {
    mock.answer(404);

    assertThatThrownBy(() -> mock.openVidu.mediaNodes().get("media_gone"))
        .isInstanceOfSatisfying(
            MediaNodeNotFoundException.class,
            e -> {
              assertThat(e.getStatus()).isEqualTo(404);
              assertThat(e.mediaNode()).isEqualTo("media_gone");
            });
  }

  @Test
  void addPostsTheUriAndEnvironmentIdAndWaitsWhenAsked(MockOpenVidu mock) throws Exception {
    mock.answer(200, PLAIN_NODE);

    MediaNode node =
        mock.openVidu.mediaNodes().add("ws://172.17.0.5:8888/kurento", "myCustomInstance", true);

    RecordedRequest request = mock.request();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo("/openvidu/api/media-nodes?wait=true");
    assertThat(request.getBody().utf8())
        .isEqualTo(
            "{\"uri\":\"ws://172.17.0.5:8888/kurento\",\"environmentId\":\"myCustomInstance\"}");
    assertThat(node.id()).isEqualTo("media_i-0c58bcdd26l11d0sd");
  }

  @Test
  void addingANodeAlreadyInTheClusterIsMediaNodeAlreadyAdded(MockOpenVidu mock) {
    mock.answer(409, "{\"message\":\"already part of the cluster\"}");

    assertThatThrownBy(() -> mock.openVidu.mediaNodes().add("ws://10.0.0.1:8888", null, false))
        .isInstanceOfSatisfying(
            MediaNodeAlreadyAddedException.class,
            e -> assertThat(e.mediaNode()).isEqualTo("ws://10.0.0.1:8888"));
    assertThat(mock.request().getTarget()).isEqualTo("/openvidu/api/media-nodes");
  }

  @Test
  void addingANodeTheServerCannotReachIsMediaNodeUnreachable(MockOpenVidu mock) {
    mock.answer(404);

    assertThatThrownBy(() -> mock.openVidu.mediaNodes().add("ws://10.0.0.1:8888", null, false))
        .isInstanceOf(MediaNodeUnreachableException.class);
  }

  @Test
  void removeSendsTheDeletionStrategy(MockOpenVidu mock) throws Exception {
    mock.answer(204);

    MediaNodeRemoval removal =
        mock.openVidu.mediaNodes().remove("media_1", DeletionStrategy.NOW, false);

    RecordedRequest request = mock.request();
    assertThat(request.getMethod()).isEqualTo("DELETE");
    assertThat(request.getTarget())
        .isEqualTo("/openvidu/api/media-nodes/media_1?deletion-strategy=now");
    assertThat(removal).isEqualTo(MediaNodeRemoval.REMOVED);
  }

  @Test
  void aNodeLeftToTerminateWhenIdleIsReportedSo(MockOpenVidu mock) throws Exception {
    mock.answer(202, PLAIN_NODE);

    MediaNodeRemoval removal =
        mock.openVidu.mediaNodes().remove("media_1", DeletionStrategy.WHEN_NO_SESSIONS, true);

    assertThat(mock.request().getTarget())
        .isEqualTo(
            "/openvidu/api/media-nodes/media_1?deletion-strategy=when-no-sessions&wait=true");
    assertThat(removal).isEqualTo(MediaNodeRemoval.WAITING_IDLE_TO_TERMINATE);
  }

  @Test
  void removingANodeWithSessionsIfItHasNoneIsMediaNodeHasSessions(MockOpenVidu mock) {
    mock.answer(409, "{\"message\":\"Media node media_1 hosts 2 sessions\"}");

    assertThatThrownBy(
            () ->
                mock.openVidu
                    .mediaNodes()
                    .remove("media_1", DeletionStrategy.IF_NO_SESSIONS, false))
        .isInstanceOfSatisfying(
            MediaNodeHasSessionsException.class,
            e -> {
              assertThat(e.getStatus()).isEqualTo(409);
              assertThat(e.getServerMessage()).isEqualTo("Media node media_1 hosts 2 sessions");
            });
  }

  @Test
  void removingAnUnknownNodeIsMediaNodeNotFound(MockOpenVidu mock) {
    mock.answer(404);

    assertThatThrownBy(
            () -> mock.openVidu.mediaNodes().remove("media_1", DeletionStrategy.NOW, false))
        .isInstanceOf(MediaNodeNotFoundException.class);
  }

  @Test
  void changeStatusPatchesTheStatus(MockOpenVidu mock) throws Exception {
    mock.answer(200, PLAIN_NODE.replace("\"running\"", "\"waiting-idle-to-terminate\""));

    Optional<MediaNode> node =
        mock.openVidu
            .mediaNodes()
            .changeStatus("media_1", MediaNodeStatus.WAITING_IDLE_TO_TERMINATE);

    RecordedRequest request = mock.request();
    assertThat(request.getMethod()).isEqualTo("PATCH");
    assertThat(request.getTarget()).isEqualTo("/openvidu/api/media-nodes/media_1");
    assertThat(request.getBody().utf8()).isEqualTo("{\"status\":\"waiting-idle-to-terminate\"}");
    assertThat(node.get().status()).isEqualTo(MediaNodeStatus.WAITING_IDLE_TO_TERMINATE);
  }

  @Test
  void aStatusTheNodeHasAlreadyChangesNothing(MockOpenVidu mock) throws Exception {
    mock.answer(204);

    assertThat(mock.openVidu.mediaNodes().changeStatus("media_1", MediaNodeStatus.RUNNING))
        .isEmpty();
  }

  @Test
  void aTransitionNotAllowedIsMediaNodeTransition(MockOpenVidu mock) {
    mock.answer(400, "{\"message\":\"running cannot become launching\"}");

    assertThatThrownBy(
            () -> mock.openVidu.mediaNodes().changeStatus("media_1", MediaNodeStatus.LAUNCHING))
        .isInstanceOfSatisfying(
            MediaNodeTransitionException.class,
            e -> assertThat(e.getServerMessage()).isEqualTo("running cannot become launching"));
  }

  @Test
  void aNodeWithoutItsRequiredMembersIsAnUnreadableAnswer(MockOpenVidu mock) {
    mock.answer(200, "{\"id\":\"media_1\",\"status\":\"running\"}");

    assertThatThrownBy(() -> mock.openVidu.mediaNodes().get("media_1"))
        .isInstanceOf(OpenViduJavaClientException.class)
        .hasMessageContaining("mediaNode.launchingTime");
  }
}
