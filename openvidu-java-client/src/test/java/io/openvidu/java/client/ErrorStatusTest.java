package io.openvidu.java.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error status the REST contract documents for an operation surfaces as an {@link
 * OpenViduHttpException} with that status, the server's message when the body has one, and a
 * message naming the operation.
 */
@ExtendWith(MockOpenViduExtension.class)
class ErrorStatusTest {

  /** One SDK call, made on the example session {@code ses_YnDaGYNcd7}. */
  @FunctionalInterface
  interface Call {
    void on(OpenVidu openVidu, Session session) throws OpenViduException;
  }

  private static final Map<String, Call> CALLS = calls();

  private static Map<String, Call> calls() {
    Map<String, Call> calls = new LinkedHashMap<>();
    calls.put("createSession", (ov, s) -> ov.createSession());
    calls.put("fetchSession", (ov, s) -> s.fetch());
    calls.put("fetchSessions", (ov, s) -> ov.fetch());
    calls.put("closeSession", (ov, s) -> s.close());
    calls.put("createConnection", (ov, s) -> s.createConnection());
    calls.put("generateToken", ErrorStatusTest::generateToken);
    calls.put(
        "updateConnection",
        (ov, s) ->
            s.updateConnection(
                "con_Xnxg19tonh",
                new ConnectionProperties.Builder().role(OpenViduRole.MODERATOR).build()));
    calls.put("forceDisconnect", (ov, s) -> s.forceDisconnect("con_Xnxg19tonh"));
    calls.put("forceUnpublish", (ov, s) -> s.forceUnpublish("str_CAM_NhxL_con_Xnxg19tonh"));
    calls.put("startRecording", (ov, s) -> ov.startRecording("ses_YnDaGYNcd7"));
    calls.put("stopRecording", (ov, s) -> ov.stopRecording("ses_YnDaGYNcd7"));
    calls.put("getRecording", (ov, s) -> ov.getRecording("ses_YnDaGYNcd7"));
    calls.put("listRecordings", (ov, s) -> ov.listRecordings());
    calls.put("deleteRecording", (ov, s) -> ov.deleteRecording("ses_YnDaGYNcd7"));
    return calls;
  }

  @SuppressWarnings("deprecation")
  private static void generateToken(OpenVidu openVidu, Session session) throws OpenViduException {
    session.generateToken();
  }

  /** The documented error statuses of each operation (rest-api.md §4-§5); 401 applies to all. */
  static List<Arguments> documentedErrors() {
    Object[][] table = {
      {"createSession", new int[] {400}},
      {"fetchSession", new int[] {404}},
      {"closeSession", new int[] {400, 404}},
      {"createConnection", new int[] {400, 404, 500}},
      {"generateToken", new int[] {400, 404, 500}},
      {"updateConnection", new int[] {400, 404, 405}},
      {"forceDisconnect", new int[] {400, 404}},
      {"forceUnpublish", new int[] {400, 404, 405}},
      {"startRecording", new int[] {400, 404, 406, 409, 422, 500, 501, 503}},
      {"stopRecording", new int[] {404, 406, 409, 500, 501}},
      {"getRecording", new int[] {404, 501}},
      {"listRecordings", new int[] {501}},
      {"deleteRecording", new int[] {404, 409, 500, 501}},
    };
    List<Arguments> cases = new ArrayList<>();
    for (Object[] row : table) {
      for (int status : (int[]) row[1]) {
        cases.add(Arguments.of(row[0], status));
      }
    }
    for (String operation : CALLS.keySet()) {
      cases.add(Arguments.of(operation, 401));
    }
    return cases;
  }

  @ParameterizedTest(name = "{0} answered {1} with an empty body")
  @MethodSource("documentedErrors")
  void emptyErrorBodySurfacesTheStatus(String operation, int status, MockOpenVidu mock)
      throws Exception {
    Session session = mock.createExampleSession();
    mock.answer(status);

    assertThatThrownBy(() -> CALLS.get(operation).on(mock.openVidu, session))
        .isInstanceOfSatisfying(
            OpenViduHttpException.class,
            e -> {
              assertThat(e.getStatus()).isEqualTo(status);
              assertThat(e.getServerMessage()).isNull();
            })
        .hasMessage(String.valueOf(status))
        .asString()
        .contains(": " + status + " (" + operation + " failed: HTTP " + status + " ");
  }

  @ParameterizedTest(name = "{0} answered {1} with a JSON error")
  @MethodSource("documentedErrors")
  void jsonErrorBodySurfacesTheStatusAndServerMessage(
      String operation, int status, MockOpenVidu mock) throws Exception {
    Session session = mock.createExampleSession();
    mock.answer(
        status,
        SpecExamples.customSessionIdError().put("status", status).put("message", "Explained"));

    assertThatThrownBy(() -> CALLS.get(operation).on(mock.openVidu, session))
        .isInstanceOfSatisfying(
            OpenViduHttpException.class,
            e -> {
              assertThat(e.getStatus()).isEqualTo(status);
              assertThat(e.getServerMessage()).isEqualTo("Explained");
            })
        .hasMessage(String.valueOf(status))
        .asString()
        .contains(": " + status + " (" + operation + " failed: HTTP " + status + " ")
        .endsWith(": Explained)");
  }

  @Test
  void plainTextErrorBodyIsTheServerMessage(MockOpenVidu mock) {
    mock.answer(500, "Error starting recording: no space left");

    assertThatThrownBy(() -> mock.openVidu.startRecording("ses_YnDaGYNcd7"))
        .isInstanceOfSatisfying(
            OpenViduHttpException.class,
            e ->
                assertThat(e.getServerMessage())
                    .isEqualTo("Error starting recording: no space left"))
        .hasMessage("500")
        .hasToString(
            detailed(
                500,
                "startRecording failed: HTTP 500 Internal Server Error: Error starting recording: no "
                    + "space left"));
  }

  @Test
  void htmlErrorPageIsNotAServerMessage(MockOpenVidu mock) {
    mock.answer(502, "<html><body><h1>502 Bad Gateway</h1></body></html>");

    assertThatThrownBy(() -> mock.openVidu.getRecording("ses_YnDaGYNcd7"))
        .isInstanceOfSatisfying(
            OpenViduHttpException.class, e -> assertThat(e.getServerMessage()).isNull())
        .hasMessage("502")
        .hasToString(detailed(502, "getRecording failed: HTTP 502 Bad Gateway"));
  }

  @Test
  void frameworkErrorWithEmptyMessageHasNoServerMessage(MockOpenVidu mock) {
    mock.answer(
        405,
        "{\"timestamp\":\"2021-09-22T13:55:07.123+00:00\",\"status\":405,"
            + "\"error\":\"Method Not Allowed\",\"message\":\"\",\"path\":\"/openvidu/api/recordings\"}");

    assertThatThrownBy(() -> mock.openVidu.deleteRecording("ses_YnDaGYNcd7"))
        .isInstanceOfSatisfying(
            OpenViduHttpException.class, e -> assertThat(e.getServerMessage()).isNull())
        .hasMessage("405")
        .hasToString(detailed(405, "deleteRecording failed: HTTP 405 Method Not Allowed"));
  }

  private static String detailed(int status, String detail) {
    return OpenViduHttpException.class.getName() + ": " + status + " (" + detail + ")";
  }
}
