package io.openvidu.ha.server.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * What masters present in the TLS handshake: a private key and its certificate chain (the server's
 * certificate first). Immutable; {@code toString()} never shows the key.
 */
public final class TlsIdentity {
  private static final String ALIAS = "openvidu";

  private final PrivateKey key;
  private final List<X509Certificate> chain;

  TlsIdentity(PrivateKey key, List<X509Certificate> chain) {
    this.key = Objects.requireNonNull(key, "key");
    this.chain = List.copyOf(chain);
    if (this.chain.isEmpty()) {
      throw new IllegalArgumentException("a TLS identity needs a certificate");
    }
  }

  /** The private key, for tests of this package that write it to a PEM file. */
  PrivateKey privateKey() {
    return key;
  }

  /** The certificate chain, the server's certificate first. */
  public List<X509Certificate> chain() {
    return chain;
  }

  /** A PKCS#12 key store holding the key and its chain under {@code password}, for the server. */
  public KeyStore keyStore(char[] password) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(ALIAS, key, password, chain.toArray(Certificate[]::new));
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build a PKCS#12 key store", e);
    }
  }

  /**
   * Writes what clients need to trust these masters into {@code directory}: the chain's last
   * certificate (the self-signed one, or the root-most one a PEM chain gave) as a PEM file and as a
   * PKCS#12 trust store.
   */
  public TrustMaterial writeTrustMaterial(Path directory) {
    X509Certificate anchor = chain.get(chain.size() - 1);
    Path pem = directory.resolve(TrustMaterial.PEM_FILE_NAME);
    Path pkcs12 = directory.resolve(TrustMaterial.PKCS12_FILE_NAME);
    try {
      Files.createDirectories(directory);
      Files.writeString(pem, pem(anchor));
      KeyStore trust = TrustMaterial.trustStore(List.of(anchor));
      try (OutputStream out = Files.newOutputStream(pkcs12)) {
        trust.store(out, TrustMaterial.PKCS12_PASSWORD.toCharArray());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the TLS trust material to " + directory, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot write a PKCS#12 trust store", e);
    }
    return new TrustMaterial(List.of(anchor), pem, pkcs12);
  }

  static String pem(X509Certificate certificate) {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encode a certificate", e);
    }
  }

  @Override
  public String toString() {
    return "TlsIdentity[" + chain.get(0).getSubjectX500Principal() + ", key=***]";
  }
}
