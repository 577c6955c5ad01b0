package io.openvidu.java.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvidu.java.client.transport.RetryPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Credentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link OpenVidu.Builder#proxyAuthentication}: a {@link MockWebServer} plays an HTTP proxy that
 * asks for Basic credentials (it receives the absolute-form requests a proxy receives), the
 * OpenVidu host behind it does not even resolve.
 */
class ProxyAuthenticationTest {

  private static final String PROXY_PASSWORD = "pr0xy-s3cret";
  private static final String PROXY_AUTHORIZATION = Credentials.basic("alice", PROXY_PASSWORD);
  private static final String BEHIND_PROXY = "http://openvidu.behind-the-proxy.invalid:4443";

  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  private final MockWebServer proxy = new MockWebServer();
  private OpenVidu openVidu;

  @BeforeEach
  void startProxy() throws Exception {
    proxy.start(InetAddress.getLoopbackAddress(), 0);
    openVidu =
        new OpenVidu.Builder()
            .endpoints(BEHIND_PROXY)
            .secret(MockOpenVidu.SECRET)
            .proxy(
                new Proxy(
                    Proxy.Type.HTTP, new InetSocketAddress(proxy.getHostName(), proxy.getPort())))
            .proxyAuthentication("alice", PROXY_PASSWORD)
            .callTimeout(Duration.ofSeconds(5))
            .attemptTimeout(Duration.ofSeconds(5))
            .retryPolicy(RetryPolicy.noRetries())
            .build();
  }

  @AfterEach
  void stop() {
    openVidu.close();
    proxy.close();
  }

  @Test
  void aChallengeIsAnsweredWithTheCredentialsAndTheCallSucceeds() throws Exception {
    proxy.enqueue(challenge());
    proxy.enqueue(session());

    Session session = openVidu.createSession();

    RecordedRequest first = proxy.takeRequest();
    RecordedRequest second = proxy.takeRequest();
    assertThat(first.getTarget()).startsWith(BEHIND_PROXY + "/openvidu/api/sessions");
    assertThat(first.getHeaders().get("Proxy-Authorization")).isNull();
    assertThat(second.getHeaders().get("Proxy-Authorization")).isEqualTo(PROXY_AUTHORIZATION);
    assertThat(second.getHeaders().get("Authorization")).isEqualTo(MockOpenVidu.AUTHORIZATION);
    assertThat(second.getBody().utf8()).isEqualTo(first.getBody().utf8());
    assertThat(session.getSessionId()).isEqualTo("ses_YnDaGYNcd7");
  }

  @Test
  void onceChallengedLaterRequestsCarryTheCredentialsFromTheStart() throws Exception {
    proxy.enqueue(challenge());
    proxy.enqueue(session());
    proxy.enqueue(session());
    openVidu.createSession();

    openVidu.fetchSession("ses_YnDaGYNcd7");

    proxy.takeRequest();
    proxy.takeRequest();
    RecordedRequest third = proxy.takeRequest();
    assertThat(third.getTarget()).contains("/openvidu/api/sessions/ses_YnDaGYNcd7");
    assertThat(third.getHeaders().get("Proxy-Authorization")).isEqualTo(PROXY_AUTHORIZATION);
    assertThat(proxy.getRequestCount()).isEqualTo(3);
  }

  @Test
  void credentialsTheProxyRefusesAreA407WithoutThePasswordAnywhere() {
    proxy.enqueue(challenge());
    proxy.enqueue(challenge());

    assertThatThrownBy(() -> openVidu.createSession())
        .isInstanceOfSatisfying(
            OpenViduHttpException.class,
            e -> {
              assertThat(e.getStatus()).isEqualTo(407);
              assertThat(e.toString())
                  .contains("Proxy Authentication Required")
                  .doesNotContain(PROXY_PASSWORD)
                  .doesNotContain(PROXY_AUTHORIZATION.substring("Basic ".length()));
            });
    assertThat(proxy.getRequestCount()).isEqualTo(2);
    assertThat(logs.text())
        .doesNotContain(PROXY_PASSWORD)
        .doesNotContain(PROXY_AUTHORIZATION.substring("Basic ".length()));
    assertThat(openVidu.toString()).doesNotContain(PROXY_PASSWORD);
  }

  private static MockResponse challenge() {
    return new MockResponse.Builder()
        .code(407)
        .setHeader("Proxy-Authenticate", "Basic realm=\"corporate\"")
        .build();
  }

  private static MockResponse session() {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json")
        .body(SpecExamples.session().toString())
        .build();
  }
}
