package io.openvidu.java.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import javax.net.ssl.SSLException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * TLS is verified by default (the official client trusts every certificate and host name); trusting
 * all is an explicit opt-in.
 */
class TlsVerificationTest {

  private final MockWebServer server = new MockWebServer();

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void aSelfSignedCertificateIsRejectedByDefault() throws Exception {
    startHttpsWith(certificateFor("localhost"));

    try (OpenVidu openVidu = builder().build()) {
      assertThatThrownBy(() -> openVidu.deleteRecording("r"))
          .isInstanceOf(OpenViduJavaClientException.class)
          .hasCauseInstanceOf(SSLException.class);
    }
    assertThat(server.getRequestCount()).as("no request got through").isZero();
  }

  @Test
  void aSelfSignedCertificateIsAcceptedWhenTrustingAllIsChosen() throws Exception {
    startHttpsWith(certificateFor("localhost"));
    server.enqueue(new MockResponse.Builder().code(204).build());

    try (OpenVidu openVidu = builder().insecureTrustAllCertificates().build()) {
      openVidu.deleteRecording("r");
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aTrustedCertificateForAnotherHostIsRejected() throws Exception {
    HeldCertificate wrongHost = certificateFor("openvidu.example.com");
    startHttpsWith(wrongHost);
    HandshakeCertificates trustingIt = trusting(wrongHost);

    try (OpenVidu openVidu =
        builder()
            .sslSocketFactory(trustingIt.sslSocketFactory(), trustingIt.trustManager())
            .build()) {
      assertThatThrownBy(() -> openVidu.deleteRecording("r"))
          .isInstanceOf(OpenViduJavaClientException.class)
          .hasCauseInstanceOf(SSLException.class);
    }
  }

  @Test
  void aHostnameVerifierChosenOnTheBuilderDecidesWhichNamesMatch() throws Exception {
    HeldCertificate otherHost = certificateFor("openvidu.example.com");
    startHttpsWith(otherHost);
    server.enqueue(new MockResponse.Builder().code(204).build());
    HandshakeCertificates trustingIt = trusting(otherHost);

    try (OpenVidu openVidu =
        builder()
            .sslSocketFactory(trustingIt.sslSocketFactory(), trustingIt.trustManager())
            .hostnameVerifier((host, session) -> host.equals("localhost"))
            .build()) {
      openVidu.deleteRecording("r");
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aTrustedCertificateForTheHostIsAccepted() throws Exception {
    HeldCertificate certificate = certificateFor("localhost");
    startHttpsWith(certificate);
    server.enqueue(new MockResponse.Builder().code(204).build());
    HandshakeCertificates trustingIt = trusting(certificate);

    try (OpenVidu openVidu =
        builder()
            .sslSocketFactory(trustingIt.sslSocketFactory(), trustingIt.trustManager())
            .build()) {
      openVidu.deleteRecording("r");
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  private static HeldCertificate certificateFor(String host) {
    return new HeldCertificate.Builder().addSubjectAlternativeName(host).build();
  }

  private static HandshakeCertificates trusting(HeldCertificate certificate) {
    return new HandshakeCertificates.Builder()
        .addTrustedCertificate(certificate.certificate())
        .build();
  }

  private void startHttpsWith(HeldCertificate certificate) throws Exception {
    server.useHttps(
        new HandshakeCertificates.Builder()
            .heldCertificate(certificate)
            .build()
            .sslSocketFactory());
    server.start(InetAddress.getByName("localhost"), 0);
  }

  private OpenVidu.Builder builder() {
    return new OpenVidu.Builder().endpoints(server.url("/").toString()).secret(MockOpenVidu.SECRET);
  }
}
