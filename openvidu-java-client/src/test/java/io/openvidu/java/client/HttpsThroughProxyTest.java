package io.openvidu.java.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvidu.java.client.transport.RetryPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Duration;
import javax.net.ssl.SSLException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Credentials;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An HTTPS master reached through an HTTP proxy that asks for credentials: the client opens a
 * tunnel with {@code CONNECT}, carrying {@code Proxy-Authorization} there only, and verifies the
 * master's certificate through it. A real proxy ({@link ConnectProxy}) and a real TLS master.
 */
class HttpsThroughProxyTest {

  private static final String PROXY_PASSWORD = "pr0xy-s3cret";
  private static final String PROXY_AUTHORIZATION = Credentials.basic("alice", PROXY_PASSWORD);
  private static final String ENCODED = PROXY_AUTHORIZATION.substring("Basic ".length());

  @RegisterExtension final CapturedLogs logs = new CapturedLogs();

  private final HeldCertificate certificate =
      new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
  private final MockWebServer master = new MockWebServer();
  private ConnectProxy proxy;

  @BeforeEach
  void start() throws Exception {
    master.useHttps(
        new HandshakeCertificates.Builder()
            .heldCertificate(certificate)
            .build()
            .sslSocketFactory());
    master.start(InetAddress.getLoopbackAddress(), 0);
    proxy = new ConnectProxy(PROXY_AUTHORIZATION);
  }

  @AfterEach
  void stop() throws Exception {
    proxy.close();
    master.close();
  }

  @Test
  void theTunnelCarriesTheCredentialsAndTheMasterNeverSeesThem() throws Exception {
    master.enqueue(new MockResponse.Builder().code(204).build());

    try (OpenVidu openVidu = client(PROXY_PASSWORD, true)) {
      openVidu.deleteRecording("r");
    }

    assertThat(proxy.connects())
        .singleElement()
        .asString()
        .startsWith("CONNECT localhost:" + master.getPort() + " HTTP/1.1")
        .contains("Proxy-Authorization: " + PROXY_AUTHORIZATION);
    RecordedRequest request = master.takeRequest();
    assertThat(request.getHandshake()).as("TLS inside the tunnel").isNotNull();
    assertThat(request.getHeaders().get("Proxy-Authorization")).isNull();
    assertThat(request.getHeaders().get("Authorization")).isEqualTo(MockOpenVidu.AUTHORIZATION);
    assertThat(logs.text()).doesNotContain(PROXY_PASSWORD).doesNotContain(ENCODED);
  }

  @Test
  void aCertificateTheClientDoesNotTrustIsRefusedThroughTheTunnel() {
    try (OpenVidu openVidu = client(PROXY_PASSWORD, false)) {
      assertThatThrownBy(() -> openVidu.deleteRecording("r"))
          .isInstanceOf(OpenViduJavaClientException.class)
          .hasCauseInstanceOf(SSLException.class);
    }
    assertThat(proxy.connects()).as("the tunnel was opened").isNotEmpty();
    assertThat(master.getRequestCount()).as("no request got through").isZero();
  }

  @Test
  void credentialsTheProxyRefusesEndTheCallWithoutThemInMessagesOrLogs() {
    String wrongPassword = "wr0ng-s3cret";
    String wrongEncoded = Credentials.basic("alice", wrongPassword).substring("Basic ".length());

    try (OpenVidu openVidu = client(wrongPassword, true)) {
      assertThatThrownBy(() -> openVidu.deleteRecording("r"))
          .isInstanceOfSatisfying(
              OpenViduJavaClientException.class,
              e -> {
                StringBuilder all = new StringBuilder();
                for (Throwable t = e; t != null; t = t.getCause()) {
                  all.append(t).append('\n');
                }
                assertThat(all.toString())
                    .doesNotContain(wrongPassword)
                    .doesNotContain(wrongEncoded);
              });
      assertThat(openVidu.toString()).doesNotContain(wrongPassword);
    }
    assertThat(proxy.connects()).isNotEmpty();
    assertThat(master.getRequestCount()).isZero();
    assertThat(logs.text()).doesNotContain(wrongPassword).doesNotContain(wrongEncoded);
  }

  private OpenVidu client(String proxyPassword, boolean trustMaster) {
    OpenVidu.Builder builder =
        new OpenVidu.Builder()
            .endpoints("https://localhost:" + master.getPort())
            .secret(MockOpenVidu.SECRET)
            .proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", proxy.port())))
            .proxyAuthentication("alice", proxyPassword)
            .callTimeout(Duration.ofSeconds(5))
            .attemptTimeout(Duration.ofSeconds(5))
            .retryPolicy(RetryPolicy.noRetries());
    if (trustMaster) {
      HandshakeCertificates trusting =
          new HandshakeCertificates.Builder()
              .addTrustedCertificate(certificate.certificate())
              .build();
      builder.sslSocketFactory(trusting.sslSocketFactory(), trusting.trustManager());
    }
    return builder.build();
  }
}
