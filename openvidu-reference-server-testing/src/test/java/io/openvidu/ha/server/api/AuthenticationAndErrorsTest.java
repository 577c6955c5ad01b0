package io.openvidu.ha.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvidu.ha.server.testing.OpenViduClusterExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Authentication, CORS, unknown paths and oversized bodies: rest-api.md §1–2. */
class AuthenticationAndErrorsTest {
  @RegisterExtension
  final OpenViduClusterExtension cluster =
      OpenViduClusterExtension.builder().secret("s3cr3t").build();

  private ApiClient api;

  @BeforeEach
  void connect() {
    api = ApiClient.of(cluster.urlList().get(0), "s3cr3t");
  }

  @Test
  void missingCredentialsAre401WithBasicChallenge() {
    ApiClient.Reply reply = api.without("Authorization").get("/openvidu/api/sessions");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.header("WWW-Authenticate")).contains("Basic realm=\"Realm\"");
  }

  @Test
  void wrongSecretIs401() {
    ApiClient.Reply reply =
        api.withHeader("Authorization", ApiClient.basic("OPENVIDUAPP", "s3cr3T"))
            .post("/openvidu/api/sessions", "{}");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.header("WWW-Authenticate")).contains("Basic realm=\"Realm\"");
  }

  @Test
  void wrongUserIs401() {
    assertThat(
            api.withHeader("Authorization", ApiClient.basic("ADMIN", "s3cr3t"))
                .get("/openvidu/api/sessions")
                .status())
        .isEqualTo(401);
  }

  @Test
  void garbledAuthorizationHeaderIs401() {
    assertThat(api.withHeader("Authorization", "Basic %%%").get("/openvidu/api/sessions").status())
        .isEqualTo(401);
  }

  @Test
  void rejectedRequestChangesNothing() {
    api.without("Authorization").post("/openvidu/api/sessions", "{\"customSessionId\":\"s1\"}");

    assertThat(api.get("/openvidu/api/sessions/s1").status()).isEqualTo(404);
  }

  @Test
  void publicUrlIsPublicAndEndsWithSlash() {
    ApiClient.Reply reply =
        api.without("Authorization").get("/openvidu/api/config/openvidu-publicurl");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo(cluster.urlList().get(0) + "/");
  }

  @Test
  void preflightNeedsNoCredentialsAndAllowsAnyOrigin() {
    ApiClient.Reply reply =
        api.without("Authorization")
            .withHeader("Origin", "https://app.example")
            .withHeader("Access-Control-Request-Method", "POST")
            .send("OPTIONS", "/openvidu/api/sessions", null);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Access-Control-Allow-Origin")).contains("*");
  }

  @Test
  void unknownPathIs404WithFrameworkJson() {
    ApiClient.Reply reply = api.get("/openvidu/api/nothing-here");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().get("timestamp").isTextual()).isTrue();
    assertThat(reply.json().get("path").asText()).isEqualTo("/openvidu/api/nothing-here");
  }

  @Test
  void bodyOverOneMebibyteIs413WithJsonMessage() {
    String huge = "{\"data\":\"" + "x".repeat(1024 * 1024) + "\"}";

    ApiClient.Reply reply = api.post("/openvidu/api/sessions", huge);

    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.json().get("message").asText()).contains("larger than");
  }

  @Test
  void chunkedBodyOverOneMebibyteIs413() throws Exception {
    byte[] huge =
        ("{\"data\":\"" + "x".repeat(1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(cluster.urlList().get(0) + "/openvidu/api/sessions"))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", ApiClient.basic("OPENVIDUAPP", "s3cr3t"))
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(huge)))
            .build();

    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(413);
  }

  @Test
  void deeplyNestedBodyIs400NotServerError() {
    String nested = "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

    assertThat(api.post("/openvidu/api/sessions", nested).status()).isBetween(400, 499);
  }
}
