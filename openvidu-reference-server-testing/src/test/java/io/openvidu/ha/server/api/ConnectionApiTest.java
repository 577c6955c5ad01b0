package io.openvidu.ha.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvidu.ha.server.store.ClusterEvent;
import io.openvidu.ha.server.store.EventOperations;
import io.openvidu.ha.server.store.Subscription;
import io.openvidu.ha.server.testing.OpenViduClusterExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Connections and streams of a session: rest-api.md §5.1–5.6. */
class ConnectionApiTest {
  private static final String CONNECTIONS = "/openvidu/api/sessions/s1/connection";

  @RegisterExtension
  final OpenViduClusterExtension cluster = OpenViduClusterExtension.builder().build();

  private ApiClient api;
  private Participants participants;

  @BeforeEach
  void createSession() {
    api = ApiClient.of(cluster.urlList().get(0), cluster.secret());
    participants = new Participants(cluster.cluster().store());
    api.post("/openvidu/api/sessions", "{\"customSessionId\":\"s1\"}");
  }

  @Test
  void createdConnectionIsPendingWithEveryMemberTheOfficialClientReads() {
    ApiClient.Reply reply =
        api.post(
            CONNECTIONS,
            "{\"session\":\"s1\",\"type\":\"WEBRTC\",\"data\":\"my data\","
                + "\"record\":false,\"role\":\"MODERATOR\",\"kurentoOptions\":null,\"rtspUri\":null,"
                + "\"adaptativeBitrate\":null,\"onlyPlayWithSubscribers\":null,\"networkCache\":null}");

    assertThat(reply.status()).isEqualTo(200);
    JsonNode c = reply.json();
    assertThat(c.get("id").asText()).matches("con_[A-Z][A-Za-z0-9]{9}");
    assertThat(c.get("connectionId").asText()).isEqualTo(c.get("id").asText());
    assertThat(c.get("object").asText()).isEqualTo("connection");
    assertThat(c.get("status").asText()).isEqualTo("pending");
    assertThat(c.get("sessionId").asText()).isEqualTo("s1");
    assertThat(c.get("type").asText()).isEqualTo("WEBRTC");
    assertThat(c.get("role").asText()).isEqualTo("MODERATOR");
    assertThat(c.get("record").asBoolean()).isFalse();
    assertThat(c.get("serverData").asText()).isEqualTo("my data");
    for (String nullMember :
        List.of(
            "activeAt",
            "location",
            "ip",
            "platform",
            "clientData",
            "publishers",
            "subscribers",
            "kurentoOptions",
            "rtspUri",
            "adaptativeBitrate",
            "onlyPlayWithSubscribers",
            "networkCache")) {
      assertThat(c.has(nullMember)).as(nullMember).isTrue();
      assertThat(c.get(nullMember).isNull()).as(nullMember).isTrue();
    }
  }

  @Test
  void tokenCarriesThePublicUrlWithWsSchemeAndTheSession() {
    JsonNode c = api.post(CONNECTIONS, "{}").json();

    String publicUrl = cluster.cluster().settings().publicUrlText();
    assertThat(c.get("token").asText())
        .matches(
            publicUrl.replace("http://", "ws://")
                + "\\?sessionId=s1&token=tok_[A-Z][A-Za-z0-9]{15}");
  }

  @Test
  void kurentoOptionsKeepOnlyTheGivenMembers() {
    JsonNode c =
        api.post(
                CONNECTIONS,
                "{\"kurentoOptions\":{\"videoMaxSendBandwidth\":777,"
                    + "\"allowedFilters\":[\"GStreamerFilter\"]}}")
            .json();

    assertThat(c.get("kurentoOptions").toString())
        .isEqualTo("{\"videoMaxSendBandwidth\":777,\"allowedFilters\":[\"GStreamerFilter\"]}");
  }

  @Test
  void connectionForUnknownSessionIs404() {
    ApiClient.Reply reply = api.post("/openvidu/api/sessions/nope/connection", "{}");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.body()).isEmpty();
  }

  @Test
  void connectionWithoutBodyIs400() {
    assertThat(api.post(CONNECTIONS, null).status()).isEqualTo(400);
  }

  @Test
  void connectionWithUnknownTypeIs400() {
    ApiClient.Reply reply = api.post(CONNECTIONS, "{\"type\":\"SIP\"}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("message").asText())
        .isEqualTo("Parameter 'type' SIP is not defined");
  }

  @Test
  void connectionWithUnknownRoleIs400() {
    assertThat(api.post(CONNECTIONS, "{\"role\":\"ADMIN\"}").status()).isEqualTo(400);
  }

  @Test
  void connectionWithNonStringDataIs400() {
    assertThat(api.post(CONNECTIONS, "{\"data\":true}").status()).isEqualTo(400);
  }

  @Test
  void connectionWithNonArrayAllowedFiltersIs400() {
    ApiClient.Reply reply =
        api.post(CONNECTIONS, "{\"kurentoOptions\":{\"allowedFilters\":\"GStreamerFilter\"}}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("message").asText())
        .startsWith("Type error in some parameter of 'kurentoOptions'");
  }

  @Test
  void ipCameraIsActiveAndPublishingAtOnceAndActivatesTheSession() {
    ApiClient.Reply reply =
        api.post(
            CONNECTIONS,
            "{\"type\":\"IPCAM\",\"rtspUri\":\"rtsp://10.0.0.7:554/live\",\"networkCache\":1000}");

    assertThat(reply.status()).isEqualTo(200);
    JsonNode c = reply.json();
    assertThat(c.get("id").asText()).matches("ipc_IPCAM_rtsp_[A-Z0-9]{4}_10_0_0_7_554_live");
    assertThat(c.get("status").asText()).isEqualTo("active");
    assertThat(c.get("platform").asText()).isEqualTo("IPCAM");
    assertThat(c.get("ip").asText()).isEqualTo("10.0.0.7");
    assertThat(c.get("token").isNull()).isTrue();
    assertThat(c.get("role").isNull()).isTrue();
    assertThat(c.get("networkCache").asInt()).isEqualTo(1000);
    JsonNode publisher = c.at("/publishers/0");
    assertThat(publisher.get("streamId").asText()).startsWith("str_IPC_");
    assertThat(publisher.get("rtspUri").asText()).isEqualTo("rtsp://10.0.0.7:554/live");
    assertThat(publisher.get("mediaOptions").size()).isEqualTo(11);
    JsonNode session = api.get("/openvidu/api/sessions/s1").json();
    assertThat(session.at("/connections/numberOfElements").asInt()).isEqualTo(1);
    assertThat(session.get("mediaNodeId").asText()).isEqualTo("media_simulated-1");
  }

  @Test
  void ipCameraWithoutValidRtspUriIs400() {
    ApiClient.Reply reply =
        api.post(CONNECTIONS, "{\"type\":\"IPCAM\",\"rtspUri\":\"http://camera\"}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("message").asText())
        .isEqualTo("\"rtspUri\" parameter is not a valid rtsp uri");
  }

  @Test
  void activeConnectionShowsParticipantDetailsPublishersAndSubscribers() {
    String idA = api.post(CONNECTIONS, "{}").json().get("id").asText();
    String tokenA = api.get(CONNECTIONS + "/" + idA).json().get("token").asText();
    JsonNode b = api.post(CONNECTIONS, "{}").json();
    participants.join("s1", tokenA);
    participants.join("s1", b.get("token").asText());
    String stream = participants.publish("s1", idA);
    participants.subscribe("s1", b.get("id").asText(), stream);

    JsonNode a = api.get(CONNECTIONS + "/" + idA).json();
    JsonNode subscriber = api.get(CONNECTIONS + "/" + b.get("id").asText()).json();

    assertThat(a.get("status").asText()).isEqualTo("active");
    assertThat(a.get("activeAt").isNumber()).isTrue();
    assertThat(a.get("ip").asText()).isEqualTo("127.0.0.1");
    assertThat(a.get("platform").asText()).isEqualTo("Chrome 100 on Linux");
    assertThat(a.get("clientData").asText()).isEqualTo("client data");
    assertThat(a.at("/publishers/0/streamId").asText()).isEqualTo(stream);
    assertThat(a.at("/publishers/0/mediaOptions/videoDimensions").asText())
        .isEqualTo("{\"width\":640,\"height\":480}");
    assertThat(subscriber.at("/subscribers/0/streamId").asText()).isEqualTo(stream);
  }

  @Test
  void webRtcStatsAddMediaDebugMembersToActiveConnections() {
    JsonNode c = api.post(CONNECTIONS, "{}").json();
    participants.join("s1", c.get("token").asText());
    participants.publish("s1", c.get("id").asText());

    JsonNode publisher =
        api.get(CONNECTIONS + "?webRtcStats=true").json().at("/content/0/publishers/0");

    assertThat(publisher.has("webrtcEndpointName")).isTrue();
    assertThat(publisher.get("remoteSdp").isNull()).isTrue();
    assertThat(publisher.get("events").isArray()).isTrue();
  }

  @Test
  void connectionListIncludesPendingByDefault() {
    api.post(CONNECTIONS, "{}");

    JsonNode list = api.get(CONNECTIONS).json();
    JsonNode onlyActive = api.get(CONNECTIONS + "?pendingConnections=false").json();

    assertThat(list.get("numberOfElements").asInt()).isEqualTo(1);
    assertThat(onlyActive.get("numberOfElements").asInt()).isZero();
  }

  @Test
  void connectionListOfUnknownSessionIs404() {
    assertThat(api.get("/openvidu/api/sessions/nope/connection").status()).isEqualTo(404);
  }

  @Test
  void connectionOfUnknownSessionIs400() {
    ApiClient.Reply reply = api.get("/openvidu/api/sessions/nope/connection/con_X");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body()).isEmpty();
  }

  @Test
  void unknownConnectionIs404() {
    assertThat(api.get(CONNECTIONS + "/con_Unknown").status()).isEqualTo(404);
  }

  @Test
  void patchChangesRoleAndRecordButNeverServerData() {
    String id = api.post(CONNECTIONS, "{\"data\":\"kept\"}").json().get("id").asText();

    ApiClient.Reply reply =
        api.patch(
            CONNECTIONS + "/" + id,
            "{\"role\":\"SUBSCRIBER\",\"record\":false,"
                + "\"data\":\"ignored\",\"kurentoOptions\":null}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("role").asText()).isEqualTo("SUBSCRIBER");
    assertThat(reply.json().get("record").asBoolean()).isFalse();
    assertThat(api.get(CONNECTIONS + "/" + id).json().get("serverData").asText()).isEqualTo("kept");
  }

  @Test
  void patchWithNothingToChangeIs200WithTheConnection() {
    String id = api.post(CONNECTIONS, "{}").json().get("id").asText();

    ApiClient.Reply reply = api.patch(CONNECTIONS + "/" + id, "{}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("id").asText()).isEqualTo(id);
  }

  @Test
  void patchWithWrongTypesIs400() {
    String id = api.post(CONNECTIONS, "{}").json().get("id").asText();

    assertThat(api.patch(CONNECTIONS + "/" + id, "{\"role\":false}").status()).isEqualTo(400);
    assertThat(api.patch(CONNECTIONS + "/" + id, "{\"record\":123}").status()).isEqualTo(400);
    assertThat(api.patch(CONNECTIONS + "/" + id, "{\"record\":\"WRONG\"}").status()).isEqualTo(400);
  }

  @Test
  void patchOfUnknownSessionOrConnectionIs404() {
    assertThat(api.patch("/openvidu/api/sessions/nope/connection/con_X", "{}").status())
        .isEqualTo(404);
    assertThat(api.patch(CONNECTIONS + "/con_X", "{}").status()).isEqualTo(404);
  }

  @Test
  void deletingPendingConnectionInvalidatesItsToken() {
    JsonNode c = api.post(CONNECTIONS, "{}").json();

    ApiClient.Reply reply = api.delete(CONNECTIONS + "/" + c.get("id").asText());

    assertThat(reply.status()).isEqualTo(204);
    assertThat(api.get(CONNECTIONS + "/" + c.get("id").asText()).status()).isEqualTo(404);
  }

  @Test
  void deletingActiveConnectionTellsTheMastersAndClosesTheSessionItLeavesEmpty() {
    JsonNode c = api.post(CONNECTIONS, "{}").json();
    participants.join("s1", c.get("token").asText());
    List<ClusterEvent> events = new CopyOnWriteArrayList<>();
    try (Subscription ignored =
        cluster.cluster().store().subscribe(EventOperations.BROADCAST, events::add)) {

      assertThat(api.delete(CONNECTIONS + "/" + c.get("id").asText()).status()).isEqualTo(204);

      await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 2);
    }
    assertThat(events.get(0).type()).isEqualTo(ClusterEvent.CONNECTION_REMOVED);
    assertThat(events.get(0).data().get("reason").asText()).isEqualTo("forceDisconnectByServer");
    assertThat(events.get(1).type()).isEqualTo(ClusterEvent.SESSION_CLOSED);
    assertThat(events.get(1).data().get("reason").asText()).isEqualTo("lastParticipantLeft");
    assertThat(api.get("/openvidu/api/sessions/s1").status()).isEqualTo(404);
  }

  @Test
  void deletingConnectionOfUnknownSessionIs400AndUnknownConnection404() {
    assertThat(api.delete("/openvidu/api/sessions/nope/connection/con_X").status()).isEqualTo(400);
    assertThat(api.delete(CONNECTIONS + "/con_X").status()).isEqualTo(404);
  }

  @Test
  void forcedUnpublishRemovesTheStreamAndItsSubscriptions() {
    JsonNode a = api.post(CONNECTIONS, "{}").json();
    JsonNode b = api.post(CONNECTIONS, "{}").json();
    participants.join("s1", a.get("token").asText());
    participants.join("s1", b.get("token").asText());
    String stream = participants.publish("s1", a.get("id").asText());
    participants.subscribe("s1", b.get("id").asText(), stream);

    ApiClient.Reply reply = api.delete("/openvidu/api/sessions/s1/stream/" + stream);

    assertThat(reply.status()).isEqualTo(204);
    assertThat(api.get(CONNECTIONS + "/" + a.get("id").asText()).json().get("publishers"))
        .isEmpty();
    assertThat(api.get(CONNECTIONS + "/" + b.get("id").asText()).json().get("subscribers"))
        .isEmpty();
    assertThat(api.get(CONNECTIONS + "/" + a.get("id").asText()).json().get("status").asText())
        .isEqualTo("active");
  }

  @Test
  void forcedUnpublishOfIpCameraStreamIs405() {
    JsonNode camera =
        api.post(CONNECTIONS, "{\"type\":\"IPCAM\",\"rtspUri\":\"rtsp://10.0.0.7/live\"}").json();

    String stream = camera.at("/publishers/0/streamId").asText();

    assertThat(api.delete("/openvidu/api/sessions/s1/stream/" + stream).status()).isEqualTo(405);
  }

  @Test
  void forcedUnpublishOfUnknownSessionIs400AndOfUnknownStream404() {
    assertThat(api.delete("/openvidu/api/sessions/nope/stream/str_X").status()).isEqualTo(400);
    assertThat(api.delete("/openvidu/api/sessions/s1/stream/str_X").status()).isEqualTo(404);
  }

  @Test
  void deprecatedTokenEndpointCreatesAPendingConnection() {
    ApiClient.Reply reply =
        api.post(
            "/openvidu/api/tokens",
            "{\"session\":\"s1\",\"role\":\"SUBSCRIBER\","
                + "\"data\":\"d\",\"kurentoOptions\":{\"videoMaxSendBandwidth\":777}}");

    assertThat(reply.status()).isEqualTo(200);
    JsonNode token = reply.json();
    assertThat(token.get("id").asText())
        .isEqualTo(token.get("token").asText())
        .contains("sessionId=s1&token=tok_");
    assertThat(token.get("session").asText()).isEqualTo("s1");
    assertThat(token.get("role").asText()).isEqualTo("SUBSCRIBER");
    assertThat(token.get("data").asText()).isEqualTo("d");
    assertThat(token.get("kurentoOptions").toString()).isEqualTo("{\"videoMaxSendBandwidth\":777}");
    assertThat(api.get(CONNECTIONS + "/" + token.get("connectionId").asText()).status())
        .isEqualTo(200);
  }

  @Test
  void tokenWithoutSessionIs400AndForUnknownSession404WithJson() {
    ApiClient.Reply missing = api.post("/openvidu/api/tokens", "{}");
    ApiClient.Reply wrongType = api.post("/openvidu/api/tokens", "{\"session\":1}");
    ApiClient.Reply unknown = api.post("/openvidu/api/tokens", "{\"session\":\"nope\"}");

    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("message").asText())
        .isEqualTo("\"session\" parameter is mandatory");
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("message").asText()).isEqualTo("Session nope not found");
  }
}
