package io.openvidu.ha.server.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvidu.ha.server.store.OpenViduRole;
import io.openvidu.ha.server.testing.RpcCallException;
import io.openvidu.ha.server.testing.SimulatedParticipant;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Frames a real client would not send (issue #18, item 11): every one is answered, with the
 * request's id whenever it can be read (JSON-RPC 2.0 §5) and OpenVidu's code -1 for a malformed
 * call (signaling.md §2.2, §8), so that no caller waits for its own timeout.
 */
class MalformedFramesTest {

  private static final Duration ANSWER = Duration.ofSeconds(10);

  @RegisterExtension final SignalingCluster cluster = SignalingCluster.withMasters(1);

  private RawSocket socket;

  @BeforeEach
  void open() {
    socket = RawSocket.open(cluster.master(0));
  }

  @AfterEach
  void close() {
    socket.close();
  }

  private JsonNode answerTo(String frame) {
    socket.sendText(frame);
    JsonNode answer = socket.nextAnswer(ANSWER);
    assertThat(answer).as("answer to " + frame).isNotNull();
    return answer;
  }

  @Test
  void aMalformedRequestWithAReadableIdIsAnsweredWithThatId() throws Exception {
    for (String frame :
        new String[] {
          "{\"jsonrpc\":\"2.0\",\"id\":3,\"params\":{}}",
          "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":7}",
          "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\",\"params\":[1]}",
          "{\"jsonrpc\":\"2.0\",\"id\":\"six\",\"method\":null}"
        }) {
      JsonNode answer = answerTo(frame);

      assertThat(answer.path("id")).as(frame).isEqualTo(RawSocket.JSON.readTree(frame).get("id"));
      assertThat(answer.path("error").path("code").asInt()).as(frame).isEqualTo(-1);
    }
  }

  @Test
  void aHugeNumericIdIsEchoedAsTheNumberSent() throws Exception {
    JsonNode answer = answerTo("{\"jsonrpc\":\"2.0\",\"id\":1e309,\"method\":\"ping\"}");

    assertThat(answer.path("id").isNumber()).isTrue();
    assertThat(answer.path("id").decimalValue()).isEqualByComparingTo("1e309");
    assertThat(answer.path("result").path("value").asText()).isEqualTo("pong");
  }

  @Test
  void aBinaryFrameIsAnsweredWithAnError() {
    socket.sendBinary(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}".getBytes(StandardCharsets.UTF_8));

    JsonNode answer = socket.nextAnswer(ANSWER);

    assertThat(answer.path("id").isNull()).isTrue();
    assertThat(answer.path("error").path("code").asInt()).isEqualTo(-1);
    assertThat(answer.path("error").path("message").asText()).contains("Binary");
  }

  @Test
  void textAfterTheRequestObjectIsRefusedWithTheRequestsId() {
    JsonNode answer = answerTo("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"ping\"} and more");

    assertThat(answer.path("id").asInt()).isEqualTo(8);
    assertThat(answer.path("error").path("code").asInt()).isEqualTo(-1);
    assertThat(answerTo("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\"}").path("id").asInt())
        .isEqualTo(9);
  }

  @Test
  void joinRoomWithoutSecretIsRefusedAndJoinsNobody() {
    String sessionId = cluster.createSession();
    String token = cluster.createToken(sessionId, OpenViduRole.PUBLISHER);
    ObjectNode params =
        JsonNodeFactory.instance
            .objectNode()
            .put("token", token)
            .put("session", sessionId)
            .put("platform", "test")
            .put("metadata", "");

    JsonNode refused =
        answerTo(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"joinRoom\",\"params\":" + params + "}");

    assertThat(refused.path("error").path("code").asInt()).isEqualTo(-1);
    assertThat(refused.path("error").path("message").asText()).contains("'secret'");
    assertThat(cluster.session(sessionId).orElseThrow().activeConnections()).isEmpty();
    params.put("secret", "");
    JsonNode joined =
        answerTo(
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"joinRoom\",\"params\":" + params + "}");
    assertThat(joined.path("result").path("session").asText()).isEqualTo(sessionId);
  }

  @Test
  void publishVideoWithoutDoLoopbackIsRefusedAndPublishesNothing() {
    String sessionId = cluster.createSession();
    SimulatedParticipant alice = cluster.joinSession(sessionId, 0);
    ObjectNode params =
        JsonNodeFactory.instance
            .objectNode()
            .put("hasAudio", true)
            .put("hasVideo", false)
            .put("sdpOffer", "v=0");

    assertThatThrownBy(() -> alice.call("publishVideo", params))
        .isInstanceOfSatisfying(RpcCallException.class, e -> assertThat(e.code()).isEqualTo(-1));
    assertThat(cluster.connection(sessionId, alice.connectionId()).orElseThrow().publishers())
        .isEmpty();
  }
}
