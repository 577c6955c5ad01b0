package io.openvidu.ha.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvidu.ha.server.testing.RedisServerExtension;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two node processes started from the command line over one Redis form one cluster: when one is
 * killed, the other keeps serving everything the first created.
 */
class TwoProcessRedisClusterTest {
  @RegisterExtension static RedisServerExtension redis = new RedisServerExtension();

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String AUTH =
      "Basic "
          + Base64.getEncoder()
              .encodeToString("OPENVIDUAPP:MY_SECRET".getBytes(StandardCharsets.UTF_8));

  @TempDir Path dir;

  @Test
  void survivorServesEverythingTheKilledProcessCreated() throws Exception {
    try (NodeProcess.Launch launchA =
            NodeProcess.launch(
                dir.resolve("a.log"),
                "--store",
                redis.uri(),
                "--port",
                "0",
                "--recordings-dir",
                dir.resolve("rec").toString());
        NodeProcess.Launch launchB =
            NodeProcess.launch(
                dir.resolve("b.log"),
                "--store",
                redis.uri(),
                "--port",
                "0",
                "--recordings-dir",
                dir.resolve("rec").toString());
        NodeProcess a = launchA.get();
        NodeProcess b = launchB.get()) {
      String onA = a.firstUrl();
      String onB = b.firstUrl();
      call("POST", onA, "/openvidu/api/sessions", "{\"customSessionId\":\"s1\"}");
      String pending =
          call("POST", onA, "/openvidu/api/sessions/s1/connection", "{\"data\":\"d\"}")
              .json()
              .get("id")
              .asText();
      call("POST", onA, "/openvidu/api/sessions", "{\"customSessionId\":\"s2\"}");
      String camera =
          call(
                  "POST",
                  onA,
                  "/openvidu/api/sessions/s2/connection",
                  "{\"type\":\"IPCAM\",\"rtspUri\":\"rtsp://10.0.0.7/live\"}")
              .json()
              .get("id")
              .asText();
      Reply created = callWithKey(onA, "k1", "/openvidu/api/sessions", "{}");

      a.kill();

      assertThatThrownBy(() -> call("GET", onA, "/openvidu/api/sessions", null))
          .hasCauseInstanceOf(ConnectException.class);
      assertThat(
              call("GET", onB, "/openvidu/api/sessions/s1/connection/" + pending, null)
                  .json()
                  .get("serverData")
                  .asText())
          .isEqualTo("d");
      JsonNode s2 = call("GET", onB, "/openvidu/api/sessions/s2", null).json();
      assertThat(s2.at("/connections/content/0/id").asText()).isEqualTo(camera);
      assertThat(s2.get("mediaNodeId").asText()).isEqualTo("media_simulated-1");
      assertThat(callWithKey(onB, "k1", "/openvidu/api/sessions", "{}").body)
          .isEqualTo(created.body);
      assertThat(
              call("DELETE", onB, "/openvidu/api/sessions/s1/connection/" + pending, null).status)
          .isEqualTo(204);
      assertThat(call("DELETE", onB, "/openvidu/api/sessions/s2", null).status).isEqualTo(204);
      assertThat(call("GET", onB, "/openvidu/health", null).status).isEqualTo(200);
    }
  }

  @Test
  void sigtermStopsAProcessCleanly() throws Exception {
    try (NodeProcess a =
        NodeProcess.start(
            dir.resolve("a.log"),
            "--store",
            redis.uri(),
            "--port",
            "0",
            "--recordings-dir",
            dir.resolve("rec").toString())) {
      String url = a.firstUrl();

      a.terminate();

      assertThat(a.isAlive()).isFalse();
      assertThat(java.nio.file.Files.readString(dir.resolve("a.log"))).contains("stopped");
      assertThatThrownBy(() -> call("GET", url, "/openvidu/health", null))
          .hasCauseInstanceOf(ConnectException.class);
    }
  }

  private static Reply callWithKey(String base, String key, String path, String body)
      throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static Reply call(String method, String base, String path, String body) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body)));
  }

  private static Reply send(HttpRequest.Builder request) throws Exception {
    try {
      HttpResponse<String> response =
          HTTP.send(
              request
                  .header("Authorization", AUTH)
                  .header("Content-Type", "application/json")
                  .timeout(Duration.ofSeconds(20))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException("call failed", e);
    }
  }

  private record Reply(int status, String body) {
    JsonNode json() throws IOException {
      return JSON.readTree(body);
    }
  }
}
