package io.openvidu.ha.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvidu.ha.server.cluster.OpenViduCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The public extension, as a user registers it: a Redis-backed cluster for the whole class. */
class OpenViduClusterExtensionTest {
  @RegisterExtension static RedisServerExtension redis = new RedisServerExtension();

  @RegisterExtension
  static OpenViduClusterExtension cluster =
      OpenViduClusterExtension.builder()
          .masters(2)
          .mediaNodes(2)
          .secret("ext-secret")
          .store(redis::uri)
          .build();

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void injectsUrlsSecretAndCluster(
      @OpenViduUrls String urls, @OpenViduSecret String secret, OpenViduCluster running) {
    assertThat(urls).isEqualTo(cluster.urls()).contains(",");
    assertThat(urls.split(",")).allMatch(url -> url.startsWith("http://127.0.0.1:"));
    assertThat(secret).isEqualTo("ext-secret");
    assertThat(running.store().isReachable()).isTrue();
  }

  @Test
  void mastersShareTheRedisState() throws Exception {
    send(
        "POST",
        cluster.urlList().get(0),
        "/openvidu/api/sessions",
        "{\"customSessionId\":\"shared\"}");

    assertThat(
            send("GET", cluster.urlList().get(1), "/openvidu/api/sessions/shared", null)
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void mediaNodeHandlesNameTheStartedNodes() {
    assertThat(cluster.mediaNode(1).id()).isEqualTo("media_simulated-2");
  }

  private static HttpResponse<String> send(String method, String base, String path, String body)
      throws Exception {
    String auth =
        Base64.getEncoder()
            .encodeToString("OPENVIDUAPP:ext-secret".getBytes(StandardCharsets.UTF_8));
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Basic " + auth)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
