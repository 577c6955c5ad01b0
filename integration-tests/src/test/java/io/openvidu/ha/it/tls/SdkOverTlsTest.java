package io.openvidu.ha.it.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvidu.ha.it.scenarios.ClientUnderTest;
import io.openvidu.ha.it.scenarios.ForClient;
import io.openvidu.ha.server.testing.OpenViduClusterExtension;
import io.openvidu.java.client.Connection;
import io.openvidu.java.client.ConnectionProperties;
import io.openvidu.java.client.OpenVidu;
import io.openvidu.java.client.OpenViduJavaClientException;
import io.openvidu.java.client.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SDK against a cluster whose masters speak HTTPS with a self-signed certificate: it verifies
 * certificates by default, so it works once given the cluster's trust material, is refused without
 * it, and only its explicit insecure switch accepts the certificate unverified. Public API only.
 */
@ForClient(ClientUnderTest.OURS)
class SdkOverTlsTest {

  @RegisterExtension
  static OpenViduClusterExtension cluster =
      OpenViduClusterExtension.builder().masters(2).tls().build();

  @Test
  void verifiesTheMastersWithTheClusterTrustMaterialAndGetsWssTokens() throws Exception {
    try (OpenVidu openVidu = TlsClients.trusting(cluster)) {
      Session session = openVidu.createSession();
      Connection connection = session.createConnection(new ConnectionProperties.Builder().build());
      openVidu.fetch();

      assertThat(connection.getToken()).startsWith("wss://127.0.0.1:");
      assertThat(openVidu.getActiveSessions())
          .extracting(Session::getSessionId)
          .contains(session.getSessionId());
    }
  }

  @Test
  void refusesTheSelfSignedCertificateWithoutTheTrustMaterial() {
    try (OpenVidu openVidu = TlsClients.withDefaultTrust(cluster)) {
      assertThatThrownBy(openVidu::createSession)
          .isInstanceOf(OpenViduJavaClientException.class)
          .hasMessageContaining("TLS handshake failed");
    }
  }

  @Test
  void acceptsTheCertificateUnverifiedOnlyWithTheInsecureSwitch() throws Exception {
    try (OpenVidu openVidu = TlsClients.trustingEverything(cluster)) {
      Session session = openVidu.createSession();

      assertThat(session.getSessionId()).startsWith("ses_");
    }
  }
}
