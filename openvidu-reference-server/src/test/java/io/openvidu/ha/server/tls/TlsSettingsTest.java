package io.openvidu.ha.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsSettingsTest {
  private static final Set<String> HOSTS =
      new LinkedHashSet<>(List.of("master.example", "localhost", "127.0.0.1", "::1"));

  @TempDir Path dir;

  @Test
  void aSelfSignedCertificateNamesEveryHostAsASubjectAlternativeName() throws Exception {
    X509Certificate certificate = TlsSettings.selfSigned().identity(HOSTS).chain().get(0);

    assertThat(certificate.getSubjectAlternativeNames())
        .containsExactlyInAnyOrder(
            List.of(2, "master.example"),
            List.of(2, "localhost"),
            List.of(7, "127.0.0.1"),
            List.of(7, "0:0:0:0:0:0:0:1"));
    assertThat(certificate.getSubjectX500Principal().getName()).contains("CN=master.example");
  }

  @Test
  void aSelfSignedCertificateIsValidNowAndSignedByItsOwnKey() throws Exception {
    X509Certificate certificate = TlsSettings.selfSigned().identity(HOSTS).chain().get(0);

    certificate.checkValidity();
    certificate.verify(certificate.getPublicKey());
    assertThat(certificate.getVersion()).isEqualTo(3);
    assertThat(certificate.getBasicConstraints()).isEqualTo(-1); // not a CA
    assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
  }

  @Test
  void twoSelfSignedCertificatesHaveDifferentKeys() {
    X509Certificate first = TlsSettings.selfSigned().identity(HOSTS).chain().get(0);
    X509Certificate second = TlsSettings.selfSigned().identity(HOSTS).chain().get(0);

    assertThat(first.getPublicKey()).isNotEqualTo(second.getPublicKey());
    assertThat(first.getSerialNumber()).isNotEqualTo(second.getSerialNumber());
  }

  @Test
  void pemFilesOfAPkcs8KeyAreReadBack() throws Exception {
    TlsIdentity generated = TlsSettings.selfSigned().identity(HOSTS);
    Path cert = write("cert.pem", TlsIdentity.pem(generated.chain().get(0)));
    Path key = write("key.pem", pem("PRIVATE KEY", generated.privateKey().getEncoded()));

    TlsIdentity read = TlsSettings.pemFiles(cert, key).identity(HOSTS);

    assertThat(read.chain()).isEqualTo(generated.chain());
    assertThat(read.privateKey().getEncoded()).isEqualTo(generated.privateKey().getEncoded());
  }

  @Test
  void aPkcs1RsaKeyIsRead() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    KeyPair keys = rsa.generateKeyPair();
    TlsIdentity generated = SelfSignedCertificate.generate(HOSTS, Duration.ofDays(1), keys);
    Path cert = write("cert.pem", TlsIdentity.pem(generated.chain().get(0)));
    Path key = write("key.pem", pem("RSA PRIVATE KEY", pkcs1(keys.getPrivate())));

    TlsIdentity read = TlsSettings.pemFiles(cert, key).identity(HOSTS);

    assertThat(read.privateKey().getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
  }

  @Test
  void aKeyOfAnotherCertificateIsRefusedNamingBothFiles() throws Exception {
    Path cert =
        write("cert.pem", TlsIdentity.pem(TlsSettings.selfSigned().identity(HOSTS).chain().get(0)));
    Path key =
        write(
            "key.pem",
            pem("PRIVATE KEY", TlsSettings.selfSigned().identity(HOSTS).privateKey().getEncoded()));

    assertThatThrownBy(() -> TlsSettings.pemFiles(cert, key).identity(HOSTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key.pem")
        .hasMessageContaining("cert.pem")
        .hasMessageContaining("does not belong");
  }

  @Test
  void anEncryptedKeyIsRefusedWithWhatToDo() throws Exception {
    TlsIdentity generated = TlsSettings.selfSigned().identity(HOSTS);
    Path cert = write("cert.pem", TlsIdentity.pem(generated.chain().get(0)));
    Path key = write("key.pem", pem("ENCRYPTED PRIVATE KEY", new byte[] {1, 2, 3}));

    assertThatThrownBy(() -> TlsSettings.pemFiles(cert, key).identity(HOSTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("encrypted")
        .hasMessageContaining("openssl");
  }

  @Test
  void aCertificateFileWithoutCertificatesIsRefused() throws Exception {
    Path cert = write("cert.pem", "not a certificate\n");
    Path key = write("key.pem", pem("PRIVATE KEY", new byte[] {1}));

    assertThatThrownBy(() -> TlsSettings.pemFiles(cert, key).identity(HOSTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cert.pem");
  }

  @Test
  void trustMaterialFilesHoldTheCertificateAndItsFingerprint() throws Exception {
    TlsIdentity identity = TlsSettings.selfSigned().identity(HOSTS);
    X509Certificate certificate = identity.chain().get(0);

    TrustMaterial trust = identity.writeTrustMaterial(dir.resolve("trust"));

    assertThat(Files.readString(trust.pemFile())).startsWith("-----BEGIN CERTIFICATE-----");
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (FileInputStream in = new FileInputStream(trust.pkcs12File().toFile())) {
      store.load(in, TrustMaterial.PKCS12_PASSWORD.toCharArray());
    }
    assertThat(store.getCertificate(store.aliases().nextElement())).isEqualTo(certificate);
    String expected =
        HexFormat.ofDelimiter(":")
            .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()))
            .toUpperCase(Locale.ROOT);
    assertThat(trust.sha256Fingerprint()).isEqualTo(expected);
    trust.trustManager().checkServerTrusted(new X509Certificate[] {certificate}, "ECDHE_ECDSA");
  }

  @Test
  void toStringShowsNoKey() {
    TlsIdentity identity = TlsSettings.selfSigned().identity(HOSTS);
    String key = Base64.getEncoder().encodeToString(identity.privateKey().getEncoded());

    assertThat(identity.toString()).doesNotContain(key).contains("key=***");
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  /** The PKCS#1 RSAPrivateKey inside a PKCS#8 encoding: the content of its last OCTET STRING. */
  private static byte[] pkcs1(PrivateKey key) {
    byte[] pkcs8 = key.getEncoded();
    // SEQUENCE { INTEGER 0, SEQUENCE { OID, NULL }, OCTET STRING (82 LL LL) { RSAPrivateKey } }
    int octetString = 4 + 3 + 15;
    assertThat(pkcs8[octetString]).isEqualTo((byte) 0x04);
    return Arrays.copyOfRange(pkcs8, octetString + 4, pkcs8.length);
  }
}
