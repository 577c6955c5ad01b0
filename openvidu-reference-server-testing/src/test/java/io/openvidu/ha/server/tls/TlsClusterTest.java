package io.openvidu.ha.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvidu.ha.server.api.ApiClient;
import io.openvidu.ha.server.recording.RecordingSettings;
import io.openvidu.ha.server.testing.OpenViduClusterExtension;
import io.openvidu.ha.server.testing.SimulatedParticipant;
import java.io.FileInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilderException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A cluster whose masters speak HTTPS and WSS with a certificate generated at start. */
class TlsClusterTest {

  @RegisterExtension
  static OpenViduClusterExtension cluster =
      OpenViduClusterExtension.builder()
          .masters(2)
          .tls()
          .configure(
              b ->
                  b.recordingSettings(
                      RecordingSettings.defaults()
                          .withProcessingTime(Duration.ofMillis(50))
                          .withSweepInterval(Duration.ofMillis(25))))
          .build();

  @Test
  void mastersAnswerOverHttpsToAClientTrustingTheClusterMaterial() {
    assertThat(cluster.urlList()).allMatch(url -> url.startsWith("https://127.0.0.1:"));

    ApiClient.Reply reply = trusted(1).post("/openvidu/api/sessions", null);

    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void aClientThatDoesNotTrustTheClusterIsRefusedInTheHandshake() {
    ApiClient untrusting = ApiClient.of(cluster.urlList().get(0), cluster.secret());

    assertThatThrownBy(() -> untrusting.get("/openvidu/api/config"))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(SSLHandshakeException.class)
        .hasRootCauseInstanceOf(CertPathBuilderException.class);
  }

  @Test
  void plainHttpOnATlsMasterGetsNoAnswer() {
    ApiClient plain =
        ApiClient.of(cluster.urlList().get(0).replace("https://", "http://"), cluster.secret());

    assertThatThrownBy(() -> plain.get("/openvidu/api/config"))
        .isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void tokensSayWssAndThePublicUrlHttps() {
    String sessionId = session();

    String token = connection(sessionId).get("token").asText();
    JsonNode config = trusted(0).get("/openvidu/api/config").json();

    assertThat(token).startsWith("wss://127.0.0.1:");
    assertThat(config.get("OPENVIDU_PUBLICURL").asText()).startsWith("https://127.0.0.1:");
  }

  @Test
  void aParticipantJoinsThroughAnyMasterOverWss() {
    String sessionId = session();
    String token = connection(sessionId).get("token").asText();

    try (SimulatedParticipant participant =
        SimulatedParticipant.builder(token)
            .via(URI.create(cluster.urlList().get(1)))
            .sslContext(cluster.trustMaterial().sslContext())
            .join()) {

      JsonNode connection =
          trusted(0)
              .get(
                  "/openvidu/api/sessions/"
                      + sessionId
                      + "/connection/"
                      + participant.connectionId())
              .json();
      assertThat(connection.get("status").asText()).isEqualTo("active");
    }
  }

  @Test
  void theMastersPresentTheCertificateWhoseFingerprintIsGiven() throws Exception {
    URI master = URI.create(cluster.urlList().get(0));
    SSLContext context = cluster.trustMaterial().sslContext();

    byte[] presented;
    try (SSLSocket socket =
        (SSLSocket) context.getSocketFactory().createSocket(master.getHost(), master.getPort())) {
      socket.startHandshake();
      presented = socket.getSession().getPeerCertificates()[0].getEncoded();
    }

    String fingerprint =
        HexFormat.ofDelimiter(":")
            .formatHex(MessageDigest.getInstance("SHA-256").digest(presented))
            .toUpperCase(Locale.ROOT);
    assertThat(cluster.trustMaterial().sha256Fingerprint()).isEqualTo(fingerprint);
  }

  @Test
  void thePkcs12TrustStoreFileVerifiesTheMasters() throws Exception {
    TrustMaterial trust = cluster.trustMaterial();
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (FileInputStream in = new FileInputStream(trust.pkcs12File().toFile())) {
      store.load(in, TrustMaterial.PKCS12_PASSWORD.toCharArray());
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);

    ApiClient.Reply reply =
        ApiClient.of(cluster.urlList().get(0), cluster.secret())
            .trusting(context)
            .get("/openvidu/api/config");

    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void recordingFilesAreServedOverHttpsAtTheirUrl() {
    String sessionId = session();
    String token = connection(sessionId).get("token").asText();
    try (SimulatedParticipant participant =
        SimulatedParticipant.builder(token)
            .sslContext(cluster.trustMaterial().sslContext())
            .join()) {
      participant.publish();
      assertThat(
              trusted(0)
                  .post("/openvidu/api/recordings/start", "{\"session\":\"" + sessionId + "\"}")
                  .status())
          .isEqualTo(200);
      trusted(0).post("/openvidu/api/recordings/stop/" + sessionId, null);
    }

    String url =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> trusted(1).get("/openvidu/api/recordings/" + sessionId).json(),
                r -> r.get("status").asText().equals("ready"))
            .get("url")
            .asText();

    assertThat(url).startsWith(cluster.urlList().get(0) + "/openvidu/recordings/");
    ApiClient.Reply download = trusted(1).get(url.substring(cluster.urlList().get(0).length()));
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.header("Content-Type")).hasValue("video/mp4");
  }

  private static ApiClient trusted(int master) {
    return ApiClient.of(cluster.urlList().get(master), cluster.secret())
        .trusting(cluster.trustMaterial().sslContext());
  }

  private static String session() {
    return trusted(0).post("/openvidu/api/sessions", null).json().get("id").asText();
  }

  private static JsonNode connection(String sessionId) {
    return trusted(0)
        .post("/openvidu/api/sessions/" + sessionId + "/connection", "{\"role\":\"PUBLISHER\"}")
        .json();
  }
}
