package io.openvidu.java.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link OpenVidu#sendSignal}: the request of rest-api.md §5.13 and each refusal's exception. */
@ExtendWith(MockOpenViduExtension.class)
class SignalTest {

  @Test
  void aSignalToChosenConnectionsPostsSessionRecipientsTypeAndData(MockOpenVidu mock)
      throws Exception {
    mock.answer(200);

    mock.openVidu.sendSignal(
        Signal.builder("ses_YnDaGYNcd7")
            .to("con_Xnxg19tonh", "con_Ug19QAnZpA")
            .type("chat")
            .data("hello")
            .build());

    RecordedRequest request = mock.request();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo("/openvidu/api/signal");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo(MockOpenVidu.AUTHORIZATION);
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(request.getBody().utf8())
        .isEqualTo(
            "{\"session\":\"ses_YnDaGYNcd7\",\"to\":[\"con_Xnxg19tonh\",\"con_Ug19QAnZpA\"],"
                + "\"type\":\"chat\",\"data\":\"hello\"}");
  }

  @Test
  void aBroadcastLeavesOutRecipientsTypeAndData(MockOpenVidu mock) throws Exception {
    mock.answer(200);

    mock.openVidu.sendSignal(Signal.builder("ses_YnDaGYNcd7").build());

    JsonNode body = mock.requestBody();
    assertThat(body.toString()).isEqualTo("{\"session\":\"ses_YnDaGYNcd7\"}");
  }

  @Test
  void anUnknownSessionIsSessionNotFound(MockOpenVidu mock) {
    mock.answer(404);

    assertThatThrownBy(() -> mock.openVidu.sendSignal(Signal.builder("gone").build()))
        .isInstanceOfSatisfying(
            SessionNotFoundException.class,
            e -> {
              assertThat(e.getStatus()).isEqualTo(404);
              assertThat(e.getMessage()).isEqualTo("404");
              assertThat(e.sessionId()).isEqualTo("gone");
              assertThat(e.toString()).contains("sendSignal failed: HTTP 404 Not Found");
            });
  }

  @Test
  void aSessionNobodyJoinedIsSessionNotActive(MockOpenVidu mock) {
    mock.answer(406);

    assertThatThrownBy(() -> mock.openVidu.sendSignal(Signal.builder("ses_YnDaGYNcd7").build()))
        .isInstanceOfSatisfying(
            SessionNotActiveException.class,
            e -> {
              assertThat(e.getStatus()).isEqualTo(406);
              assertThat(e.sessionId()).isEqualTo("ses_YnDaGYNcd7");
            });
  }

  @Test
  void aRecipientNotConnectedIsInvalidSignalRecipients(MockOpenVidu mock) {
    mock.answer(
        406,
        "{\"status\":406,\"error\":\"Not Acceptable\","
            + "\"message\":\"\\\"to\\\" array has no valid connection identifiers\"}");

    assertThatThrownBy(
            () ->
                mock.openVidu.sendSignal(
                    Signal.builder("ses_YnDaGYNcd7").to("con_Nobody0000").build()))
        .isInstanceOfSatisfying(
            InvalidSignalRecipientsException.class,
            e -> {
              assertThat(e.getStatus()).isEqualTo(406);
              assertThat(e.recipients()).containsExactly("con_Nobody0000");
              assertThat(e.getServerMessage())
                  .isEqualTo("\"to\" array has no valid connection identifiers");
            });
  }

  @Test
  void anotherRefusalIsAnOpenViduHttpExceptionWithItsStatus(MockOpenVidu mock) {
    mock.answer(400, "{\"message\":\"Type error in some parameter\"}");

    assertThatThrownBy(() -> mock.openVidu.sendSignal(Signal.builder("ses_YnDaGYNcd7").build()))
        .isExactlyInstanceOf(OpenViduHttpException.class)
        .hasMessage("400");
  }

  @Test
  void anEmptyRecipientIsRefusedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> Signal.builder("ses_YnDaGYNcd7").to("con_A", ""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringNeverShowsTheData() {
    Signal signal = Signal.builder("ses_YnDaGYNcd7").type("chat").data("private words").build();

    assertThat(signal.toString()).contains("ses_YnDaGYNcd7", "chat").doesNotContain("private");
  }
}
