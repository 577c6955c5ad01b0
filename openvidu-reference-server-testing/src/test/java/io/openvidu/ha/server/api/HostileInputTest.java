package io.openvidu.ha.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvidu.ha.server.testing.OpenViduClusterExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Requests a client should not send, one behaviour per item of issue #18: each is answered with a
 * 4xx (or Jetty's 505) in a JSON error shape, never a 500 and never an HTML page, and leaves
 * nothing behind. Raw sockets where an HTTP client would repair the request.
 */
class HostileInputTest {
  private static final String SECRET = "s3cr3t";
  private static final String SESSIONS = "/openvidu/api/sessions";

  @RegisterExtension
  final OpenViduClusterExtension cluster =
      OpenViduClusterExtension.builder().secret(SECRET).build();

  private ApiClient api;
  private RawHttp raw;

  @BeforeEach
  void connect() {
    api = ApiClient.of(cluster.urlList().get(0), SECRET);
    raw = RawHttp.of(cluster.urlList().get(0), Duration.ofSeconds(10));
  }

  private static Map<String, String> headers(String... namesAndValues) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Host", "localhost");
    headers.put("Authorization", ApiClient.basic("OPENVIDUAPP", SECRET));
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return headers;
  }

  private static void assertJsonError(RawHttp.Answer answer, int status) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.header("Content-Type"))
        .hasValueSatisfying(t -> t.startsWith("application/json"));
    assertThat(answer.json().path("status").asInt()).isEqualTo(status);
    assertThat(answer.isWellFormedError()).isTrue();
  }

  @Test
  void aBodyInAnUnknownCharsetIs400() {
    for (String charset : new String[] {"foo", "", "x".repeat(2000)}) {
      RawHttp.Answer answer =
          raw.send(
              RawHttp.request(
                      "POST",
                      SESSIONS,
                      headers(
                          "Content-Type",
                          "application/json; charset=" + charset,
                          "Content-Length",
                          "2"))
                  + "{}");

      assertJsonError(answer, 400);
      assertThat(answer.json().path("message").asText()).contains("charset");
    }
    assertThat(api.get(SESSIONS).json().path("numberOfElements").asInt()).isZero();
  }

  @Test
  void aBodyThatIsNotValidInItsCharsetIs400() {
    byte[] head =
        RawHttp.request(
                "POST",
                SESSIONS,
                headers("Content-Type", "application/json", "Content-Length", "3"))
            .getBytes(StandardCharsets.ISO_8859_1);
    byte[] request = new byte[head.length + 3];
    System.arraycopy(head, 0, request, 0, head.length);
    request[head.length] = '"';
    request[head.length + 1] = (byte) 0xC0;
    request[head.length + 2] = '"';

    assertJsonError(raw.send(request, false), 400);
  }

  @Test
  void aPathWithAMalformedPercentEscapeIs400() {
    for (String path :
        new String[] {"/openvidu/api/media-nodes/%u0041", SESSIONS + "/%", SESSIONS + "/a%4"}) {
      assertJsonError(raw.send(RawHttp.request("GET", path, headers())), 400);
    }
  }

  @Test
  void aBodyShorterThanItsContentLengthIs400() {
    byte[] request =
        (RawHttp.request(
                    "POST",
                    SESSIONS,
                    headers("Content-Type", "application/json", "Content-Length", "20"))
                + "{}")
            .getBytes(StandardCharsets.ISO_8859_1);

    assertJsonError(raw.send(request, true), 400);
    assertThat(api.get(SESSIONS).json().path("numberOfElements").asInt()).isZero();
  }

  @Test
  void aMalformedChunkedBodyIs400() {
    for (String size : new String[] {"zz", "-5", "FFFFFFFFFFFFFFFFFF"}) {
      String request =
          RawHttp.request(
                  "POST",
                  SESSIONS,
                  headers("Content-Type", "application/json", "Transfer-Encoding", "chunked"))
              + size
              + "\r\n{}\r\n0\r\n\r\n";

      assertJsonError(raw.send(request), 400);
    }
    assertThat(api.get(SESSIONS).json().path("numberOfElements").asInt()).isZero();
  }

  @Test
  void anUnreadableRequestLineOrVersionIs400NotJettys505() {
    for (String request :
        new String[] {
          "GET /openvidu/health HTTP/9.9\r\nHost: localhost\r\n\r\n",
          "GET /openvidu/health\r\n\r\n",
          "GET /openvidu/he\nalth HTTP/1.1\r\nHost: localhost\r\n\r\n"
        }) {
      assertJsonError(raw.send(request), 400);
    }
  }

  @Test
  void errorsJettyRaisesItselfAreJson() {
    assertJsonError(raw.send("GET /openvidu/health HTTP/1.1\r\n\r\n"), 400); // no Host
    assertJsonError(
        raw.send(RawHttp.request("GET", "/openvidu/" + "a".repeat(20_000), headers())), 414);
    assertJsonError(
        raw.send(
            RawHttp.request("POST", SESSIONS, headers("Expect", "banana", "Content-Length", "2"))
                + "{}"),
        417);
    assertJsonError(
        raw.send(RawHttp.request("GET", "/openvidu/health", headers("X-Big", "a".repeat(20_000)))),
        431);
    // A WebSocket upgrade Jetty refuses (a version it does not speak): 426 or 405 depending on the
    // layer that refuses it, JSON either way.
    RawHttp.Answer upgrade =
        raw.send(
            RawHttp.request(
                "GET",
                "/openvidu",
                headers(
                    "Upgrade",
                    "websocket",
                    "Connection",
                    "Upgrade",
                    "Sec-WebSocket-Key",
                    "dGhlIHNhbXBsZSBub25jZQ==",
                    "Sec-WebSocket-Version",
                    "7")));
    assertThat(upgrade.status()).isIn(405, 426);
    assertJsonError(upgrade, upgrade.status());
    for (String path :
        new String[] {SESSIONS + "/%C0%AF", SESSIONS + "/%FF%FE", SESSIONS + "/..;/x"}) {
      assertJsonError(raw.send(RawHttp.request("GET", path, headers())), 400);
    }
  }

  @Test
  void aMethodOverrideHeaderIsIgnored() {
    api.post(SESSIONS, "{\"customSessionId\":\"kept\"}");

    ApiClient.Reply reply =
        api.withHeader("X-HTTP-Method-Override", "DELETE").get(SESSIONS + "/kept");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(api.get(SESSIONS + "/kept").status()).isEqualTo(200);
  }

  @Test
  void headAnswersWhatGetWouldWithoutABody() {
    api.post(SESSIONS, "{\"customSessionId\":\"there\"}");

    assertThat(raw.send(RawHttp.request("HEAD", SESSIONS + "/there", headers())).status())
        .isEqualTo(200);
    assertThat(raw.send(RawHttp.request("HEAD", SESSIONS + "/missing", headers())).status())
        .isEqualTo(404);
    assertThat(
            raw.send(RawHttp.request("HEAD", "/openvidu/api/recordings/start", headers())).status())
        .isEqualTo(api.get("/openvidu/api/recordings/start").status())
        .isEqualTo(404);
    Map<String, String> anonymous = headers();
    anonymous.remove("Authorization");
    assertThat(raw.send(RawHttp.request("HEAD", SESSIONS, anonymous)).status()).isEqualTo(401);
  }

  @Test
  void restartRefusesValuesTheSpecRefuses() {
    JsonNode before = api.get("/openvidu/api/config").json();
    for (String body :
        new String[] {
          "{\"OPENVIDU_RECORDING_NOTIFICATION\":\"banana\"}",
          "{\"OPENVIDU_RECORDING_NOTIFICATION\":\"\"}",
          "{\"OPENVIDU_RECORDING_NOTIFICATION\":\"ALL\"}",
          "{\"OPENVIDU_RECORDING_AUTOSTOP_TIMEOUT\":-1}",
          "{\"OPENVIDU_RECORDING_AUTOSTOP_TIMEOUT\":1e309}",
          "{\"OPENVIDU_SESSIONS_GARBAGE_INTERVAL\":-5}"
        }) {
      ApiClient.Reply reply = api.post("/openvidu/api/restart", body);

      assertThat(reply.status()).as(body).isEqualTo(400);
      assertThat(reply.json().path("message").asText()).as(body).isNotEmpty();
    }
    assertThat(api.get("/openvidu/api/config").json()).isEqualTo(before);
    assertThat(
            api.post("/openvidu/api/restart", "{\"OPENVIDU_RECORDING_NOTIFICATION\":\"all\"}")
                .status())
        .isEqualTo(200);
  }

  @Test
  void aCustomSessionIdOverTheLimitIs400AndOneAtTheLimitStaysReachable() {
    ApiClient.Reply tooLong =
        api.post(SESSIONS, "{\"customSessionId\":\"" + "a".repeat(201) + "\"}");

    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().path("message").asText()).contains("200");
    assertThat(api.get(SESSIONS).json().path("numberOfElements").asInt()).isZero();

    String longest = "b".repeat(200);
    assertThat(api.post(SESSIONS, "{\"customSessionId\":\"" + longest + "\"}").status())
        .isEqualTo(200);
    assertThat(api.get(SESSIONS + "/" + longest).status()).isEqualTo(200);
    assertThat(api.delete(SESSIONS + "/" + longest).status()).isEqualTo(204);
  }

  @Test
  void everyStringOfABodyIsBoundedWithAMessageSayingTheLimit() {
    api.post(SESSIONS, "{\"customSessionId\":\"s\"}");

    ApiClient.Reply data =
        api.post(SESSIONS + "/s/connection", "{\"data\":\"" + "d".repeat(65_537) + "\"}");
    ApiClient.Reply camera =
        api.post(
            SESSIONS + "/s/connection",
            "{\"type\":\"IPCAM\",\"rtspUri\":\"rtsp://h/" + "p".repeat(300) + "\"}");

    assertThat(data.status()).isEqualTo(400);
    assertThat(data.json().path("message").asText()).contains("65536");
    assertThat(camera.status()).isEqualTo(400);
    assertThat(camera.json().path("message").asText()).contains("200");
    assertThat(api.get(SESSIONS + "/s/connection").json().path("numberOfElements").asInt())
        .isZero();
  }

  @Test
  void anIpCameraWhoseConnectionIdCouldNotBeAPathSegmentIs400() {
    api.post(SESSIONS, "{\"customSessionId\":\"cams\"}");

    for (String uri : new String[] {"rtsp://h/a%20b", "rtsp://h/a;b", "rtsp://[::1]/x"}) {
      ApiClient.Reply refused =
          api.post(
              SESSIONS + "/cams/connection", "{\"type\":\"IPCAM\",\"rtspUri\":\"" + uri + "\"}");

      assertThat(refused.status()).as(uri).isEqualTo(400);
    }
    ApiClient.Reply camera =
        api.post(
            SESSIONS + "/cams/connection",
            "{\"type\":\"IPCAM\",\"rtspUri\":\"rtsp://camera.example:554/live/1\"}");
    assertThat(camera.status()).isEqualTo(200);
    String id = camera.json().path("connectionId").asText();
    assertThat(api.delete(SESSIONS + "/cams/connection/" + id).status()).isEqualTo(204);
  }

  @Test
  void aMediaNodeEnvironmentIdThatCannotBeAPathSegmentIs400() {
    int nodes = api.get("/openvidu/api/media-nodes").json().path("numberOfElements").asInt();

    ApiClient.Reply refused =
        api.post(
            "/openvidu/api/media-nodes",
            "{\"uri\":\"ws://10.0.0.9:8888/kurento\",\"environmentId\":\"rtsp://camera/x\"}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(api.get("/openvidu/api/media-nodes").json().path("numberOfElements").asInt())
        .isEqualTo(nodes);
  }
}
