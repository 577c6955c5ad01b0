package io.openvidu.ha.server.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvidu.ha.server.rpc.ParticipantSocket.Participant;
import org.junit.jupiter.api.Test;

class RpcFramingTest {

  private static JsonNode json(String text) throws Exception {
    return RpcFrames.MAPPER.readTree(text);
  }

  @Test
  void resultsCarryTheRpcSessionIdAndEchoTheRequestId() throws Exception {
    RpcRequest request =
        RpcRequest.parse("{\"jsonrpc\":\"2.0\",\"method\":\"leaveRoom\",\"params\":{},\"id\":7}");

    JsonNode frame =
        json(RpcFrames.result(request.id(), RpcFrames.object(), "u2rfj4al1nj3k2c2r1t9kj6bq1"));

    assertThat(frame.toString())
        .isEqualTo(
            "{\"id\":7,\"result\":{\"sessionId\":\"u2rfj4al1nj3k2c2r1t9kj6bq1\"},\"jsonrpc\":\"2.0\"}");
  }

  @Test
  void errorsCarryOpenViduCodes() throws Exception {
    JsonNode frame = json(RpcFrames.error(json("3"), RpcError.USER_UNAUTHORIZED, "no"));

    assertThat(frame.path("error").path("code").asInt()).isEqualTo(401);
    assertThat(frame.path("error").path("message").asText()).isEqualTo("no");
    assertThat(frame.path("id").asInt()).isEqualTo(3);
  }

  @Test
  void notificationsHaveNoId() throws Exception {
    JsonNode frame =
        json(RpcFrames.notification("participantLeft", RpcFrames.object().put("reason", "x")));

    assertThat(frame.has("id")).isFalse();
    assertThat(frame.path("method").asText()).isEqualTo("participantLeft");
  }

  @Test
  void aRequestWithoutParamsHasEmptyParams() {
    assertThat(
            RpcRequest.parse("{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"id\":1}")
                .params()
                .isEmpty())
        .isTrue();
  }

  @Test
  void aMissingMandatoryParamFailsWithCodeMinusOneNamingIt() {
    RpcRequest request =
        RpcRequest.parse("{\"method\":\"joinRoom\",\"params\":{\"session\":1},\"id\":1}");

    assertThatThrownBy(() -> request.text("session"))
        .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.error().code).isEqualTo(-1))
        .hasMessageContaining("'session'");
  }

  @Test
  void textThatIsNotJsonRpcIsRefused() {
    assertThatThrownBy(() -> RpcRequest.parse("hello")).isInstanceOf(RpcException.class);
    assertThatThrownBy(() -> RpcRequest.parse("{\"id\":1}")).isInstanceOf(RpcException.class);
  }

  @Test
  void credentialsStayOutOfToString() {
    RpcRequest join =
        RpcRequest.parse(
            "{\"method\":\"joinRoom\",\"params\":{\"token\":\"ws://h?sessionId=s&token="
                + "tok_Secret\",\"secret\":\"MY_SECRET\"},\"id\":1}");
    Participant participant = new Participant("u2rfj4al1nj3k2c2r1t9kj6bq1", "ses_A", "con_B");

    assertThat(join.toString()).doesNotContain("tok_Secret", "MY_SECRET");
    assertThat(participant.toString())
        .doesNotContain("u2rfj4al1nj3k2c2r1t9kj6bq1")
        .contains("con_B");
  }
}
