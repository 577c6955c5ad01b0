package io.openvidu.ha.server.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * What a client needs to verify the cluster's masters: the certificate(s) to trust, written as a
 * PEM file and as a PKCS#12 trust store (password {@value #PKCS12_PASSWORD}: it only guards the
 * store's integrity, a trust store holds nothing secret), and ready-made JDK objects for clients in
 * the same JVM. Immutable.
 *
 * <pre>{@code
 * TrustMaterial trust = cluster.trustMaterial().orElseThrow();
 * OkHttpClient http = new OkHttpClient.Builder()
 *     .sslSocketFactory(trust.sslContext().getSocketFactory(), trust.trustManager()).build();
 * }</pre>
 */
public final class TrustMaterial {
  /** The password of {@link #pkcs12File()}. */
  public static final String PKCS12_PASSWORD = "changeit";

  static final String PEM_FILE_NAME = "openvidu-cluster-trust.pem";
  static final String PKCS12_FILE_NAME = "openvidu-cluster-trust.p12";

  private final List<X509Certificate> certificates;
  private final Path pemFile;
  private final Path pkcs12File;

  TrustMaterial(List<X509Certificate> certificates, Path pemFile, Path pkcs12File) {
    this.certificates = List.copyOf(certificates);
    this.pemFile = pemFile;
    this.pkcs12File = pkcs12File;
  }

  /** The certificates to trust. */
  public List<X509Certificate> certificates() {
    return certificates;
  }

  /** The certificates to trust, PEM-encoded (for {@code curl --cacert}, Node, Python). */
  public Path pemFile() {
    return pemFile;
  }

  /**
   * The certificates to trust as a PKCS#12 trust store (for {@code -Djavax.net.ssl.trustStore});
   * its password is {@value #PKCS12_PASSWORD}.
   */
  public Path pkcs12File() {
    return pkcs12File;
  }

  /**
   * The SHA-256 fingerprint of the (first) trusted certificate, upper-case hex pairs separated by
   * colons, as {@code keytool -list} and browsers show it.
   */
  public String sha256Fingerprint() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificates.get(0).getEncoded());
      return HexFormat.ofDelimiter(":").formatHex(digest).toUpperCase(Locale.ROOT);
    } catch (CertificateEncodingException | java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot fingerprint the certificate", e);
    }
  }

  /** A trust manager that trusts these certificates and nothing else. */
  public X509TrustManager trustManager() {
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trustStore(certificates));
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          return x509;
        }
      }
      throw new IllegalStateException("the JVM's trust manager factory made no X.509 manager");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build a trust manager", e);
    }
  }

  /** A TLS context that trusts these certificates and nothing else. */
  public SSLContext sslContext() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trustManager()}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build a TLS context", e);
    }
  }

  static KeyStore trustStore(List<X509Certificate> certificates) throws GeneralSecurityException {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      for (int i = 0; i < certificates.size(); i++) {
        store.setCertificateEntry("openvidu-" + i, certificates.get(i));
      }
      return store;
    } catch (IOException e) {
      throw new IllegalStateException("cannot create an empty key store", e);
    }
  }

  @Override
  public String toString() {
    return "TrustMaterial[pem="
        + pemFile
        + ", pkcs12="
        + pkcs12File
        + ", sha256="
        + sha256Fingerprint()
        + "]";
  }
}
