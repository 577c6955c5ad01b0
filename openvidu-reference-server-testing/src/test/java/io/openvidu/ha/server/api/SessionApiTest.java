package io.openvidu.ha.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvidu.ha.server.testing.OpenViduClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /openvidu/api/sessions}: rest-api.md §4. */
class SessionApiTest {
  @RegisterExtension
  final OpenViduClusterExtension cluster = OpenViduClusterExtension.builder().build();

  private ApiClient api;

  @BeforeEach
  void connect() {
    api = ApiClient.of(cluster.urlList().get(0), cluster.secret());
  }

  @Test
  void createSessionWithoutBodyGeneratesAnIdAndUsesDefaults() {
    ApiClient.Reply reply = api.post("/openvidu/api/sessions", null);

    assertThat(reply.status()).isEqualTo(200);
    JsonNode session = reply.json();
    assertThat(session.get("id").asText()).matches("ses_[A-Z][A-Za-z0-9]{9}");
    assertThat(session.get("sessionId").asText()).isEqualTo(session.get("id").asText());
    assertThat(session.get("object").asText()).isEqualTo("session");
    assertThat(session.get("customSessionId").asText()).isEmpty();
    assertThat(session.get("mediaMode").asText()).isEqualTo("ROUTED");
    assertThat(session.get("recordingMode").asText()).isEqualTo("MANUAL");
    assertThat(session.get("forcedVideoCodec").asText()).isEqualTo("VP8");
    assertThat(session.get("allowTranscoding").asBoolean()).isFalse();
    assertThat(session.get("recording").asBoolean()).isFalse();
    assertThat(session.get("connections").toString())
        .isEqualTo("{\"numberOfElements\":0,\"content\":[]}");
    assertThat(session.get("defaultRecordingProperties").toString())
        .isEqualTo(
            "{\"name\":\"\",\"hasAudio\":true,"
                + "\"hasVideo\":true,\"outputMode\":\"COMPOSED\",\"recordingLayout\":\"BEST_FIT\",\"resolution\":\"1280x720\","
                + "\"frameRate\":25,\"shmSize\":536870912}");
    assertThat(session.has("mediaNodeId")).isFalse();
  }

  @Test
  void createSessionKeepsCustomIdAndProperties() {
    ApiClient.Reply reply =
        api.post(
            "/openvidu/api/sessions",
            "{\"customSessionId\":\"Test_Session-1\","
                + "\"mediaMode\":\"RELAYED\",\"recordingMode\":\"ALWAYS\",\"forcedVideoCodec\":\"H264\","
                + "\"allowTranscoding\":true,\"defaultRecordingProperties\":{\"outputMode\":\"INDIVIDUAL\","
                + "\"name\":\"rec\",\"ignoreFailedStreams\":true}}");

    assertThat(reply.status()).isEqualTo(200);
    JsonNode session = reply.json();
    assertThat(session.get("id").asText()).isEqualTo("Test_Session-1");
    assertThat(session.get("customSessionId").asText()).isEqualTo("Test_Session-1");
    assertThat(session.get("mediaMode").asText()).isEqualTo("RELAYED");
    assertThat(session.get("recordingMode").asText()).isEqualTo("ALWAYS");
    assertThat(session.get("forcedVideoCodec").asText()).isEqualTo("H264");
    assertThat(session.get("allowTranscoding").asBoolean()).isTrue();
    assertThat(session.get("defaultRecordingProperties").toString())
        .isEqualTo(
            "{\"name\":\"rec\","
                + "\"hasAudio\":true,\"hasVideo\":true,\"outputMode\":\"INDIVIDUAL\",\"ignoreFailedStreams\":true}");
  }

  @Test
  void composedOnlyDefaultsAreIgnoredWithoutExplicitComposedOutputMode() {
    JsonNode session =
        api.post(
                "/openvidu/api/sessions",
                "{\"defaultRecordingProperties\":{\"recordingLayout\":\"CUSTOM\",\"resolution\":\"640x480\"}}")
            .json();

    assertThat(session.at("/defaultRecordingProperties/recordingLayout").asText())
        .isEqualTo("BEST_FIT");
    assertThat(session.at("/defaultRecordingProperties/resolution").asText()).isEqualTo("1280x720");
  }

  @Test
  void createSessionWithTakenCustomIdIs409WithEmptyBody() {
    api.post("/openvidu/api/sessions", "{\"customSessionId\":\"taken\"}");

    ApiClient.Reply reply = api.post("/openvidu/api/sessions", "{\"customSessionId\":\"taken\"}");

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.body()).isEmpty();
  }

  @Test
  void createSessionWithWrongTypeIs400WithJsonError() {
    ApiClient.Reply reply = api.post("/openvidu/api/sessions", "{\"customSessionId\":999}");

    assertThat(reply.status()).isEqualTo(400);
    JsonNode error = reply.json();
    assertThat(error.get("status").asInt()).isEqualTo(400);
    assertThat(error.get("error").asText()).isEqualTo("Bad Request");
    assertThat(error.get("message").asText()).contains("customSessionId");
    assertThat(error.get("path").asText()).isEqualTo("/openvidu/api/sessions");
    assertThat(error.get("timestamp").isNumber()).isTrue();
  }

  @Test
  void createSessionWithUnknownEnumValueIs400() {
    assertThat(api.post("/openvidu/api/sessions", "{\"recordingMode\":\"SOMETIMES\"}").status())
        .isEqualTo(400);
  }

  @Test
  void createSessionWithBooleanWhereEnumIsExpectedIs400() {
    assertThat(api.post("/openvidu/api/sessions", "{\"recordingMode\":false}").status())
        .isEqualTo(400);
  }

  @Test
  void createSessionWithInvalidCustomIdIs400() {
    ApiClient.Reply reply =
        api.post("/openvidu/api/sessions", "{\"customSessionId\":\"no spaces\"}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("message").asText()).contains("[a-zA-Z0-9_-]");
  }

  @Test
  void createSessionWithNonObjectDefaultRecordingPropertiesIs400() {
    ApiClient.Reply reply =
        api.post("/openvidu/api/sessions", "{\"defaultRecordingProperties\":\"x\"}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("message").asText()).contains("defaultRecordingProperties");
  }

  @Test
  void createSessionWithMalformedJsonIs400() {
    ApiClient.Reply reply = api.post("/openvidu/api/sessions", "{\"customSessionId\":");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("timestamp").isTextual()).isTrue();
  }

  @Test
  void createSessionWithNonObjectBodyIs400() {
    assertThat(api.post("/openvidu/api/sessions", "[1,2]").status()).isEqualTo(400);
  }

  @Test
  void createdSessionIsRetrievedById() {
    api.post("/openvidu/api/sessions", "{\"customSessionId\":\"s1\"}");

    ApiClient.Reply reply = api.get("/openvidu/api/sessions/s1");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("id").asText()).isEqualTo("s1");
  }

  @Test
  void sessionIdsAreCaseSensitive() {
    api.post("/openvidu/api/sessions", "{\"customSessionId\":\"s1\"}");

    assertThat(api.get("/openvidu/api/sessions/S1").status()).isEqualTo(404);
  }

  @Test
  void unknownSessionIs404WithEmptyBody() {
    ApiClient.Reply reply = api.get("/openvidu/api/sessions/nope");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.body()).isEmpty();
    assertThat(reply.header("Content-Type")).isEmpty();
  }

  @Test
  void listShowsEverySession() {
    api.post("/openvidu/api/sessions", "{\"customSessionId\":\"a\"}");
    api.post("/openvidu/api/sessions", "{\"customSessionId\":\"b\"}");

    JsonNode list = api.get("/openvidu/api/sessions").json();

    assertThat(list.get("numberOfElements").asInt()).isEqualTo(2);
    assertThat(list.get("content").findValuesAsText("id")).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void pendingConnectionsAreListedOnlyWhenAsked() {
    api.post("/openvidu/api/sessions", "{\"customSessionId\":\"s1\"}");
    api.post("/openvidu/api/sessions/s1/connection", "{}");

    JsonNode without = api.get("/openvidu/api/sessions/s1").json();
    JsonNode with = api.get("/openvidu/api/sessions/s1?pendingConnections=true").json();

    assertThat(without.at("/connections/numberOfElements").asInt()).isZero();
    assertThat(with.at("/connections/numberOfElements").asInt()).isEqualTo(1);
    assertThat(with.at("/connections/content/0/status").asText()).isEqualTo("pending");
  }

  @Test
  void nonBooleanQueryFlagIs400() {
    api.post("/openvidu/api/sessions", "{\"customSessionId\":\"s1\"}");

    assertThat(api.get("/openvidu/api/sessions/s1?pendingConnections=maybe").status())
        .isEqualTo(400);
  }

  @Test
  void deletedSessionIsGoneAndItsIdReusable() {
    api.post("/openvidu/api/sessions", "{\"customSessionId\":\"s1\"}");

    ApiClient.Reply deleted = api.delete("/openvidu/api/sessions/s1");

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(api.get("/openvidu/api/sessions/s1").status()).isEqualTo(404);
    assertThat(api.post("/openvidu/api/sessions", "{\"customSessionId\":\"s1\"}").status())
        .isEqualTo(200);
  }

  @Test
  void deletingUnknownSessionIs404() {
    assertThat(api.delete("/openvidu/api/sessions/nope").status()).isEqualTo(404);
  }

  @Test
  void deletingTheSessionCollectionIs405WithAllowHeader() {
    ApiClient.Reply reply = api.delete("/openvidu/api/sessions");

    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.header("Allow"))
        .hasValueSatisfying(allow -> assertThat(allow).contains("GET", "POST"));
  }
}
