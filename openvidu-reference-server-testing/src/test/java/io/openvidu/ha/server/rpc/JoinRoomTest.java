package io.openvidu.ha.server.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvidu.ha.server.store.ConnectionState;
import io.openvidu.ha.server.store.ConnectionStatus;
import io.openvidu.ha.server.store.OpenViduRole;
import io.openvidu.ha.server.testing.RpcCallException;
import io.openvidu.ha.server.testing.SimulatedParticipant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JoinRoomTest {

  @RegisterExtension final SignalingCluster cluster = SignalingCluster.withMasters(3);

  @Test
  void joiningActivatesTheConnectionWithTheSocketAddressAndPlatform() {
    String sessionId = cluster.createSession();
    String token = cluster.createToken(sessionId, OpenViduRole.PUBLISHER);

    SimulatedParticipant alice =
        cluster.track(
            cluster
                .participant(token, 1)
                .platform("Chrome 85 on Linux")
                .metadata("{\"clientData\":\"Alice\"}")
                .join());

    ConnectionState connection = cluster.connection(sessionId, alice.connectionId()).orElseThrow();
    assertThat(connection.status()).isEqualTo(ConnectionStatus.ACTIVE);
    assertThat(connection.ip()).isEqualTo("127.0.0.1");
    assertThat(connection.platform()).isEqualTo("Chrome 85 on Linux");
    assertThat(connection.clientData()).isEqualTo("{\"clientData\":\"Alice\"}");
    assertThat(connection.location()).isEqualTo("unknown");
    assertThat(connection.activeAt()).isNotNull();
    assertThat(cluster.session(sessionId).orElseThrow().active()).isTrue();
  }

  @Test
  void joinResultDescribesTheParticipantAndCarriesTheRpcSession() {
    String sessionId = cluster.createSession();
    String token = cluster.createToken(sessionId, OpenViduRole.MODERATOR, "SERVER_DATA");

    SimulatedParticipant alice =
        cluster.track(cluster.participant(token, 0).metadata("Alice").join());

    JsonNode result = alice.joinResult();
    assertThat(result.path("id").asText()).startsWith("con_");
    assertThat(result.path("session").asText()).isEqualTo(sessionId);
    assertThat(result.path("role").asText()).isEqualTo("MODERATOR");
    assertThat(result.path("record").asBoolean()).isTrue();
    assertThat(result.path("metadata").asText()).isEqualTo("Alice%/%SERVER_DATA");
    assertThat(result.path("version").asText()).isEqualTo("2.20.0");
    assertThat(result.path("mediaServer").asText()).isEqualTo("kurento");
    assertThat(result.path("finalUserId").asText()).hasSize(16);
    assertThat(result.path("createdAt").asLong()).isPositive();
    assertThat(result.path("value").isArray()).isTrue();
    assertThat(result.path("sessionId").asText()).matches("[0-9a-v]{20,26}");
    assertThat(result.has("life")).isFalse();
  }

  @Test
  void aParticipantJoiningThroughAnotherMasterIsAnnouncedAndSeesWhoIsThere() {
    String sessionId = cluster.createSession();
    SimulatedParticipant alice = cluster.joinSession(sessionId, 0);
    String aliceStream = alice.publish();

    SimulatedParticipant bob = cluster.joinSession(sessionId, 1);

    SimulatedParticipant.Notification joined =
        alice.awaitNotification("participantJoined", Map.of("id", bob.connectionId()));
    assertThat(joined.params().path("createdAt").asLong()).isPositive();
    JsonNode existing = bob.joinResult().path("value");
    assertThat(existing).hasSize(1);
    assertThat(existing.get(0).path("id").asText()).isEqualTo(alice.connectionId());
    assertThat(existing.get(0).path("streams").get(0).path("id").asText()).isEqualTo(aliceStream);
  }

  @Test
  void aTokenWorksOnlyOnce() {
    String sessionId = cluster.createSession();
    String token = cluster.createToken(sessionId, OpenViduRole.PUBLISHER);
    cluster.joinWith(token, 0);

    assertThatThrownBy(() -> cluster.joinWith(token, 1))
        .isInstanceOfSatisfying(RpcCallException.class, e -> assertThat(e.code()).isEqualTo(401));
  }

  @Test
  void anInvalidTokenIsEchoedInExactlyOpenViduMessage() {
    String sessionId = cluster.createSession();
    String token = cluster.createToken(sessionId, OpenViduRole.PUBLISHER);
    cluster.joinWith(token, 0);

    // signaling.md §4.1, "(sic, no space)": clients match on this text.
    assertThatThrownBy(() -> cluster.joinWith(token, 1))
        .hasMessageEndingWith(
            ": Unable to join session " + sessionId + ". Token " + token + "is not valid");
  }

  @Test
  void aTokenPresentedOnTwoMastersAtOnceLetsExactlyOneIn() throws Exception {
    String sessionId = cluster.createSession();
    String token = cluster.createToken(sessionId, OpenViduRole.PUBLISHER);
    List<SimulatedParticipant> opened = new ArrayList<>();
    for (int master = 0; master < 3; master++) {
      opened.add(cluster.track(cluster.participant(token, master).open()));
    }
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Integer>> attempts =
        opened.stream()
            .map(
                p ->
                    CompletableFuture.supplyAsync(
                        () -> {
                          try {
                            start.await();
                            p.joinRoom();
                            return 0;
                          } catch (RpcCallException e) {
                            return e.code();
                          } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                          }
                        }))
            .toList();
    start.countDown();

    List<Integer> outcomes = attempts.stream().map(CompletableFuture::join).toList();
    assertThat(outcomes).containsExactlyInAnyOrder(0, 401, 401);
    assertThat(cluster.session(sessionId).orElseThrow().activeConnections()).hasSize(1);
  }

  @Test
  void joiningAnUnknownSessionFailsWithCode202() {
    String sessionId = cluster.createSession();
    String token =
        cluster.createToken(sessionId, OpenViduRole.PUBLISHER).replace(sessionId, "ses_Unknown123");

    assertThatThrownBy(() -> cluster.joinWith(token, 0))
        .isInstanceOfSatisfying(RpcCallException.class, e -> assertThat(e.code()).isEqualTo(202));
  }

  @Test
  void methodsBeforeJoiningFailWithCode803() {
    String sessionId = cluster.createSession();
    SimulatedParticipant unjoined =
        cluster.track(
            cluster.participant(cluster.createToken(sessionId, OpenViduRole.PUBLISHER), 0).open());

    assertThatThrownBy(unjoined::publish)
        .isInstanceOfSatisfying(RpcCallException.class, e -> assertThat(e.code()).isEqualTo(803));
  }

  @Test
  void theSecretJoinsWithoutATokenAndWithoutRole() {
    String sessionId = cluster.createSession();
    SimulatedParticipant unjoined =
        cluster.track(
            cluster.participant(cluster.createToken(sessionId, OpenViduRole.SUBSCRIBER), 0).open());
    var params =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
            .objectNode()
            .put("token", "")
            .put("session", sessionId)
            .put("platform", "recorder")
            .put("metadata", "")
            .put("secret", SignalingCluster.SECRET);

    JsonNode result = unjoined.call("joinRoom", params);

    assertThat(result.has("role")).isFalse();
    assertThat(result.get("record").isNull()).isTrue();
    ConnectionState connection =
        cluster.connection(sessionId, result.path("id").asText()).orElseThrow();
    assertThat(connection.isActive()).isTrue();
    assertThat(connection.role()).isNull();
  }
}
