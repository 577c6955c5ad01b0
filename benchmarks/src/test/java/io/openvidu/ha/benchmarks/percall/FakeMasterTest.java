package io.openvidu.ha.benchmarks.percall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvidu.ha.benchmarks.client.ClientSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The per-call benchmark's fake master and raw-socket client, over real loopback sockets: what they
 * answer and send must stay what the benchmark claims, or its numbers compare different work.
 */
class FakeMasterTest {
  private static final String AUTHORIZATION =
      "Basic " + Base64.getEncoder().encodeToString("OPENVIDUAPP:MY_SECRET".getBytes());

  private final HttpClient jdk = HttpClient.newHttpClient();
  private FakeMaster master;

  @BeforeEach
  void start() throws IOException {
    master = FakeMaster.start();
  }

  @AfterEach
  void stop() throws IOException {
    master.close();
  }

  @Test
  void aRequestWithoutCredentialsIsChallengedAsOpenViduDoes() throws Exception {
    HttpResponse<String> answer =
        jdk.send(
            HttpRequest.newBuilder(URI.create(master.url() + "/openvidu/api/sessions/ses_A"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"Realm\"");
    assertThat(master.challengedRequests()).isEqualTo(1);
  }

  @Test
  void aFetchedSessionIsTheSpecShapedSessionOfThatId() throws Exception {
    HttpResponse<String> answer =
        jdk.send(
            HttpRequest.newBuilder(
                    URI.create(
                        master.url() + "/openvidu/api/sessions/ses_A?pendingConnections=true"))
                .header("Authorization", AUTHORIZATION)
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo(FakeMaster.sessionJson("ses_A"));
    assertThat(answer.body()).contains("\"sessionId\":\"ses_A\"", "\"numberOfElements\":2");
  }

  @Test
  void aCreatedSessionKeepsTheCustomIdItWasGiven() throws Exception {
    HttpResponse<String> answer =
        jdk.send(
            HttpRequest.newBuilder(URI.create(master.url() + "/openvidu/api/sessions"))
                .header("Authorization", AUTHORIZATION)
                .POST(HttpRequest.BodyPublishers.ofString("{\"customSessionId\":\"ses_Mine\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"id\":\"ses_Mine\"");
  }

  @Test
  void anUnknownPathIsAnswered404AndCounted() throws Exception {
    HttpResponse<String> answer =
        jdk.send(
            HttpRequest.newBuilder(URI.create(master.url() + "/openvidu/api/config"))
                .header("Authorization", AUTHORIZATION)
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(master.unknownRequests()).isEqualTo(1);
  }

  @Test
  void theRawSocketClientMakesEveryCallOnOneKeepAliveConnectionWithPreemptiveCredentials()
      throws Exception {
    try (RawSocketClient client =
        new RawSocketClient(ClientSettings.defaults(master.url(), "MY_SECRET"))) {
      Object session = client.createSession();
      for (int i = 0; i < 3; i++) {
        client.fetchSession(session);
        client.createConnection(session);
      }
      client.closeSession(session);
    }

    assertThat(master.challengedRequests()).isZero();
    assertThat(master.unknownRequests()).isZero();
    assertThat(master.connectionsAccepted()).isEqualTo(1);
  }

  @Test
  void theRawSocketClientFailsOnAnUnexpectedStatus() throws Exception {
    try (RawSocketClient client =
        new RawSocketClient(ClientSettings.defaults(master.url() + "/elsewhere", "MY_SECRET"))) {
      // The base path is ignored by the raw client; a session id with a slash is not a session.
      assertThatThrownBy(() -> client.fetchSession("ses_A/connection/con_B"))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("answered 404");
    }
  }
}
