package io.openvidu.ha.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvidu.ha.it.rest.RestClient;
import io.openvidu.ha.server.testing.SimulatedParticipant;
import io.openvidu.java.client.Connection;
import io.openvidu.java.client.ConnectionProperties;
import io.openvidu.java.client.ConnectionType;
import io.openvidu.java.client.KurentoOptions;
import io.openvidu.java.client.MediaMode;
import io.openvidu.java.client.OpenVidu;
import io.openvidu.java.client.OpenViduHttpException;
import io.openvidu.java.client.OpenViduRole;
import io.openvidu.java.client.Publisher;
import io.openvidu.java.client.Recording;
import io.openvidu.java.client.RecordingLayout;
import io.openvidu.java.client.RecordingMode;
import io.openvidu.java.client.RecordingProperties;
import io.openvidu.java.client.Session;
import io.openvidu.java.client.SessionProperties;
import io.openvidu.java.client.TokenOptions;
import io.openvidu.java.client.VideoCodec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole REST API driven through {@code io.openvidu.java.client} against a 3-master reference
 * cluster, as a backend uses it. One source, run by several subclasses: our SDK in one JVM and
 * across master processes over Redis, and the official 2.20.0 client (which no one here wrote)
 * against one master, which proves the emulator speaks the real protocol. This class therefore uses
 * only the official client's API; where a client has no method for an endpoint (signals, media
 * nodes, configuration, health, downloads) it calls the REST API directly.
 *
 * <p>Every test works in sessions of its own (unique ids), so the cluster is shared by the whole
 * class.
 */
abstract class ApiScenarios {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  /**
   * The client these scenarios run against; where the two behave differently the README lists it.
   */
  protected static final ClientUnderTest CLIENT = ClientUnderTest.onClassPath();

  /** The client under test, as a backend would hold it; closed after each test. */
  protected OpenVidu openVidu;

  private final List<OpenVidu> otherClients = new ArrayList<>();
  private final List<SimulatedParticipant> participants = new ArrayList<>();

  /** The base URL of every master, in order. */
  protected abstract List<String> masterUrls();

  /** The cluster's secret. */
  protected abstract String secret();

  /** What the client under test is given: every master (the official client gets one). */
  protected String clientUrls() {
    return String.join(",", masterUrls());
  }

  @BeforeEach
  void createClient() {
    openVidu = new OpenVidu(clientUrls(), secret());
  }

  @AfterEach
  void closeClients() throws Exception {
    participants.forEach(SimulatedParticipant::close);
    close(openVidu);
    for (OpenVidu other : otherClients) {
      close(other);
    }
  }

  // ---------------------------------------------------------------------------------------------------- sessions

  @Test
  void sessionCreatedWithPropertiesIsSeenWithThemByAnotherBackendThroughAnotherMaster()
      throws Exception {
    String id = uniqueId("props");
    SessionProperties properties =
        new SessionProperties.Builder()
            .customSessionId(id)
            .mediaMode(MediaMode.ROUTED)
            .recordingMode(RecordingMode.MANUAL)
            .forcedVideoCodec(VideoCodec.VP9)
            .allowTranscoding(true)
            .defaultRecordingProperties(
                new RecordingProperties.Builder()
                    .name("default-name")
                    .outputMode(Recording.OutputMode.COMPOSED)
                    .recordingLayout(RecordingLayout.PICTURE_IN_PICTURE)
                    .resolution("640x480")
                    .frameRate(15)
                    .build())
            .build();

    Session created = openVidu.createSession(properties);
    OpenVidu other = clientOf(lastMaster());
    boolean changed = other.fetch();

    assertThat(created.getSessionId()).isEqualTo(id);
    assertThat(created.createdAt()).isPositive();
    assertThat(changed).isTrue();
    Session seen = activeSession(other, id).orElseThrow();
    assertThat(seen.createdAt()).isEqualTo(created.createdAt());
    assertThat(seen.getProperties().mediaMode()).isEqualTo(MediaMode.ROUTED);
    assertThat(seen.getProperties().recordingMode()).isEqualTo(RecordingMode.MANUAL);
    assertThat(seen.getProperties().forcedVideoCodec()).isEqualTo(VideoCodec.VP9);
    assertThat(seen.getProperties().isTranscodingAllowed()).isTrue();
    assertThat(seen.getProperties().customSessionId()).isEqualTo(id);
    RecordingProperties defaults = seen.getProperties().defaultRecordingProperties();
    assertThat(defaults.name()).isEqualTo("default-name");
    assertThat(defaults.recordingLayout()).isEqualTo(RecordingLayout.PICTURE_IN_PICTURE);
    assertThat(defaults.resolution()).isEqualTo("640x480");
    assertThat(defaults.frameRate()).isEqualTo(15);
    assertThat(seen.getConnections()).isEmpty();
    assertThat(seen.isBeingRecorded()).isFalse();
  }

  @Test
  void sessionWithoutCustomIdGetsAnIdInOpenViduFormat() throws Exception {
    Session session = openVidu.createSession();

    assertThat(session.getSessionId()).matches("ses_[A-Z][A-Za-z0-9]{9}");
    assertThat(session.createdAt()).isPositive();
    assertThat(openVidu.getActiveSessions())
        .extracting(Session::getSessionId)
        .contains(session.getSessionId());
  }

  @Test
  void sessionWithoutCustomIdIsReportedByTheServer() throws Exception {
    Session session = openVidu.createSession();
    OpenVidu other = clientOf(lastMaster());
    other.fetch();

    String reported =
        activeSession(other, session.getSessionId())
            .orElseThrow()
            .getProperties()
            .customSessionId();
    // Difference 3 (README): ours chooses the id on the client and sends it as a custom id (so that
    // a repeated
    // creation is recognised), so the server reports it as one; with the official client the server
    // chose it.
    assertThat(reported).isEqualTo(CLIENT == ClientUnderTest.OURS ? session.getSessionId() : "");
  }

  @Test
  void creatingATakenCustomSessionIdReturnsThatSessionWithoutFailing() throws Exception {
    String id = uniqueId("taken");
    openVidu.createSession(withId(id));

    Session again = clientOf(lastMaster()).createSession(withId(id));

    assertThat(again.getSessionId()).isEqualTo(id);
    assertThat(again.createdAt()).as("unknown for a session adopted after 409").isZero();
  }

  @Test
  void invalidCustomSessionIdIsRefusedWith400() {
    assertThatThrownBy(() -> openVidu.createSession(withId("not valid!")))
        .isInstanceOfSatisfying(
            OpenViduHttpException.class, e -> assertThat(e.getStatus()).isEqualTo(400));
  }

  @Test
  void wrongSecretIsRefusedWith401() throws Exception {
    OpenVidu intruder = new OpenVidu(clientUrls(), "not-the-secret");
    otherClients.add(intruder);

    assertThatThrownBy(intruder::createSession)
        .isInstanceOfSatisfying(
            OpenViduHttpException.class, e -> assertThat(e.getStatus()).isEqualTo(401));
  }

  @Test
  void closedSessionIsGoneForEveryMasterAndClosingItAgainIs404() throws Exception {
    Session session = openVidu.createSession(withId(uniqueId("closed")));

    session.close();

    assertThat(openVidu.getActiveSessions()).doesNotContain(session);
    for (String master : masterUrls()) {
      assertThat(rest(master).get("/openvidu/api/sessions/" + session.getSessionId()).status())
          .isEqualTo(404);
    }
    assertThatThrownBy(session::close)
        .isInstanceOfSatisfying(
            OpenViduHttpException.class, e -> assertThat(e.getStatus()).isEqualTo(404));
  }

  @Test
  void fetchForgetsASessionClosedByAnotherBackend() throws Exception {
    Session session = openVidu.createSession(withId(uniqueId("elsewhere")));
    OpenVidu other = clientOf(lastMaster());
    other.fetch();

    activeSession(other, session.getSessionId()).orElseThrow().close();
    boolean changed = openVidu.fetch();

    assertThat(changed).isTrue();
    assertThat(openVidu.getActiveSessions())
        .extracting(Session::getSessionId)
        .doesNotContain(session.getSessionId());
  }

  @Test
  void sessionFetchSeesAConnectionCreatedByAnotherBackend() throws Exception {
    Session session = openVidu.createSession(withId(uniqueId("fetch")));
    OpenVidu other = clientOf(lastMaster());
    other.fetch();
    Connection created =
        activeSession(other, session.getSessionId())
            .orElseThrow()
            .createConnection(new ConnectionProperties.Builder().data("from-other").build());

    boolean changed = session.fetch();
    boolean changedAgain = session.fetch();

    assertThat(changed).isTrue();
    assertThat(changedAgain).as("nothing changed since").isFalse();
    assertThat(session.getConnection(created.getConnectionId()).getServerData())
        .isEqualTo("from-other");
    assertThat(session.getActiveConnections()).isEmpty();
  }

  // ------------------------------------------------------------------------------------------------- connections

  @Test
  void createdConnectionIsPendingWithATokenForThisSession() throws Exception {
    Session session = openVidu.createSession(withId(uniqueId("pending")));

    Connection connection =
        session.createConnection(
            new ConnectionProperties.Builder()
                .type(ConnectionType.WEBRTC)
                .role(OpenViduRole.MODERATOR)
                .data("server-data")
                .record(false)
                .build());

    assertThat(connection.getConnectionId()).matches("con_[A-Z][A-Za-z0-9]{9}");
    assertThat(connection.getStatus()).isEqualTo("pending");
    assertThat(connection.getType()).isEqualTo(ConnectionType.WEBRTC);
    assertThat(connection.getRole()).isEqualTo(OpenViduRole.MODERATOR);
    assertThat(connection.getServerData()).isEqualTo("server-data");
    assertThat(connection.record()).isFalse();
    assertThat(connection.createdAt()).isPositive();
    assertThat(connection.activeAt()).isNull();
    assertThat(connection.getIp()).isNull();
    assertThat(connection.getPlatform()).isNull();
    assertThat(connection.getToken())
        .startsWith("ws://")
        .contains("sessionId=" + session.getSessionId())
        .containsPattern("token=tok_[A-Z][A-Za-z0-9]{15}");
    assertThat(session.getConnection(connection.getConnectionId())).isNotNull();
  }

  @Test
  void kurentoOptionsOfAConnectionAreKeptAsGiven() throws Exception {
    Session session = openVidu.createSession(withId(uniqueId("kurento")));

    Connection connection =
        session.createConnection(
            new ConnectionProperties.Builder()
                .kurentoOptions(
                    new KurentoOptions.Builder()
                        .videoMaxRecvBandwidth(1000)
                        .videoMinSendBandwidth(300)
                        .allowedFilters(new String[] {"GStreamerFilter", "ZBarFilter"})
                        .build())
                .build());
    session.fetch();

    JsonNode onServer =
        rest(lastMaster())
            .get(
                "/openvidu/api/sessions/"
                    + session.getSessionId()
                    + "/connection/"
                    + connection.getConnectionId())
            .json()
            .get("kurentoOptions");
    assertThat(onServer.get("videoMaxRecvBandwidth").asInt()).isEqualTo(1000);
    assertThat(onServer.get("videoMinSendBandwidth").asInt()).isEqualTo(300);
    assertThat(onServer.has("videoMinRecvBandwidth")).isFalse();
    assertThat(onServer.get("allowedFilters"))
        .extracting(JsonNode::asText)
        .containsExactly("GStreamerFilter", "ZBarFilter");
    // Difference 2 (README): Connection.kurentoOptions() is ours only; the official 2.20.0 jar
    // has no such method.
    if (CLIENT == ClientUnderTest.OURS) {
      KurentoOptions seen = session.getConnection(connection.getConnectionId()).kurentoOptions();
      assertThat(seen.getVideoMaxRecvBandwidth()).isEqualTo(1000);
      assertThat(seen.getVideoMinSendBandwidth()).isEqualTo(300);
      assertThat(seen.getVideoMinRecvBandwidth()).isNull();
      assertThat(seen.getAllowedFilters()).containsExactly("GStreamerFilter", "ZBarFilter");
      assertThat(seen.isFilterAllowed("ZBarFilter")).isTrue();
    }
  }

  @Test
  void sessionAskingForAMediaNodeIsPlacedOnIt() throws Exception {
    List<String> nodes = new ArrayList<>();
    rest(masterUrls().get(0))
        .get("/openvidu/api/media-nodes")
        .json()
        .get("content")
        .forEach(node -> nodes.add(node.get("id").asText()));
    String wanted = nodes.get(nodes.size() - 1);
    Session session =
        openVidu.createSession(
            new SessionProperties.Builder()
                .customSessionId(uniqueId("node"))
                .mediaNode(wanted)
                .build());

    session.createConnection(
        new ConnectionProperties.Builder()
            .type(ConnectionType.IPCAM)
            .rtspUri("rtsp://10.0.0.10/live")
            .build());

    assertThat(
            rest(lastMaster())
                .get("/openvidu/api/sessions/" + session.getSessionId())
                .json()
                .get("mediaNodeId")
                .asText())
        .isEqualTo(wanted);
  }

  @SuppressWarnings("deprecation")
  @Test
  void generatedTokenIsAPendingConnectionWithTheTokenOptions() throws Exception {
    Session session = openVidu.createSession(withId(uniqueId("token")));

    String token =
        session.generateToken(
            new TokenOptions.Builder().role(OpenViduRole.SUBSCRIBER).data("token-data").build());
    session.fetch();

    assertThat(session.getConnections())
        .singleElement()
        .satisfies(
            connection -> {
              assertThat(connection.getToken()).isEqualTo(token);
              assertThat(connection.getRole()).isEqualTo(OpenViduRole.SUBSCRIBER);
              assertThat(connection.getServerData()).isEqualTo("token-data");
              assertThat(connection.getStatus()).isEqualTo("pending");
            });
  }

  @Test
  void updatedConnectionHasItsNewRoleAndRecordFlagForEveryBackend() throws Exception {
    Session session = openVidu.createSession(withId(uniqueId("update")));
    Connection connection = session.createConnection();

    Connection updated =
        session.updateConnection(
            connection.getConnectionId(),
            new ConnectionProperties.Builder().role(OpenViduRole.SUBSCRIBER).record(false).build());
    OpenVidu other = clientOf(lastMaster());
    other.fetch();

    assertThat(updated.getRole()).isEqualTo(OpenViduRole.SUBSCRIBER);
    assertThat(updated.record()).isFalse();
    Connection seen =
        activeSession(other, session.getSessionId())
            .orElseThrow()
            .getConnection(connection.getConnectionId());
    assertThat(seen.getRole()).isEqualTo(OpenViduRole.SUBSCRIBER);
    assertThat(seen.record()).isFalse();
  }

  @Test
  void forceDisconnectOfAPendingConnectionInvalidatesIt() throws Exception {
    Session session = openVidu.createSession(withId(uniqueId("revoke")));
    Connection connection = session.createConnection();

    session.forceDisconnect(connection);
    session.fetch();

    assertThat(session.getConnections()).isEmpty();
    assertThatThrownBy(() -> session.forceDisconnect(connection.getConnectionId()))
        .isInstanceOfSatisfying(
            OpenViduHttpException.class, e -> assertThat(e.getStatus()).isEqualTo(404));
  }

  @Test
  void connectionToAClosedSessionIsRefusedWith404() throws Exception {
    Session session = openVidu.createSession(withId(uniqueId("gone")));
    session.close();

    assertThatThrownBy(session::createConnection)
        .isInstanceOfSatisfying(
            OpenViduHttpException.class, e -> assertThat(e.getStatus()).isEqualTo(404));
  }

  @Test
  void ipCameraJoinsAtOnceAsAnActivePublisherOnAMediaNode() throws Exception {
    Session session = openVidu.createSession(withId(uniqueId("ipcam")));

    Connection camera =
        session.createConnection(
            new ConnectionProperties.Builder()
                .type(ConnectionType.IPCAM)
                .rtspUri("rtsp://10.0.0.7:8554/live")
                .data("camera")
                .build());

    assertThat(camera.getStatus()).isEqualTo("active");
    assertThat(camera.getType()).isEqualTo(ConnectionType.IPCAM);
    assertThat(camera.getPlatform()).isEqualTo("IPCAM");
    assertThat(camera.getIp()).isEqualTo("10.0.0.7");
    assertThat(camera.getRtspUri()).isEqualTo("rtsp://10.0.0.7:8554/live");
    assertThat(camera.getToken()).isNull();
    assertThat(camera.adaptativeBitrate()).isTrue();
    assertThat(camera.onlyPlayWithSubscribers()).isTrue();
    assertThat(camera.getNetworkCache()).isEqualTo(2000);
    assertThat(camera.getPublishers())
        .singleElement()
        .satisfies(
            publisher -> {
              assertThat(publisher.getStreamId())
                  .startsWith("str_IPC_")
                  .endsWith(camera.getConnectionId());
              assertThat(publisher.hasVideo()).isTrue();
              assertThat(publisher.getTypeOfVideo()).isEqualTo("IPCAM");
            });
    JsonNode onServer =
        rest(lastMaster()).get("/openvidu/api/sessions/" + session.getSessionId()).json();
    assertThat(onServer.path("mediaNodeId").asText()).startsWith("media_");
  }

  @Test
  void forceUnpublishingAnIpCameraStreamIsRefusedWith405() throws Exception {
    Session session = openVidu.createSession(withId(uniqueId("ipcam405")));
    Connection camera =
        session.createConnection(
            new ConnectionProperties.Builder()
                .type(ConnectionType.IPCAM)
                .rtspUri("rtsp://10.0.0.8/live")
                .build());
    Publisher stream = camera.getPublishers().get(0);

    assertThatThrownBy(() -> session.forceUnpublish(stream))
        .isInstanceOfSatisfying(
            OpenViduHttpException.class, e -> assertThat(e.getStatus()).isEqualTo(405));
  }

  // ------------------------------------------------------------------------------------------------ participants

  @Test
  void participantsJoinedThroughDifferentMastersShowActiveWithTheirIpPlatformAndStreams()
      throws Exception {
    Session session = openVidu.createSession(withId(uniqueId("joined")));
    Connection aliceConnection =
        session.createConnection(new ConnectionProperties.Builder().data("alice").build());
    Connection bobConnection =
        session.createConnection(
            new ConnectionProperties.Builder().data("bob").role(OpenViduRole.SUBSCRIBER).build());
    SimulatedParticipant alice =
        join(aliceConnection, masterUrls().get(0), "Chrome 85.0 on Linux", "alice-client");
    SimulatedParticipant bob =
        join(bobConnection, lastMaster(), "Firefox 92.0 on Windows", "bob-client");
    String streamId = alice.publish();
    bob.subscribe(streamId);

    boolean changed = session.fetch();

    assertThat(changed).isTrue();
    assertThat(session.getActiveConnections()).hasSize(2);
    Connection aliceSeen = session.getConnection(alice.connectionId());
    assertThat(aliceSeen.getConnectionId()).isEqualTo(aliceConnection.getConnectionId());
    assertThat(aliceSeen.getStatus()).isEqualTo("active");
    assertThat(aliceSeen.activeAt()).isGreaterThanOrEqualTo(aliceSeen.createdAt());
    assertThat(aliceSeen.getIp()).isEqualTo("127.0.0.1");
    assertThat(aliceSeen.getPlatform()).isEqualTo("Chrome 85.0 on Linux");
    assertThat(aliceSeen.getClientData()).isEqualTo("alice-client");
    assertThat(aliceSeen.getServerData()).isEqualTo("alice");
    assertThat(aliceSeen.getLocation()).isEqualTo("unknown");
    assertThat(aliceSeen.getPublishers())
        .singleElement()
        .satisfies(
            publisher -> {
              assertThat(publisher.getStreamId()).isEqualTo(streamId);
              assertThat(publisher.createdAt()).isPositive();
              assertThat(publisher.hasAudio()).isTrue();
              assertThat(publisher.hasVideo()).isTrue();
              assertThat(publisher.isAudioActive()).isTrue();
              assertThat(publisher.isVideoActive()).isTrue();
              assertThat(publisher.getTypeOfVideo()).isEqualTo("CAMERA");
              assertThat(publisher.getFrameRate()).isEqualTo(30);
              assertThat(publisher.getVideoDimensions())
                  .isEqualTo("{\"width\":640,\"height\":480}");
            });
    Connection bobSeen = session.getConnection(bob.connectionId());
    assertThat(bobSeen.getRole()).isEqualTo(OpenViduRole.SUBSCRIBER);
    assertThat(bobSeen.getPlatform()).isEqualTo("Firefox 92.0 on Windows");
    assertThat(bobSeen.getPublishers()).isEmpty();
    assertThat(bobSeen.getSubscribers()).containsExactly(streamId);
  }

  @Test
  void joinedParticipantsAreSeenByOpenViduFetchOfAnotherBackend() throws Exception {
    Session session = openVidu.createSession(withId(uniqueId("fetched")));
    SimulatedParticipant alice = join(session.createConnection(), lastMaster(), "Chrome", "");

    OpenVidu other = clientOf(masterUrls().get(1));
    other.fetch();

    Session seen = activeSession(other, session.getSessionId()).orElseThrow();
    assertThat(seen.getActiveConnections())
        .extracting(Connection::getConnectionId)
        .containsExactly(alice.connectionId());
  }

  @Test
  void forceDisconnectEvictsAParticipantHeldByAnotherMaster() throws Exception {
    Session session = openVidu.createSession(withId(uniqueId("evict")));
    SimulatedParticipant alice =
        join(session.createConnection(), masterUrls().get(1), "Chrome", "");
    SimulatedParticipant bob = join(session.createConnection(), lastMaster(), "Firefox", "");
    session.fetch();

    session.forceDisconnect(bob.connectionId());

    bob.awaitNotification(
        "participantEvicted",
        Map.of("connectionId", bob.connectionId(), "reason", "forceDisconnectByServer"));
    alice.awaitNotification(
        "participantLeft",
        Map.of("connectionId", bob.connectionId(), "reason", "forceDisconnectByServer"));
    assertThat(session.getConnection(bob.connectionId())).isNull();
    session.fetch();
    assertThat(session.getActiveConnections())
        .extracting(Connection::getConnectionId)
        .containsExactly(alice.connectionId());
  }

  @Test
  void forceUnpublishStopsTheStreamForEveryoneAndTheOwnerStays() throws Exception {
    Session session = openVidu.createSession(withId(uniqueId("unpublish")));
    SimulatedParticipant alice =
        join(session.createConnection(), masterUrls().get(1), "Chrome", "");
    SimulatedParticipant bob = join(session.createConnection(), lastMaster(), "Firefox", "");
    String streamId = alice.publish();
    bob.subscribe(streamId);
    session.fetch();

    session.forceUnpublish(session.getConnection(alice.connectionId()).getPublishers().get(0));

    for (SimulatedParticipant participant : List.of(alice, bob)) {
      participant.awaitNotification(
          "participantUnpublished",
          Map.of("connectionId", alice.connectionId(), "reason", "forceUnpublishByServer"));
    }
    session.fetch();
    assertThat(session.getConnection(alice.connectionId()).getPublishers()).isEmpty();
    assertThat(session.getConnection(bob.connectionId()).getSubscribers()).isEmpty();
    assertThat(session.getActiveConnections()).hasSize(2);
  }

  @Test
  void updatingTheRoleOfAParticipantTellsIt() throws Exception {
    Session session = openVidu.createSession(withId(uniqueId("role")));
    SimulatedParticipant alice = join(session.createConnection(), lastMaster(), "Chrome", "");

    Connection updated =
        session.updateConnection(
            alice.connectionId(),
            new ConnectionProperties.Builder().role(OpenViduRole.MODERATOR).build());

    assertThat(updated.getRole()).isEqualTo(OpenViduRole.MODERATOR);
    // Difference 1 (README): the official client returns the object it cached at creation, with
    // only role and
    // record overwritten, so it still says "pending"; ours returns the server's answer.
    assertThat(updated.getStatus())
        .isEqualTo(CLIENT == ClientUnderTest.OFFICIAL ? "pending" : "active");
    alice.awaitNotification(
        "connectionPropertyChanged", Map.of("property", "role", "newValue", "MODERATOR"));
  }

  @Test
  void closingASessionEvictsItsParticipantsOnEveryMaster() throws Exception {
    Session session = openVidu.createSession(withId(uniqueId("closing")));
    SimulatedParticipant alice =
        join(session.createConnection(), masterUrls().get(1), "Chrome", "");
    SimulatedParticipant bob = join(session.createConnection(), lastMaster(), "Firefox", "");

    session.close();

    for (SimulatedParticipant participant : List.of(alice, bob)) {
      participant.awaitNotification(
          "participantEvicted",
          Map.of("connectionId", participant.connectionId(), "reason", "sessionClosedByServer"));
    }
    openVidu.fetch();
    assertThat(activeSession(openVidu, session.getSessionId())).isEmpty();
  }

  @Test
  void sessionClosesWhenItsLastParticipantLeaves() throws Exception {
    Session session = openVidu.createSession(withId(uniqueId("last")));
    SimulatedParticipant alice = join(session.createConnection(), lastMaster(), "Chrome", "");
    openVidu.fetch();

    alice.leave();

    await()
        .untilAsserted(
            () ->
                assertThat(
                        rest(masterUrls().get(0))
                            .get("/openvidu/api/sessions/" + session.getSessionId())
                            .status())
                    .isEqualTo(404));
    assertThat(openVidu.fetch()).isTrue();
    assertThat(activeSession(openVidu, session.getSessionId())).isEmpty();
  }

  // -------------------------------------------------------------------------------------------------- recordings

  @Test
  void composedRecordingStoppedThroughTheClientTurnsReadyAndDownloadsAsTheMp4ItsSizeAnnounces()
      throws Exception {
    Session session = openVidu.createSession(withId(uniqueId("composed")));
    SimulatedParticipant alice = join(session.createConnection(), lastMaster(), "Chrome", "");
    alice.publish();

    Recording started =
        openVidu.startRecording(
            session.getSessionId(),
            new RecordingProperties.Builder()
                .name("composed-rec")
                .outputMode(Recording.OutputMode.COMPOSED)
                .resolution("640x480")
                .frameRate(24)
                .build());
    Recording stopped = openVidu.stopRecording(started.getId());
    Recording ready = awaitReady(started.getId());

    assertThat(started.getStatus()).isEqualTo(Recording.Status.started);
    assertThat(started.getId()).isEqualTo(session.getSessionId());
    assertThat(started.getSessionId()).isEqualTo(session.getSessionId());
    assertThat(started.getUrl()).isNull();
    assertThat(stopped.getStatus()).isEqualTo(Recording.Status.stopped);
    assertThat(ready.getName()).isEqualTo("composed-rec");
    assertThat(ready.getOutputMode()).isEqualTo(Recording.OutputMode.COMPOSED);
    assertThat(ready.getResolution()).isEqualTo("640x480");
    assertThat(ready.getFrameRate()).isEqualTo(24);
    assertThat(ready.getDuration()).isPositive();
    assertThat(ready.getUrl())
        .endsWith("/openvidu/recordings/" + started.getId() + "/composed-rec.mp4");
    RestClient.Reply file = rest(masterUrls().get(0)).download(ready.getUrl());
    assertThat(file.status()).isEqualTo(200);
    assertThat((long) file.body().length).isEqualTo(ready.getSize()).isPositive();
    assertThat(new String(file.body(), 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
  }

  @Test
  void individualRecordingDownloadsAsAZipOfOneFilePerStreamWithItsMetadata() throws Exception {
    Session session = openVidu.createSession(withId(uniqueId("individual")));
    SimulatedParticipant alice =
        join(
            session.createConnection(new ConnectionProperties.Builder().data("alice").build()),
            masterUrls().get(0),
            "Chrome",
            "");
    SimulatedParticipant bob =
        join(
            session.createConnection(new ConnectionProperties.Builder().data("bob").build()),
            lastMaster(),
            "Firefox",
            "");
    String aliceStream = alice.publish();
    String bobStream = bob.publish();

    Recording started =
        openVidu.startRecording(
            session.getSessionId(),
            new RecordingProperties.Builder()
                .name("individual-rec")
                .outputMode(Recording.OutputMode.INDIVIDUAL)
                .build());
    openVidu.stopRecording(started.getId());
    Recording ready = awaitReady(started.getId());

    assertThat(ready.getOutputMode()).isEqualTo(Recording.OutputMode.INDIVIDUAL);
    assertThat(ready.getUrl()).endsWith("/individual-rec.zip");
    Map<String, byte[]> entries = unzip(rest(lastMaster()).download(ready.getUrl()).body());
    assertThat(entries.keySet())
        .containsExactlyInAnyOrder(
            "individual-rec.json", aliceStream + ".webm", bobStream + ".webm");
    JsonNode metadata = new ObjectMapper().readTree(entries.get("individual-rec.json"));
    assertThat(metadata.get("id").asText()).isEqualTo(started.getId());
    assertThat(metadata.get("sessionId").asText()).isEqualTo(session.getSessionId());
    assertThat(metadata.get("files"))
        .extracting(
            f ->
                f.get("streamId").asText()
                    + "@"
                    + f.get("connectionId").asText()
                    + "/"
                    + f.get("serverData").asText()
                    + ":"
                    + f.get("size").asLong())
        .containsExactlyInAnyOrder(
            aliceStream
                + "@"
                + alice.connectionId()
                + "/alice:"
                + entries.get(aliceStream + ".webm").length,
            bobStream
                + "@"
                + bob.connectionId()
                + "/bob:"
                + entries.get(bobStream + ".webm").length);
    assertThat(ready.getSize())
        .isEqualTo(
            entries.get(aliceStream + ".webm").length + entries.get(bobStream + ".webm").length);
  }

  @Test
  void recordingIsListedUntilDeleted() throws Exception {
    Session session = openVidu.createSession(withId(uniqueId("listed")));
    join(session.createConnection(), lastMaster(), "Chrome", "").publish();
    Recording started = openVidu.startRecording(session.getSessionId());
    openVidu.stopRecording(started.getId());
    awaitReady(started.getId());

    assertThat(openVidu.listRecordings()).extracting(Recording::getId).contains(started.getId());
    openVidu.deleteRecording(started.getId());

    assertThat(openVidu.listRecordings())
        .extracting(Recording::getId)
        .doesNotContain(started.getId());
    assertThatThrownBy(() -> openVidu.getRecording(started.getId()))
        .isInstanceOfSatisfying(
            OpenViduHttpException.class, e -> assertThat(e.getStatus()).isEqualTo(404));
  }

  @Test
  void sessionBeingRecordedIsSeenSoByEveryBackendAndASecondStartIs409() throws Exception {
    Session session = openVidu.createSession(withId(uniqueId("recorded")));
    join(session.createConnection(), lastMaster(), "Chrome", "").publish();

    Recording started = openVidu.startRecording(session.getSessionId(), "first");
    OpenVidu other = clientOf(lastMaster());
    other.fetch();

    assertThat(session.isBeingRecorded()).isTrue();
    assertThat(activeSession(other, session.getSessionId()).orElseThrow().isBeingRecorded())
        .isTrue();
    assertThatThrownBy(() -> other.startRecording(session.getSessionId(), "second"))
        .isInstanceOfSatisfying(
            OpenViduHttpException.class, e -> assertThat(e.getStatus()).isEqualTo(409));
    openVidu.stopRecording(started.getId());
    assertThat(session.isBeingRecorded()).isFalse();
  }

  @Test
  void startRecordingWithDefaultsRecordsComposedEvenWhenTheSessionDefaultIsIndividual()
      throws Exception {
    Session session =
        openVidu.createSession(
            new SessionProperties.Builder()
                .customSessionId(uniqueId("default"))
                .defaultRecordingProperties(
                    new RecordingProperties.Builder()
                        .outputMode(Recording.OutputMode.INDIVIDUAL)
                        .build())
                .build());
    join(session.createConnection(), lastMaster(), "Chrome", "").publish();

    Recording started = openVidu.startRecording(session.getSessionId());
    openVidu.stopRecording(started.getId());

    // Both clients send every property explicitly (rest-api.md 5.7), overriding the session's
    // default.
    assertThat(started.getOutputMode()).isEqualTo(Recording.OutputMode.COMPOSED);
    assertThat(started.getResolution()).isEqualTo("1280x720");
    assertThat(started.getFrameRate()).isEqualTo(25);
  }

  @Test
  void recordingARelayedSessionIsRefusedWith409() throws Exception {
    Session session =
        openVidu.createSession(
            new SessionProperties.Builder()
                .customSessionId(uniqueId("relayed"))
                .mediaMode(MediaMode.RELAYED)
                .build());
    join(session.createConnection(), lastMaster(), "Chrome", "");

    assertThatThrownBy(() -> openVidu.startRecording(session.getSessionId()))
        .isInstanceOfSatisfying(
            OpenViduHttpException.class, e -> assertThat(e.getStatus()).isEqualTo(409));
  }

  @Test
  void recordingASessionNobodyJoinedIsRefusedWith406() throws Exception {
    Session session = openVidu.createSession(withId(uniqueId("empty")));

    assertThatThrownBy(() -> openVidu.startRecording(session.getSessionId()))
        .isInstanceOfSatisfying(
            OpenViduHttpException.class, e -> assertThat(e.getStatus()).isEqualTo(406));
  }

  // --------------------------------------------------------------------------- signals, media
  // nodes, configuration

  @Test
  void signalReachesTheNamedParticipantsOnWhicheverMasterTheyAre() throws Exception {
    Session session = openVidu.createSession(withId(uniqueId("signal")));
    SimulatedParticipant alice =
        join(session.createConnection(), masterUrls().get(1), "Chrome", "");
    SimulatedParticipant bob = join(session.createConnection(), lastMaster(), "Firefox", "");

    RestClient.Reply toBob =
        rest(masterUrls().get(0))
            .post(
                "/openvidu/api/signal",
                "{\"session\":\""
                    + session.getSessionId()
                    + "\",\"type\":\"private\",\"data\":\"for bob\",\"to\":[\""
                    + bob.connectionId()
                    + "\"]}");
    RestClient.Reply toAll =
        rest(masterUrls().get(0))
            .post(
                "/openvidu/api/signal",
                "{\"session\":\""
                    + session.getSessionId()
                    + "\",\"type\":\"chat\",\"data\":\"for all\"}");

    assertThat(toBob.status()).isEqualTo(200);
    assertThat(toAll.status()).isEqualTo(200);
    bob.awaitNotification("sendMessage", Map.of("data", "for bob", "type", "private"));
    for (SimulatedParticipant participant : List.of(alice, bob)) {
      participant.awaitNotification("sendMessage", Map.of("data", "for all", "type", "chat"));
    }
    assertThat(alice.notifications("sendMessage"))
        .noneMatch(n -> "for bob".equals(n.param("data")));
  }

  @Test
  void signalToASessionNobodyJoinedIsRefusedWith406() throws Exception {
    Session session = openVidu.createSession(withId(uniqueId("signal406")));

    RestClient.Reply reply =
        rest(lastMaster())
            .post(
                "/openvidu/api/signal",
                "{\"session\":\""
                    + session.getSessionId()
                    + "\",\"type\":\"chat\",\"data\":\"hello\"}");

    assertThat(reply.status()).isEqualTo(406);
  }

  @Test
  void everyMasterListsTheSameRunningMediaNodes() {
    List<JsonNode> lists =
        masterUrls().stream()
            .map(url -> rest(url).get("/openvidu/api/media-nodes").json())
            .toList();

    JsonNode first = lists.get(0);
    assertThat(first.get("numberOfElements").asInt())
        .isEqualTo(first.get("content").size())
        .isPositive();
    first
        .get("content")
        .forEach(
            node -> {
              assertThat(node.get("id").asText()).startsWith("media_");
              assertThat(node.get("status").asText()).isEqualTo("running");
              assertThat(node.get("connected").asBoolean()).isTrue();
            });
    lists.forEach(
        list -> assertThat(ids(list.get("content"))).isEqualTo(ids(first.get("content"))));
  }

  @Test
  void mediaNodeHostingASessionListsIt() throws Exception {
    Session session = openVidu.createSession(withId(uniqueId("placed")));
    session.createConnection(
        new ConnectionProperties.Builder()
            .type(ConnectionType.IPCAM)
            .rtspUri("rtsp://10.0.0.9/live")
            .build());
    String nodeId =
        rest(masterUrls().get(0))
            .get("/openvidu/api/sessions/" + session.getSessionId())
            .json()
            .get("mediaNodeId")
            .asText();

    JsonNode node =
        rest(lastMaster()).get("/openvidu/api/media-nodes/" + nodeId + "?sessions=true").json();

    assertThat(node.get("status").asText()).isEqualTo("running");
    assertThat(ids(node.get("sessions"))).contains(session.getSessionId());
  }

  @Test
  void everyMasterReportsTheSameConfiguration() {
    List<JsonNode> configs =
        masterUrls().stream().map(url -> rest(url).get("/openvidu/api/config").json()).toList();

    JsonNode config = configs.get(0);
    assertThat(config.get("VERSION").asText()).isEqualTo("2.20.0");
    assertThat(config.get("OPENVIDU_PRO_CLUSTER_MEDIA_NODES").asInt())
        .isEqualTo(
            rest(lastMaster())
                .get("/openvidu/api/media-nodes")
                .json()
                .get("numberOfElements")
                .asInt());
    assertThat(config.get("OPENVIDU_RECORDING").asBoolean()).isTrue();
    assertThat(config.get("OPENVIDU_PUBLICURL").asText()).startsWith("http://127.0.0.1:");
    configs.forEach(other -> assertThat(other).isEqualTo(config));
  }

  @Test
  void everyMasterIsHealthy() {
    for (String master : masterUrls()) {
      RestClient.Reply health = rest(master).get("/openvidu/api/health");
      assertThat(health.status()).isEqualTo(200);
      assertThat(health.json().get("status").asText()).isEqualTo("UP");
    }
  }

  // ----------------------------------------------------------------------------------------------------- helpers

  /** A session id no other test uses. */
  protected static String uniqueId(String prefix) {
    return prefix
        + "-"
        + SEQUENCE.incrementAndGet()
        + "-"
        + Long.toString(System.nanoTime() & 0xffffff, 36);
  }

  protected static SessionProperties withId(String id) {
    return new SessionProperties.Builder().customSessionId(id).build();
  }

  /** The last master: "another master" than the one a single-URL client talks to. */
  protected String lastMaster() {
    List<String> urls = masterUrls();
    return urls.get(urls.size() - 1);
  }

  /** A second backend, talking to {@code url} only; closed after the test. */
  protected OpenVidu clientOf(String url) {
    OpenVidu client = new OpenVidu(url, secret());
    otherClients.add(client);
    return client;
  }

  protected RestClient rest(String master) {
    return RestClient.of(master, secret());
  }

  protected static Optional<Session> activeSession(OpenVidu client, String sessionId) {
    return client.getActiveSessions().stream()
        .filter(s -> s.getSessionId().equals(sessionId))
        .findFirst();
  }

  private static List<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(
        element -> ids.add(element.has("id") ? element.get("id").asText() : element.asText()));
    ids.sort(null);
    return ids;
  }

  /**
   * Waits until the recording is {@code ready} (processing a stopped recording takes a moment) and
   * returns it.
   */
  protected Recording awaitReady(String recordingId) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> openVidu.getRecording(recordingId).getStatus(),
            status -> status == Recording.Status.ready);
    try {
      return openVidu.getRecording(recordingId);
    } catch (Exception e) {
      throw new AssertionError("recording " + recordingId + " could not be read", e);
    }
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  /**
   * A participant joining with the connection's token through {@code master}; leaves after the
   * test.
   */
  protected SimulatedParticipant join(
      Connection connection, String master, String platform, String metadata) {
    SimulatedParticipant participant =
        SimulatedParticipant.builder(connection.getToken())
            .via(URI.create(master))
            .platform(platform)
            .metadata(metadata)
            .timeout(Duration.ofSeconds(10))
            .join();
    participants.add(participant);
    return participant;
  }

  /** Ours is {@link AutoCloseable}; the official client has nothing to close. */
  private static void close(OpenVidu client) throws Exception {
    Object maybeCloseable = client;
    if (maybeCloseable instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}
