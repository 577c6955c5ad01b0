package io.openvidu.java.client.internal.transport;

import static io.openvidu.java.client.internal.transport.Responses.ok;
import static io.openvidu.java.client.internal.transport.TransportFixture.SECRET;
import static io.openvidu.java.client.internal.transport.TransportFixture.base;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.openvidu.java.client.OpenViduJavaClientException;
import io.openvidu.java.client.transport.AttemptFailure;
import io.openvidu.java.client.transport.RetryPolicy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockWebServer;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Credentials go to the server and nowhere else; TLS is verified unless explicitly switched off.
 */
class SecurityTest {

  private static final String AUTHORIZATION =
      Credentials.basic("OPENVIDUAPP", SECRET, StandardCharsets.UTF_8);

  @RegisterExtension final TransportFixture fixture = new TransportFixture();

  @Test
  void theFirstRequestAlreadyCarriesBasicCredentials() throws Exception {
    MockWebServer server = fixture.server(ok("{}"));

    fixture.transport(base(server)).execute(Responses.get());

    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo(AUTHORIZATION);
  }

  @Test
  void neitherTheSecretNorTheAuthorizationHeaderAppearInFailuresOrEvents() {
    HttpUrl withUserInfo =
        fixture.closedPort().newBuilder().username("admin").password(SECRET).build();
    Transport transport =
        fixture.transport(
            fixture
                .settings(withUserInfo, fixture.silentServer())
                .attemptTimeout(TransportFixture.SHORT_ATTEMPT)
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).build()));

    OpenViduJavaClientException e =
        catchThrowableOfType(
            OpenViduJavaClientException.class, () -> transport.execute(Responses.get()));

    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    assertThat(trace.toString()).doesNotContain(SECRET).doesNotContain(AUTHORIZATION.substring(6));
    assertThat(fixture.listener().events())
        .isNotEmpty()
        .allSatisfy(event -> assertThat(event).doesNotContain(SECRET));
    assertThat(fixture.settings(withUserInfo).build().toString()).doesNotContain(SECRET);
  }

  @Test
  void anUntrustedCertificateIsRefusedByDefault() {
    MockWebServer server = httpsServerForAnotherHost();
    server.enqueue(ok("{}"));
    Transport transport =
        fixture.transport(fixture.settings(base(server)).retryPolicy(RetryPolicy.noRetries()));

    OpenViduJavaClientException e =
        catchThrowableOfType(
            OpenViduJavaClientException.class, () -> transport.execute(Responses.get()));

    assertThat(e.getAttemptFailures())
        .singleElement()
        .satisfies(
            failure -> {
              assertThat(failure.kind()).isEqualTo(AttemptFailure.Kind.NOT_SENT);
              assertThat(failure.description()).startsWith("TLS handshake failed");
            });
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void trustingAllCertificatesAcceptsAnUntrustedCertificateForAnotherHost() throws Exception {
    MockWebServer server = httpsServerForAnotherHost();
    server.enqueue(ok("{}"));
    Transport transport =
        fixture.transport(fixture.settings(base(server)).trustAllCertificates(true));

    ApiResponse response = transport.execute(Responses.get());

    assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void aSharedClientsTrustedCertificatesAreUsed() throws Exception {
    HeldCertificate certificate =
        new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
    MockWebServer server = fixture.server();
    server.useHttps(
        new HandshakeCertificates.Builder()
            .heldCertificate(certificate)
            .build()
            .sslSocketFactory());
    server.enqueue(ok("{}"));
    HandshakeCertificates trusting =
        new HandshakeCertificates.Builder()
            .addTrustedCertificate(certificate.certificate())
            .build();
    OkHttpClient shared =
        new OkHttpClient.Builder()
            .sslSocketFactory(trusting.sslSocketFactory(), trusting.trustManager())
            .build();

    ApiResponse response =
        fixture
            .transport(fixture.settings(base(server)).sharedClient(shared))
            .execute(Responses.get());

    assertThat(response.status()).isEqualTo(200);
  }

  /**
   * An HTTPS server whose self-signed certificate names another host than the one the client dials.
   */
  private MockWebServer httpsServerForAnotherHost() {
    HeldCertificate certificate =
        new HeldCertificate.Builder().addSubjectAlternativeName("example.invalid").build();
    MockWebServer server = fixture.server();
    server.useHttps(
        new HandshakeCertificates.Builder()
            .heldCertificate(certificate)
            .build()
            .sslSocketFactory());
    return server;
  }
}
