package io.openvidu.ha.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvidu.ha.server.rpc.SignalingSettings;
import io.openvidu.ha.server.testing.OpenViduClusterExtension;
import io.openvidu.ha.server.testing.SimulatedParticipant;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The REST API and participants' WebSockets on different masters of one cluster: what participants
 * do shows in every master's answers, and what REST does reaches participants wherever they are
 * connected.
 */
class ParticipantsOverRestTest {

  @RegisterExtension
  static final OpenViduClusterExtension cluster =
      OpenViduClusterExtension.builder()
          .masters(3)
          .configure(
              c ->
                  c.signaling(
                      SignalingSettings.builder().socketCloseDelay(Duration.ofMillis(200)).build()))
          .build();

  private final List<SimulatedParticipant> participants = new ArrayList<>();

  @AfterEach
  void leave() {
    participants.forEach(SimulatedParticipant::close);
  }

  private ApiClient api(int master) {
    return ApiClient.of(cluster.urlList().get(master), cluster.secret());
  }

  private String createSession(int master) {
    return api(master).post("/openvidu/api/sessions", "{}").json().path("id").asText();
  }

  private JsonNode createConnection(int master, String sessionId, String body) {
    ApiClient.Reply reply =
        api(master).post("/openvidu/api/sessions/" + sessionId + "/connection", body);
    assertThat(reply.status()).isEqualTo(200);
    return reply.json();
  }

  private SimulatedParticipant join(int master, String token, String platform) {
    SimulatedParticipant participant =
        SimulatedParticipant.builder(token)
            .via(URI.create(cluster.urlList().get(master)))
            .platform(platform)
            .timeout(Duration.ofSeconds(5))
            .join();
    participants.add(participant);
    return participant;
  }

  private SimulatedParticipant join(int master, String sessionId) {
    return join(master, createConnection(0, sessionId, "{}").path("token").asText(), "Firefox");
  }

  @Test
  void aConnectionCreatedOnOneMasterJoinedOnAnotherShowsActiveOnAThird() {
    String sessionId = createSession(0);
    JsonNode pending =
        createConnection(0, sessionId, "{\"role\":\"PUBLISHER\",\"data\":\"server side\"}");

    SimulatedParticipant alice =
        join(1, pending.path("token").asText(), "Chrome 85.0.4183.102 on Linux 64-bit");
    String streamId = alice.publish();

    JsonNode connection =
        api(2)
            .get(
                "/openvidu/api/sessions/"
                    + sessionId
                    + "/connection/"
                    + pending.path("id").asText())
            .json();
    assertThat(alice.connectionId()).isEqualTo(pending.path("id").asText());
    assertThat(connection.path("status").asText()).isEqualTo("active");
    assertThat(connection.path("ip").asText()).isEqualTo("127.0.0.1");
    assertThat(connection.path("platform").asText())
        .isEqualTo("Chrome 85.0.4183.102 on Linux 64-bit");
    assertThat(connection.path("location").asText()).isEqualTo("unknown");
    assertThat(connection.path("activeAt").asLong()).isPositive();
    assertThat(connection.path("publishers"))
        .singleElement()
        .satisfies(p -> assertThat(p.path("streamId").asText()).isEqualTo(streamId));
  }

  @Test
  void aSubscriptionShowsAmongTheSubscribersOnEveryMaster() {
    String sessionId = createSession(0);
    SimulatedParticipant alice = join(0, sessionId);
    SimulatedParticipant bob = join(1, sessionId);
    String streamId = alice.publish();

    bob.subscribe(streamId);

    JsonNode connection =
        api(2)
            .get("/openvidu/api/sessions/" + sessionId + "/connection/" + bob.connectionId())
            .json();
    assertThat(connection.path("subscribers"))
        .singleElement()
        .satisfies(s -> assertThat(s.path("streamId").asText()).isEqualTo(streamId));
  }

  @Test
  void deletingAConnectionOnOneMasterEvictsTheParticipantHeldByAnother() {
    String sessionId = createSession(0);
    SimulatedParticipant alice = join(0, sessionId);
    SimulatedParticipant bob = join(1, sessionId);

    ApiClient.Reply reply =
        api(2).delete("/openvidu/api/sessions/" + sessionId + "/connection/" + bob.connectionId());

    assertThat(reply.status()).isEqualTo(204);
    bob.awaitNotification(
        "participantEvicted",
        Map.of("connectionId", bob.connectionId(), "reason", "forceDisconnectByServer"));
    alice.awaitNotification(
        "participantLeft",
        Map.of("connectionId", bob.connectionId(), "reason", "forceDisconnectByServer"));
    alice.awaitNotification("participantEvicted", Map.of("connectionId", bob.connectionId()));
    assertThat(bob.awaitDisconnected()).isEqualTo(1000);
  }

  @Test
  void aRestSignalReachesParticipantsOnEveryMasterWithoutSender() {
    String sessionId = createSession(0);
    SimulatedParticipant alice = join(1, sessionId);
    SimulatedParticipant bob = join(2, sessionId);

    ApiClient.Reply reply =
        api(0)
            .post(
                "/openvidu/api/signal",
                "{\"session\":\""
                    + sessionId
                    + "\",\"type\":\"chat\",\"data\":\"from the server\"}");

    assertThat(reply.status()).isEqualTo(200);
    for (SimulatedParticipant participant : List.of(alice, bob)) {
      SimulatedParticipant.Notification signal =
          participant.awaitNotification("sendMessage", Map.of("data", "from the server"));
      assertThat(signal.param("type")).isEqualTo("chat");
      assertThat(signal.params().has("from")).isFalse();
    }
  }

  @Test
  void deletingAStreamUnpublishesItForEveryoneIncludingItsOwner() {
    String sessionId = createSession(0);
    SimulatedParticipant alice = join(0, sessionId);
    SimulatedParticipant bob = join(1, sessionId);
    String streamId = bob.publish();

    ApiClient.Reply reply =
        api(2).delete("/openvidu/api/sessions/" + sessionId + "/stream/" + streamId);

    assertThat(reply.status()).isEqualTo(204);
    for (SimulatedParticipant participant : List.of(alice, bob)) {
      participant.awaitNotification(
          "participantUnpublished",
          Map.of("connectionId", bob.connectionId(), "reason", "forceUnpublishByServer"));
    }
  }

  @Test
  void deletingASessionEvictsEveryoneAndClosesTheirSockets() {
    String sessionId = createSession(0);
    SimulatedParticipant alice = join(1, sessionId);
    SimulatedParticipant bob = join(2, sessionId);

    assertThat(api(0).delete("/openvidu/api/sessions/" + sessionId).status()).isEqualTo(204);

    for (SimulatedParticipant participant : List.of(alice, bob)) {
      participant.awaitNotification(
          "participantEvicted",
          Map.of("connectionId", participant.connectionId(), "reason", "sessionClosedByServer"));
    }
  }

  @Test
  void changingARoleTellsTheParticipant() {
    String sessionId = createSession(0);
    SimulatedParticipant alice = join(1, sessionId);

    api(2)
        .patch(
            "/openvidu/api/sessions/" + sessionId + "/connection/" + alice.connectionId(),
            "{\"role\":\"MODERATOR\"}");

    alice.awaitNotification(
        "connectionPropertyChanged", Map.of("property", "role", "newValue", "MODERATOR"));
  }
}
