package io.openvidu.ha.it.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvidu.ha.it.scenarios.ClientUnderTest;
import io.openvidu.ha.it.scenarios.ForClient;
import io.openvidu.ha.server.testing.OpenViduClusterExtension;
import io.openvidu.ha.server.testing.SimulatedParticipant;
import io.openvidu.java.client.Connection;
import io.openvidu.java.client.ConnectionProperties;
import io.openvidu.java.client.InvalidSignalRecipientsException;
import io.openvidu.java.client.OpenVidu;
import io.openvidu.java.client.Session;
import io.openvidu.java.client.SessionNotActiveException;
import io.openvidu.java.client.SessionNotFoundException;
import io.openvidu.java.client.Signal;
import io.openvidu.java.client.deployment.EndpointHealth;
import io.openvidu.java.client.deployment.HealthReport;
import io.openvidu.java.client.deployment.OpenViduConfiguration;
import io.openvidu.java.client.medianode.DeletionStrategy;
import io.openvidu.java.client.medianode.MediaNode;
import io.openvidu.java.client.medianode.MediaNodeAlreadyAddedException;
import io.openvidu.java.client.medianode.MediaNodeDetail;
import io.openvidu.java.client.medianode.MediaNodeHasSessionsException;
import io.openvidu.java.client.medianode.MediaNodeNotFoundException;
import io.openvidu.java.client.medianode.MediaNodeRemoval;
import io.openvidu.java.client.medianode.MediaNodeTransitionException;
import io.openvidu.java.client.medianode.MediaNodes;
import io.openvidu.java.client.webhook.MediaNodeStatus;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SDK's calls beyond the official client's (signals, one session by id, media nodes,
 * configuration, health) against a reference cluster of two masters: each call's success and its
 * refusals, as the cluster really answers them. Public API only.
 */
@ForClient(ClientUnderTest.OURS)
class SdkAdditionsAgainstClusterTest {

  @RegisterExtension
  static final OpenViduClusterExtension CLUSTER =
      OpenViduClusterExtension.builder().masters(2).mediaNodes(2).build();

  private OpenVidu openVidu;

  @BeforeEach
  void connect() {
    openVidu = new OpenVidu(CLUSTER.urls(), CLUSTER.secret());
  }

  @AfterEach
  void close() {
    openVidu.close();
  }

  @Test
  void aSignalReachesTheChosenParticipantThroughAnotherMaster() throws Exception {
    Session session = openVidu.createSession();
    try (SimulatedParticipant ana = join(session, 1);
        SimulatedParticipant ben = join(session, 0)) {

      openVidu.sendSignal(
          Signal.builder(session.getSessionId())
              .to(ana.connectionId())
              .type("chat")
              .data("hello ana")
              .build());

      SimulatedParticipant.Notification received =
          ana.awaitNotification("sendMessage", Map.of("type", "chat"));
      assertThat(received.param("data")).isEqualTo("hello ana");
      assertThat(received.params().has("from")).isFalse();
      openVidu.sendSignal(Signal.builder(session.getSessionId()).type("all").build());
      ben.awaitNotification("sendMessage", Map.of("type", "all"));
      assertThat(ben.notifications("sendMessage")).hasSize(1);
    }
  }

  @Test
  void aSignalToAParticipantNotConnectedIsSentToNobody() throws Exception {
    Session session = openVidu.createSession();
    Connection pending = session.createConnection(new ConnectionProperties.Builder().build());
    try (SimulatedParticipant ana = join(session, 0)) {

      assertThatThrownBy(
              () ->
                  openVidu.sendSignal(
                      Signal.builder(session.getSessionId())
                          .to(ana.connectionId(), pending.getConnectionId())
                          .type("chat")
                          .build()))
          .isInstanceOf(InvalidSignalRecipientsException.class);
      openVidu.sendSignal(Signal.builder(session.getSessionId()).type("after").build());
      ana.awaitNotification("sendMessage", Map.of("type", "after"));
      assertThat(ana.notifications("sendMessage")).hasSize(1);
    }
  }

  @Test
  void aSignalToASessionNobodyJoinedOrToNoSessionIsRefused() throws Exception {
    Session session = openVidu.createSession();

    assertThatThrownBy(() -> openVidu.sendSignal(Signal.builder(session.getSessionId()).build()))
        .isInstanceOf(SessionNotActiveException.class);
    assertThatThrownBy(() -> openVidu.sendSignal(Signal.builder("noSuchSession").build()))
        .isInstanceOf(SessionNotFoundException.class);
  }

  @Test
  void oneSessionByIdComesWithItsConnectionsAsTheListHasThem() throws Exception {
    Session created = openVidu.createSession();
    Connection connection = created.createConnection(new ConnectionProperties.Builder().build());

    try (OpenVidu other = new OpenVidu(CLUSTER.urls(), CLUSTER.secret())) {
      Session fetched = other.fetchSession(created.getSessionId()).orElseThrow();
      other.fetch();
      Session listed =
          other.getActiveSessions().stream()
              .filter(s -> s.getSessionId().equals(created.getSessionId()))
              .findFirst()
              .orElseThrow();

      assertThat(listed).isSameAs(fetched);
      assertThat(fetched.getConnection(connection.getConnectionId()).getStatus())
          .isEqualTo("pending");
      created.close();
      assertThat(other.fetchSession(created.getSessionId())).isEmpty();
      assertThat(other.getActiveSessions()).doesNotContain(fetched);
    }
  }

  @Test
  void theMediaNodesAreListedRunningWithTheSessionsTheyHost() throws Exception {
    Session session = openVidu.createSession();
    try (SimulatedParticipant ana = join(session, 0)) {
      assertThat(ana.isConnected()).isTrue();
      List<MediaNode> nodes = openVidu.mediaNodes().list(MediaNodeDetail.SESSIONS);

      assertThat(nodes).hasSize(2).allMatch(node -> node.status() == MediaNodeStatus.RUNNING);
      assertThat(nodes)
          .flatExtracting(MediaNode::sessionIds)
          .containsOnlyOnce(session.getSessionId());
    }
  }

  @Test
  void aMediaNodeIsAddedChangedAndRemoved() throws Exception {
    MediaNodes mediaNodes = openVidu.mediaNodes();
    MediaNode added = mediaNodes.add("ws://10.17.0.1:8888/kurento", "it17added", true);

    assertThat(added.id()).isEqualTo("media_it17added");
    assertThat(mediaNodes.get(added.id()).status()).isEqualTo(MediaNodeStatus.RUNNING);
    assertThatThrownBy(() -> mediaNodes.add("ws://10.17.0.1:8888/kurento", null, false))
        .isInstanceOf(MediaNodeAlreadyAddedException.class);
    assertThat(mediaNodes.changeStatus(added.id(), MediaNodeStatus.RUNNING)).isEmpty();
    assertThatThrownBy(() -> mediaNodes.changeStatus(added.id(), MediaNodeStatus.LAUNCHING))
        .isInstanceOf(MediaNodeTransitionException.class);
    assertThat(mediaNodes.remove(added.id(), DeletionStrategy.NOW, true))
        .isEqualTo(MediaNodeRemoval.REMOVED);
    assertThatThrownBy(() -> mediaNodes.get(added.id()))
        .isInstanceOf(MediaNodeNotFoundException.class);
  }

  @Test
  void discoveryBringsBackARemovedMediaNodeAndAnswersIt() throws Exception {
    MediaNodes mediaNodes = openVidu.mediaNodes();
    List<MediaNode> before = mediaNodes.list();
    MediaNode removed = before.get(0);
    assertThat(mediaNodes.remove(removed.id(), DeletionStrategy.NOW, true))
        .isEqualTo(MediaNodeRemoval.REMOVED);

    List<MediaNode> discovered = mediaNodes.discover();

    assertThat(discovered)
        .singleElement()
        .satisfies(node -> assertThat(node.status()).isEqualTo(MediaNodeStatus.RUNNING));
    assertThat(mediaNodes.list()).hasSameSizeAs(before);
    assertThat(openVidu.async().mediaNodes().discover().get(30, TimeUnit.SECONDS))
        .as("nothing left to discover")
        .isEmpty();
  }

  @Test
  void anIdleMediaNodeSetToTerminateWhenIdleLeavesTheCluster() throws Exception {
    MediaNodes mediaNodes = openVidu.mediaNodes();
    MediaNode added = mediaNodes.add("ws://10.17.0.2:8888/kurento", "it17idle", true);

    assertThat(mediaNodes.changeStatus(added.id(), MediaNodeStatus.WAITING_IDLE_TO_TERMINATE))
        .hasValueSatisfying(
            node -> assertThat(node.status()).isEqualTo(MediaNodeStatus.WAITING_IDLE_TO_TERMINATE));
    assertThatThrownBy(() -> mediaNodes.get(added.id()))
        .isInstanceOf(MediaNodeNotFoundException.class);
  }

  @Test
  void aMediaNodeHostingSessionsIsNotRemovedIfItMustHaveNone() throws Exception {
    Session session = openVidu.createSession();
    try (SimulatedParticipant ana = join(session, 0)) {
      assertThat(ana.isConnected()).isTrue();
      String hosting =
          openVidu.mediaNodes().list(MediaNodeDetail.SESSIONS).stream()
              .filter(node -> node.sessionIds().contains(session.getSessionId()))
              .findFirst()
              .orElseThrow()
              .id();

      assertThatThrownBy(
              () -> openVidu.mediaNodes().remove(hosting, DeletionStrategy.IF_NO_SESSIONS, false))
          .isInstanceOf(MediaNodeHasSessionsException.class);
      assertThat(openVidu.mediaNodes().get(hosting).status()).isEqualTo(MediaNodeStatus.RUNNING);
    }
  }

  @Test
  void theConfigurationIsTheClusters() throws Exception {
    OpenViduConfiguration config = openVidu.getConfiguration();

    assertThat(config.version()).isEqualTo("2.20.0");
    assertThat(config.publicUrl()).isEqualTo(CLUSTER.urlList().get(0));
    assertThat(config.recordingEnabled()).isTrue();
    assertThat(config.mediaNodeCount()).isPresent();
    assertThat(config.members()).containsKey("OPENVIDU_PRO_CLUSTER_ID");
  }

  @Test
  void healthReportsAStoppedMasterAsUnreachableAndTheOtherUp() throws Exception {
    assertThat(openVidu.health().isAllUp()).isTrue();

    CLUSTER.master(1).stop();
    try {
      HealthReport report = openVidu.health();

      assertThat(report.endpoints())
          .extracting(EndpointHealth::state)
          .containsExactly(EndpointHealth.State.UP, EndpointHealth.State.UNREACHABLE);
      assertThat(report.isAnyUp()).isTrue();
    } finally {
      CLUSTER.master(1).start();
    }
  }

  private static SimulatedParticipant join(Session session, int master) throws Exception {
    Connection connection = session.createConnection(new ConnectionProperties.Builder().build());
    return SimulatedParticipant.builder(connection.getToken())
        .via(URI.create(CLUSTER.urlList().get(master)))
        .join();
  }
}
