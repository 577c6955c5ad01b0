package io.openvidu.ha.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvidu.ha.server.testing.OpenViduClusterExtension;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The media-node API and session placement: rest-api.md §5.17, design §4. */
class MediaNodeApiTest {
  private static final String NODES = "/openvidu/api/media-nodes";

  @RegisterExtension
  final OpenViduClusterExtension cluster = OpenViduClusterExtension.builder().mediaNodes(2).build();

  private ApiClient api;
  private Participants participants;

  @BeforeEach
  void connect() {
    api = ApiClient.of(cluster.urlList().get(0), cluster.secret());
    participants = new Participants(cluster.cluster().store());
  }

  @Test
  void listShowsTheRunningSimulatedNodes() {
    JsonNode list = api.get(NODES).json();

    assertThat(list.get("numberOfElements").asInt()).isEqualTo(2);
    JsonNode node = list.at("/content/0");
    assertThat(node.get("id").asText()).isEqualTo("media_simulated-1");
    assertThat(node.get("object").asText()).isEqualTo("mediaNode");
    assertThat(node.get("environmentId").asText()).isEqualTo("simulated-1");
    assertThat(node.get("status").asText()).isEqualTo("running");
    assertThat(node.get("connected").asBoolean()).isTrue();
    assertThat(node.get("load").isNumber()).isTrue();
    assertThat(node.has("sessions")).isFalse();
  }

  @Test
  void sessionsArePlacedOnTheLeastLoadedNodeAndStayThere() {
    String first = activeSession("s1");
    String second = activeSession("s2");
    joinAnother("s1");

    assertThat(first).isNotEqualTo(second);
    assertThat(api.get("/openvidu/api/sessions/s1").json().get("mediaNodeId").asText())
        .isEqualTo(first);
    JsonNode node = api.get(NODES + "/" + first + "?sessions=true").json();
    assertThat(node.get("sessions")).hasSize(1);
    assertThat(node.at("/sessions/0/id").asText()).isEqualTo("s1");
    assertThat(node.get("load").asDouble()).isGreaterThan(0);
  }

  @Test
  void sessionAskingForANodeIsPlacedThere() {
    api.post(
        "/openvidu/api/sessions",
        "{\"customSessionId\":\"s1\",\"mediaNode\":{\"id\":\"media_simulated-2\"}}");
    participants.join(
        "s1", api.post("/openvidu/api/sessions/s1/connection", "{}").json().get("token").asText());

    assertThat(api.get("/openvidu/api/sessions/s1").json().get("mediaNodeId").asText())
        .isEqualTo("media_simulated-2");
  }

  @Test
  void unknownNodeIs404() {
    assertThat(api.get(NODES + "/media_nope").status()).isEqualTo(404);
  }

  @Test
  void addedNodeLaunchesThenRuns() {
    ApiClient.Reply reply =
        api.post(NODES, "{\"uri\":\"ws://10.0.0.9:8888/kurento\",\"environmentId\":\"extra\"}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("id").asText()).isEqualTo("media_extra");
    assertThat(reply.json().get("status").asText()).isEqualTo("launching");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> api.get(NODES + "/media_extra").json().get("status").asText().equals("running"));
  }

  @Test
  void addedNodeWithWaitRunsAtOnce() {
    JsonNode node =
        api.post(NODES + "?wait=true", "{\"uri\":\"ws://10.0.0.9:8888/kurento\"}").json();

    assertThat(node.get("status").asText()).isEqualTo("running");
    assertThat(node.get("id").asText()).startsWith("media_");
  }

  @Test
  void addingANodeAtAKnownUriIs409() {
    api.post(NODES + "?wait=true", "{\"uri\":\"ws://10.0.0.9:8888/kurento\"}");

    assertThat(api.post(NODES, "{\"uri\":\"ws://10.0.0.9:8888/kurento\"}").status()).isEqualTo(409);
  }

  @Test
  void addingANodeWithoutUriIs501AndWithBadUri400() {
    assertThat(api.post(NODES, "{\"instanceType\":\"c5.2xlarge\"}").status()).isEqualTo(501);
    assertThat(api.post(NODES, "{\"uri\":\"http://10.0.0.9\"}").status()).isEqualTo(400);
    assertThat(api.post(NODES, "{\"uri\":7}").status()).isEqualTo(400);
  }

  @Test
  void removingAnIdleNodeIs204() {
    assertThat(api.delete(NODES + "/media_simulated-2").status()).isEqualTo(204);
    assertThat(api.get(NODES + "/media_simulated-2").status()).isEqualTo(404);
  }

  @Test
  void removingANodeWithSessionsIs409ByDefault() {
    String node = activeSession("s1");

    assertThat(api.delete(NODES + "/" + node).status()).isEqualTo(409);
    assertThat(api.get("/openvidu/api/sessions/s1").status()).isEqualTo(200);
  }

  @Test
  void removingNowClosesTheNodesSessions() {
    String node = activeSession("s1");

    assertThat(api.delete(NODES + "/" + node + "?deletion-strategy=now").status()).isEqualTo(204);
    assertThat(api.get("/openvidu/api/sessions/s1").status()).isEqualTo(404);
  }

  @Test
  void removingWhenNoSessionsWaitsForTheLastSessionToClose() {
    String node = activeSession("s1");

    ApiClient.Reply reply = api.delete(NODES + "/" + node + "?deletion-strategy=when-no-sessions");

    assertThat(reply.status()).isEqualTo(202);
    assertThat(api.get(NODES + "/" + node).json().get("status").asText())
        .isEqualTo("waiting-idle-to-terminate");
    api.delete("/openvidu/api/sessions/s1");
    assertThat(api.get(NODES + "/" + node).status()).isEqualTo(404);
  }

  @Test
  void unknownDeletionStrategyIs400() {
    assertThat(api.delete(NODES + "/media_simulated-1?deletion-strategy=later").status())
        .isEqualTo(400);
  }

  @Test
  void patchMovesARunningNodeToWaitingAndBack() {
    String node = activeSession("s1");

    ApiClient.Reply waiting =
        api.patch(NODES + "/" + node, "{\"status\":\"waiting-idle-to-terminate\"}");
    ApiClient.Reply running = api.patch(NODES + "/" + node, "{\"status\":\"running\"}");

    assertThat(waiting.status()).isEqualTo(200);
    assertThat(waiting.json().get("status").asText()).isEqualTo("waiting-idle-to-terminate");
    assertThat(running.json().get("status").asText()).isEqualTo("running");
  }

  @Test
  void patchToTheCurrentStatusIs204() {
    assertThat(api.patch(NODES + "/media_simulated-1", "{\"status\":\"running\"}").status())
        .isEqualTo(204);
  }

  @Test
  void patchToADisallowedStatusIs400() {
    assertThat(api.patch(NODES + "/media_simulated-1", "{\"status\":\"launching\"}").status())
        .isEqualTo(400);
    assertThat(api.patch(NODES + "/media_simulated-1", "{\"status\":\"sleeping\"}").status())
        .isEqualTo(400);
  }

  @Test
  void newSessionsAvoidANodeThatIsNotRunning() {
    api.patch(NODES + "/media_simulated-1", "{\"status\":\"waiting-idle-to-terminate\"}");

    assertThat(activeSession("s1")).isEqualTo("media_simulated-2");
  }

  @Test
  void crashedNodeTakesItsSessionsDown() {
    String node = activeSession("s1");

    cluster.mediaNode(node.equals("media_simulated-1") ? 0 : 1).crash();

    assertThat(api.get("/openvidu/api/sessions/s1").status()).isEqualTo(404);
    assertThat(api.get(NODES).json().get("numberOfElements").asInt()).isEqualTo(1);
  }

  @Test
  void discoveryFindsNothingNewWhileEveryNodeIsInTheCluster() {
    assertThat(api.put(NODES, null).json().get("numberOfElements").asInt()).isZero();
  }

  @Test
  void discoveryFindsAgainTheNodesThatLeftTheClusterAndReturnsThem() {
    cluster.mediaNode(1).crash();
    api.delete(NODES + "/media_simulated-1?deletion-strategy=now");

    ApiClient.Reply reply = api.put(NODES, null);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("numberOfElements").asInt()).isEqualTo(2);
    assertThat(reply.json().get("content"))
        .extracting(n -> n.get("id").asText() + "/" + n.get("status").asText())
        .containsExactlyInAnyOrder("media_simulated-1/running", "media_simulated-2/running");
    assertThat(api.get(NODES).json().get("numberOfElements").asInt()).isEqualTo(2);
    assertThat(api.put(NODES, null).json().get("numberOfElements").asInt()).isZero();
  }

  private String activeSession(String id) {
    api.post("/openvidu/api/sessions", "{\"customSessionId\":\"" + id + "\"}");
    joinAnother(id);
    return api.get("/openvidu/api/sessions/" + id).json().get("mediaNodeId").asText();
  }

  private void joinAnother(String sessionId) {
    String token =
        api.post("/openvidu/api/sessions/" + sessionId + "/connection", "{}")
            .json()
            .get("token")
            .asText();
    participants.join(sessionId, token);
  }
}
