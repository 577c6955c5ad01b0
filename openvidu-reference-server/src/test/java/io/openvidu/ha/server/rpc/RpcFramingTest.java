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

  private static RpcRequest request(String text) {
    ParsedFrame parsed = RpcRequest.parse(text);
    assertThat(parsed).isInstanceOf(RpcRequest.class);
    return (RpcRequest) parsed;
  }

  private static ParsedFrame.Invalid invalid(String text) {
    ParsedFrame parsed = RpcRequest.parse(text);
    assertThat(parsed).isInstanceOf(ParsedFrame.Invalid.class);
    return (ParsedFrame.Invalid) parsed;
  }

  @Test
  void resultsCarryTheRpcSessionIdAndEchoTheRequestId() throws Exception {
    RpcRequest request =
        request("{\"jsonrpc\":\"2.0\",\"method\":\"leaveRoom\",\"params\":{},\"id\":7}");

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
    assertThat(request("{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"id\":1}").params().isEmpty())
        .isTrue();
  }

  @Test
  void aMissingMandatoryParamFailsWithCodeMinusOneNamingIt() {
    RpcRequest request = request("{\"method\":\"joinRoom\",\"params\":{\"session\":1},\"id\":1}");

    assertThatThrownBy(() -> request.text("session"))
        .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.error().code).isEqualTo(-1))
        .hasMessageContaining("'session'");
  }

  @Test
  void textThatIsNotJsonRpcIsRefusedWithANullId() {
    assertThat(invalid("hello").id().isNull()).isTrue();
    assertThat(invalid("[1,2]").id().isNull()).isTrue();
  }

  @Test
  void aMalformedRequestWithAReadableIdIsRefusedWithThatId() {
    assertThat(invalid("{\"id\":4}").id().asInt()).isEqualTo(4);
    assertThat(invalid("{\"id\":5,\"method\":7}").id().asInt()).isEqualTo(5);
    assertThat(invalid("{\"id\":\"a\",\"method\":\"ping\",\"params\":[]}").id().asText())
        .isEqualTo("a");
  }

  @Test
  void anIdThatIsNeitherStringNorNumberIsNotEchoed() {
    assertThat(invalid("{\"id\":{\"x\":1},\"method\":\"ping\"}").id().isNull()).isTrue();
    assertThat(invalid("{\"id\":true,\"method\":\"ping\"}").id().isNull()).isTrue();
  }

  @Test
  void textAfterTheRequestObjectIsRefusedWithItsId() {
    ParsedFrame.Invalid trailing = invalid("{\"id\":6,\"method\":\"ping\"} {\"id\":7}");
    assertThat(trailing.id().asInt()).isEqualTo(6);
    assertThat(invalid("{\"id\":8,\"method\":\"ping\"}garbage").id().asInt()).isEqualTo(8);
  }

  @Test
  void aHugeNumericIdIsEchoedAsANumber() throws Exception {
    RpcRequest ping = request("{\"id\":1e309,\"method\":\"ping\"}");

    String text = RpcFrames.bareResult(ping.id(), RpcFrames.object());
    JsonNode frame = RpcRequest.READER.readTree(text);

    assertThat(text).doesNotContain("Infinity");
    assertThat(frame.get("id").isNumber()).isTrue();
    assertThat(frame.get("id").decimalValue()).isEqualByComparingTo("1e309");
  }

  @Test
  void credentialsStayOutOfToString() {
    RpcRequest join =
        request(
            "{\"method\":\"joinRoom\",\"params\":{\"token\":\"ws://h?sessionId=s&token="
                + "tok_Secret\",\"secret\":\"MY_SECRET\"},\"id\":1}");
    Participant participant = new Participant("u2rfj4al1nj3k2c2r1t9kj6bq1", "ses_A", "con_B");

    assertThat(join.toString()).doesNotContain("tok_Secret", "MY_SECRET");
    assertThat(participant.toString())
        .doesNotContain("u2rfj4al1nj3k2c2r1t9kj6bq1")
        .contains("con_B");
  }
}
