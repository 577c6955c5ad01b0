package io.openvidu.java.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MockOpenViduExtension.class)
class ConnectionOperationsTest {

  private static final String CONNECTIONS_PATH = "/openvidu/api/sessions/ses_YnDaGYNcd7/connection";

  @Test
  void createConnectionWithoutPropertiesSendsTheOfficialDefaultBody(MockOpenVidu mock)
      throws Exception {
    Session session = mock.createExampleSession();
    mock.answer(200, SpecExamples.pendingConnection());

    session.createConnection();

    RecordedRequest request = mock.request();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo(CONNECTIONS_PATH);
    assertThat(request.getHeaders().get("Authorization")).isEqualTo(MockOpenVidu.AUTHORIZATION);
    assertThat(MockOpenVidu.json(request))
        .isEqualTo(
            SpecExamples.JSON.readTree(
                "{\"session\":\"ses_YnDaGYNcd7\",\"type\":\"WEBRTC\",\"data\":\"\",\"record\":true,"
                    + "\"role\":\"PUBLISHER\",\"kurentoOptions\":null,\"rtspUri\":null,\"adaptativeBitrate\":null,"
                    + "\"onlyPlayWithSubscribers\":null,\"networkCache\":null}"));
  }

  @Test
  void createConnectionSendsGivenWebRtcProperties(MockOpenVidu mock) throws Exception {
    Session session = mock.createExampleSession();
    mock.answer(200, SpecExamples.pendingConnection());

    session.createConnection(
        new ConnectionProperties.Builder()
            .type(ConnectionType.WEBRTC)
            .data("My Server Data")
            .record(false)
            .role(OpenViduRole.MODERATOR)
            .kurentoOptions(
                new KurentoOptions.Builder()
                    .videoMaxSendBandwidth(777)
                    .allowedFilters(new String[] {"GStreamerFilter"})
                    .build())
            .build());

    JsonNode body = mock.requestBody();
    assertThat(body.get("data").asText()).isEqualTo("My Server Data");
    assertThat(body.get("record").booleanValue()).isFalse();
    assertThat(body.get("role").asText()).isEqualTo("MODERATOR");
    assertThat(body.get("kurentoOptions"))
        .isEqualTo(
            SpecExamples.JSON.readTree(
                "{\"videoMaxSendBandwidth\":777,\"allowedFilters\":[\"GStreamerFilter\"]}"));
  }

  @Test
  void createConnectionSendsIpCameraProperties(MockOpenVidu mock) throws Exception {
    Session session = mock.createExampleSession();
    mock.answer(200, SpecExamples.ipCameraConnection());

    session.createConnection(
        new ConnectionProperties.Builder()
            .type(ConnectionType.IPCAM)
            .rtspUri("rtsp://dummyurl.com")
            .adaptativeBitrate(false)
            .onlyPlayWithSubscribers(false)
            .networkCache(500)
            .build());

    JsonNode body = mock.requestBody();
    assertThat(body.get("type").asText()).isEqualTo("IPCAM");
    assertThat(body.get("rtspUri").asText()).isEqualTo("rtsp://dummyurl.com");
    assertThat(body.get("adaptativeBitrate").booleanValue()).isFalse();
    assertThat(body.get("onlyPlayWithSubscribers").booleanValue()).isFalse();
    assertThat(body.get("networkCache").intValue()).isEqualTo(500);
    assertThat(body.get("role").isNull()).isTrue();
  }

  @Test
  void createConnectionReturnsThePendingConnection(MockOpenVidu mock) throws Exception {
    Session session = mock.createExampleSession();
    mock.answer(200, SpecExamples.pendingConnection());

    Connection connection = session.createConnection();

    assertThat(connection.getConnectionId()).isEqualTo("con_Xnxg19tonh");
    assertThat(connection.getStatus()).isEqualTo("pending");
    assertThat(connection.createdAt()).isEqualTo(1538481999022L);
    assertThat(connection.activeAt()).isNull();
    assertThat(connection.getType()).isEqualTo(ConnectionType.WEBRTC);
    assertThat(connection.getRole()).isEqualTo(OpenViduRole.PUBLISHER);
    assertThat(connection.record()).isTrue();
    assertThat(connection.getServerData()).isEqualTo("My Server Data");
    assertThat(connection.getToken())
        .isEqualTo("wss://localhost:4443?sessionId=ses_YnDaGYNcd7&token=tok_AVe8o7iltWqtijyl");
    assertThat(connection.getIp()).isNull();
    assertThat(connection.getLocation()).isNull();
    assertThat(connection.getPlatform()).isNull();
    assertThat(connection.getClientData()).isNull();
    assertThat(connection.getPublishers()).isEmpty();
    assertThat(connection.getSubscribers()).isEmpty();
    assertThat(connection.kurentoOptions()).isNull();
  }

  @Test
  void createdConnectionJoinsTheSessionsConnections(MockOpenVidu mock) throws Exception {
    Session session = mock.createExampleSession();
    mock.answer(200, SpecExamples.pendingConnection());

    Connection connection = session.createConnection();

    assertThat(session.getConnections()).containsExactly(connection);
    assertThat(session.getConnection("con_Xnxg19tonh")).isSameAs(connection);
    assertThat(session.getActiveConnections()).isEmpty();
  }

  @Test
  void createConnectionReturnsAnIpCameraWithItsFields(MockOpenVidu mock) throws Exception {
    Session session = mock.createExampleSession();
    mock.answer(200, SpecExamples.ipCameraConnection());

    Connection camera =
        session.createConnection(
            new ConnectionProperties.Builder()
                .type(ConnectionType.IPCAM)
                .rtspUri("rtsp://dummyurl.com")
                .build());

    assertThat(camera.getType()).isEqualTo(ConnectionType.IPCAM);
    assertThat(camera.getStatus()).isEqualTo("active");
    assertThat(camera.getRtspUri()).isEqualTo("rtsp://dummyurl.com");
    assertThat(camera.adaptativeBitrate()).isTrue();
    assertThat(camera.onlyPlayWithSubscribers()).isTrue();
    assertThat(camera.getNetworkCache()).isEqualTo(2000);
    assertThat(camera.getPlatform()).isEqualTo("IPCAM");
    assertThat(camera.getToken()).isNull();
    assertThat(camera.getRole()).isNull();
    assertThat(camera.getIp()).isEqualTo("203.0.113.10");
    assertThat(camera.getPublishers())
        .singleElement()
        .satisfies(
            publisher -> {
              assertThat(publisher.getTypeOfVideo()).isEqualTo("IPCAM");
              assertThat(publisher.getFrameRate()).isNull();
              assertThat(publisher.getVideoDimensions()).isNull();
            });
  }

  @Test
  void activeConnectionExposesIpLocationPlatformAndClientData(MockOpenVidu mock) throws Exception {
    Session session = mock.exampleSessionWith(SpecExamples.activeConnection());

    Connection connection = session.getConnection("con_Xnxg19tonh");

    assertThat(connection.getStatus()).isEqualTo("active");
    assertThat(connection.activeAt()).isEqualTo(1538481999843L);
    assertThat(connection.getIp()).isEqualTo("37.122.145.190");
    assertThat(connection.getLocation()).isEqualTo("unknown");
    assertThat(connection.getPlatform()).isEqualTo("Chrome 85.0.4183.102 on Linux 64-bit");
    assertThat(connection.getClientData()).isEqualTo("My Client Data");
    assertThat(connection.kurentoOptions().getVideoMaxRecvBandwidth()).isEqualTo(1000);
    assertThat(connection.kurentoOptions().isFilterAllowed("ZBarFilter")).isTrue();
  }

  @Test
  void activeConnectionExposesItsPublisherAndSubscriptions(MockOpenVidu mock) throws Exception {
    Session session = mock.exampleSessionWith(SpecExamples.activeConnection());

    Connection connection = session.getConnection("con_Xnxg19tonh");

    assertThat(connection.getPublishers())
        .singleElement()
        .satisfies(
            publisher -> {
              assertThat(publisher.getStreamId()).isEqualTo("str_CAM_NhxL_con_Xnxg19tonh");
              assertThat(publisher.createdAt()).isEqualTo(1538481999710L);
              assertThat(publisher.hasAudio()).isTrue();
              assertThat(publisher.hasVideo()).isTrue();
              assertThat(publisher.isAudioActive()).isTrue();
              assertThat(publisher.isVideoActive()).isTrue();
              assertThat(publisher.getTypeOfVideo()).isEqualTo("CAMERA");
              assertThat(publisher.getFrameRate()).isEqualTo(30);
              assertThat(publisher.getVideoDimensions())
                  .isEqualTo("{\"width\":640,\"height\":480}");
            });
    assertThat(connection.getSubscribers()).containsExactly("str_MIC_JSXs_con_OV0CsFsykJ");
  }

  @Test
  void audioOnlyPublisherHasNoVideoMembers(MockOpenVidu mock) throws Exception {
    Session session = mock.exampleSessionWith(SpecExamples.secondActiveConnection());

    Publisher microphone = session.getConnection("con_OV0CsFsykJ").getPublishers().get(0);

    assertThat(microphone.hasVideo()).isFalse();
    assertThat(microphone.isVideoActive()).isNull();
    assertThat(microphone.getTypeOfVideo()).isNull();
    assertThat(microphone.isAudioActive()).isFalse();
  }

  @Test
  void activeConnectionsExcludePendingOnes(MockOpenVidu mock) throws Exception {
    Session session =
        mock.exampleSessionWith(
            SpecExamples.secondActiveConnection(), SpecExamples.pendingConnection());

    assertThat(session.getConnections())
        .extracting(Connection::getConnectionId)
        .containsExactly("con_OV0CsFsykJ", "con_Xnxg19tonh");
    assertThat(session.getActiveConnections())
        .extracting(Connection::getConnectionId)
        .containsExactly("con_OV0CsFsykJ");
  }

  @Test
  @SuppressWarnings("deprecation")
  void generateTokenCreatesAWebRtcConnectionWithTheTokenOptions(MockOpenVidu mock)
      throws Exception {
    Session session = mock.createExampleSession();
    mock.answer(200, SpecExamples.pendingConnection());

    String token =
        session.generateToken(
            new TokenOptions.Builder()
                .role(OpenViduRole.SUBSCRIBER)
                .data("My Server Data")
                .build());

    RecordedRequest request = mock.request();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo(CONNECTIONS_PATH);
    assertThat(MockOpenVidu.json(request))
        .isEqualTo(
            SpecExamples.JSON.readTree(
                "{\"session\":\"ses_YnDaGYNcd7\",\"type\":\"WEBRTC\",\"data\":\"My Server Data\","
                    + "\"role\":\"SUBSCRIBER\",\"kurentoOptions\":null}"));
    assertThat(token)
        .isEqualTo("wss://localhost:4443?sessionId=ses_YnDaGYNcd7&token=tok_AVe8o7iltWqtijyl");
    assertThat(session.getConnection("con_Xnxg19tonh")).isNotNull();
  }

  @Test
  @SuppressWarnings("deprecation")
  void generateTokenWithoutOptionsAsksForAPublisherWithEmptyData(MockOpenVidu mock)
      throws Exception {
    Session session = mock.createExampleSession();
    mock.answer(200, SpecExamples.pendingConnection());

    session.generateToken();

    JsonNode body = mock.requestBody();
    assertThat(body.get("role").asText()).isEqualTo("PUBLISHER");
    assertThat(body.get("data").asText()).isEmpty();
  }

  @Test
  void updateConnectionPatchesTheConnection(MockOpenVidu mock) throws Exception {
    Session session = mock.createExampleSession();
    mock.answer(200, SpecExamples.pendingConnection().put("role", "MODERATOR"));

    session.updateConnection(
        "con_Xnxg19tonh", new ConnectionProperties.Builder().role(OpenViduRole.MODERATOR).build());

    RecordedRequest request = mock.request();
    assertThat(request.getMethod()).isEqualTo("PATCH");
    assertThat(request.getTarget()).isEqualTo(CONNECTIONS_PATH + "/con_Xnxg19tonh");
    JsonNode body = MockOpenVidu.json(request);
    assertThat(body.get("session").asText()).isEqualTo("ses_YnDaGYNcd7");
    assertThat(body.get("role").asText()).isEqualTo("MODERATOR");
    assertThat(body.get("record").isNull()).isTrue();
    assertThat(body.get("type").isNull()).isTrue();
  }

  @Test
  void updateConnectionUpdatesTheKnownConnectionInPlace(MockOpenVidu mock) throws Exception {
    Session session = mock.createExampleSession();
    mock.answer(200, SpecExamples.pendingConnection());
    Connection connection = session.createConnection();
    mock.request();
    mock.answer(
        200, SpecExamples.pendingConnection().put("role", "MODERATOR").put("record", false));

    Connection updated =
        session.updateConnection(
            "con_Xnxg19tonh",
            new ConnectionProperties.Builder().role(OpenViduRole.MODERATOR).record(false).build());

    assertThat(updated).isSameAs(connection);
    assertThat(connection.getRole()).isEqualTo(OpenViduRole.MODERATOR);
    assertThat(connection.record()).isFalse();
  }

  @Test
  void updateConnectionAnsweredWithoutBodyAppliesTheChangeToTheKnownConnection(MockOpenVidu mock)
      throws Exception {
    Session session = mock.createExampleSession();
    mock.answer(200, SpecExamples.pendingConnection());
    Connection connection = session.createConnection();
    mock.request();
    mock.answer(204);

    session.updateConnection(
        "con_Xnxg19tonh", new ConnectionProperties.Builder().record(false).build());

    assertThat(connection.record()).isFalse();
    assertThat(connection.getRole()).isEqualTo(OpenViduRole.PUBLISHER);
    assertThat(mock.server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void updateConnectionAnsweredWithoutBodyFetchesAnUnknownConnection(MockOpenVidu mock)
      throws Exception {
    Session session = mock.createExampleSession();
    mock.answer(204);
    mock.answer(200, SpecExamples.pendingConnection().put("role", "SUBSCRIBER"));

    Connection updated =
        session.updateConnection(
            "con_Xnxg19tonh",
            new ConnectionProperties.Builder().role(OpenViduRole.SUBSCRIBER).build());

    mock.request();
    RecordedRequest lookUp = mock.request();
    assertThat(lookUp.getMethod()).isEqualTo("GET");
    assertThat(lookUp.getTarget()).isEqualTo(CONNECTIONS_PATH + "/con_Xnxg19tonh");
    assertThat(updated.getRole()).isEqualTo(OpenViduRole.SUBSCRIBER);
    assertThat(session.getConnection("con_Xnxg19tonh")).isSameAs(updated);
  }

  @Test
  void forceDisconnectDeletesTheConnection(MockOpenVidu mock) throws Exception {
    Session session = mock.createExampleSession();
    mock.answer(204);

    session.forceDisconnect("con_Xnxg19tonh");

    RecordedRequest request = mock.request();
    assertThat(request.getMethod()).isEqualTo("DELETE");
    assertThat(request.getTarget()).isEqualTo(CONNECTIONS_PATH + "/con_Xnxg19tonh");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo(MockOpenVidu.AUTHORIZATION);
  }

  @Test
  void forceDisconnectRemovesTheConnectionAndSubscriptionsToItsStreams(MockOpenVidu mock)
      throws Exception {
    Session session =
        mock.exampleSessionWith(
            SpecExamples.activeConnection(), SpecExamples.secondActiveConnection());
    Connection remaining = session.getConnection("con_OV0CsFsykJ");
    mock.answer(204);

    session.forceDisconnect(session.getConnection("con_Xnxg19tonh"));

    assertThat(session.getConnections()).containsExactly(remaining);
    assertThat(remaining.getSubscribers()).isEmpty();
  }

  @Test
  void forceUnpublishDeletesTheStream(MockOpenVidu mock) throws Exception {
    Session session = mock.createExampleSession();
    mock.answer(204);

    session.forceUnpublish("str_CAM_NhxL_con_Xnxg19tonh");

    RecordedRequest request = mock.request();
    assertThat(request.getMethod()).isEqualTo("DELETE");
    assertThat(request.getTarget())
        .isEqualTo("/openvidu/api/sessions/ses_YnDaGYNcd7/stream/str_CAM_NhxL_con_Xnxg19tonh");
  }

  @Test
  void forceUnpublishRemovesTheStreamFromPublishersAndSubscribers(MockOpenVidu mock)
      throws Exception {
    Session session =
        mock.exampleSessionWith(
            SpecExamples.activeConnection(), SpecExamples.secondActiveConnection());
    Connection owner = session.getConnection("con_Xnxg19tonh");
    Connection subscriber = session.getConnection("con_OV0CsFsykJ");
    mock.answer(204);

    session.forceUnpublish(owner.getPublishers().get(0));

    assertThat(owner.getPublishers()).isEmpty();
    assertThat(subscriber.getSubscribers()).isEmpty();
    assertThat(session.getConnections()).containsExactlyInAnyOrder(owner, subscriber);
  }

  @Test
  void identifiersAreEncodedAsOnePathSegment(MockOpenVidu mock) throws Exception {
    Session session = mock.createExampleSession();
    mock.answer(204);

    session.forceDisconnect("con/../../x?y");

    assertThat(mock.request().getTarget()).isEqualTo(CONNECTIONS_PATH + "/con%2F..%2F..%2Fx%3Fy");
  }
}
