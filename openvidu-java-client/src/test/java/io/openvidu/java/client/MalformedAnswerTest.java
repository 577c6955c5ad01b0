package io.openvidu.java.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A successful status with a body the client cannot use surfaces as {@link
 * OpenViduJavaClientException} naming the operation and what is wrong: never a {@code
 * NullPointerException} or a Jackson exception.
 */
@ExtendWith(MockOpenViduExtension.class)
class MalformedAnswerTest {

  static Stream<Arguments> malformedSessions() {
    String example = SpecExamples.session().toString();
    return Stream.of(
        Arguments.of("truncated", example.substring(0, example.length() / 2), "truncated"),
        Arguments.of("not JSON", "Session created", "not valid JSON"),
        Arguments.of("empty", "", "empty"),
        Arguments.of("an array", "[" + example + "]", "not a JSON object"),
        Arguments.of("followed by garbage", example + "}", "not valid JSON"),
        Arguments.of(
            "with a member twice", "{\"createdAt\":1," + example.substring(1), "not valid JSON"),
        Arguments.of(
            "with a nested member twice",
            SpecExamples.sessionWith()
                .toString()
                .replace("\"connections\":{", "\"connections\":{\"numberOfElements\":0,"),
            "not valid JSON"),
        Arguments.of(
            "without createdAt",
            without(SpecExamples.session(), "createdAt"),
            "'session.createdAt' is missing"),
        Arguments.of(
            "without any id",
            without(withoutNode(SpecExamples.session(), "id"), "sessionId"),
            "'session.id' is missing"),
        Arguments.of(
            "with createdAt a string",
            SpecExamples.session().put("createdAt", "yesterday").toString(),
            "'session.createdAt' should be an integer but is string"),
        Arguments.of(
            "with an unknown codec",
            SpecExamples.session().put("forcedVideoCodec", "AV1").toString(),
            "'session.forcedVideoCodec' has the unknown value 'AV1'"),
        Arguments.of(
            "with a connection lacking its type",
            SpecExamples.sessionWith(withoutNode(SpecExamples.activeConnection(), "type"))
                .toString(),
            "'session.connections.content[0].type' is missing"),
        Arguments.of(
            "with a publisher lacking its stream id",
            sessionWithPublisherLackingStreamId(),
            "'session.connections.content[0].publishers[0].streamId' is missing"));
  }

  @ParameterizedTest(name = "session {0}")
  @MethodSource("malformedSessions")
  void malformedSessionAnswerIsAClientException(
      String what, String body, String explanation, MockOpenVidu mock) {
    mock.answer(200, body);

    assertThatThrownBy(() -> mock.openVidu.createSession())
        .isExactlyInstanceOf(OpenViduJavaClientException.class)
        .hasMessageStartingWith("createSession: unreadable answer (HTTP 200 from ")
        .hasMessageContaining(explanation);
    assertThat(mock.openVidu.getActiveSessions()).isEmpty();
  }

  static Stream<Arguments> malformedRecordings() {
    return Stream.of(
        Arguments.of(
            "without status",
            without(SpecExamples.readyRecording(), "status"),
            "'recording.status' is missing"),
        Arguments.of(
            "with an unknown status",
            SpecExamples.readyRecording().put("status", "paused").toString(),
            "'recording.status' has the unknown value 'paused'"),
        Arguments.of(
            "with an unknown output mode",
            SpecExamples.readyRecording().put("outputMode", "MIXED").toString(),
            "'recording.outputMode' has the unknown value 'MIXED'"),
        Arguments.of(
            "with duration a string",
            SpecExamples.readyRecording().put("duration", "1h").toString(),
            "'recording.duration' should be a number but is string"),
        Arguments.of(
            "with size fractional",
            SpecExamples.readyRecording().put("size", 1.5).toString(),
            "'recording.size' should be an integer but is number"));
  }

  @ParameterizedTest(name = "recording {0}")
  @MethodSource("malformedRecordings")
  void malformedRecordingAnswerIsAClientException(
      String what, String body, String explanation, MockOpenVidu mock) {
    mock.answer(200, body);

    assertThatThrownBy(() -> mock.openVidu.getRecording("ses_YnDaGYNcd7"))
        .isExactlyInstanceOf(OpenViduJavaClientException.class)
        .hasMessageStartingWith("getRecording: unreadable answer (HTTP 200 from ")
        .hasMessageContaining(explanation);
  }

  static Stream<Arguments> malformedLists() {
    Supplier<ObjectNode> broken = () -> SpecExamples.readyRecording().put("createdAt", true);
    return Stream.of(
        Arguments.of("without items", "{\"count\":0}", "'recordings.items' is missing"),
        Arguments.of(
            "with items an object",
            "{\"count\":0,\"items\":{}}",
            "'recordings.items' should be an array but is object"),
        Arguments.of(
            "with a broken item",
            SpecExamples.recordingList(SpecExamples.readyRecording(), broken.get()).toString(),
            "'recordings.items[1].createdAt' should be an integer"));
  }

  @ParameterizedTest(name = "recording list {0}")
  @MethodSource("malformedLists")
  void malformedRecordingListIsAClientException(
      String what, String body, String explanation, MockOpenVidu mock) {
    mock.answer(200, body);

    assertThatThrownBy(() -> mock.openVidu.listRecordings())
        .isExactlyInstanceOf(OpenViduJavaClientException.class)
        .hasMessageStartingWith("listRecordings: unreadable answer")
        .hasMessageContaining(explanation);
  }

  @Test
  void malformedConnectionAnswerIsAClientExceptionAndAddsNothing(MockOpenVidu mock)
      throws Exception {
    Session session = mock.createExampleSession();
    mock.answer(200, SpecExamples.pendingConnection().put("status", 1).toString());

    assertThatThrownBy(session::createConnection)
        .isExactlyInstanceOf(OpenViduJavaClientException.class)
        .hasMessageContaining("'connection.status' should be a string but is number");
    assertThat(session.getConnections()).isEmpty();
  }

  @Test
  void malformedFetchLeavesTheSessionAsItWas(MockOpenVidu mock) throws Exception {
    Session session = mock.createExampleSession();
    mock.answer(
        200, SpecExamples.sessionWith(SpecExamples.pendingConnection().put("createdAt", "now")));

    assertThatThrownBy(session::fetch)
        .isExactlyInstanceOf(OpenViduJavaClientException.class)
        .hasMessageStartingWith("fetchSession: unreadable answer");
    assertThat(session.getConnections()).isEmpty();
  }

  @Test
  void bodyCutOffByTheServerIsAClientExceptionWithItsCause(MockOpenVidu mock) {
    String example = SpecExamples.readyRecording().toString();
    mock.server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .body(example)
            .setHeader("Content-Length", example.length() * 2)
            .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE)
            .build());

    assertThatThrownBy(() -> mock.openVidu.getRecording("ses_YnDaGYNcd7"))
        .isExactlyInstanceOf(OpenViduJavaClientException.class)
        .hasMessageStartingWith("getRecording failed after 1 attempt in ")
        .hasCauseInstanceOf(IOException.class);
  }

  private static String without(ObjectNode json, String member) {
    return withoutNode(json, member).toString();
  }

  private static ObjectNode withoutNode(ObjectNode json, String member) {
    json.remove(member);
    return json;
  }

  private static String sessionWithPublisherLackingStreamId() {
    ObjectNode connection = SpecExamples.activeConnection();
    ((ObjectNode) connection.get("publishers").get(0)).remove("streamId");
    return SpecExamples.sessionWith(connection).toString();
  }
}
