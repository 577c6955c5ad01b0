package io.openvidu.ha.server.tls;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How masters get their TLS identity: from PEM files an operator provides ({@code --tls-cert},
 * {@code --tls-key}), or a self-signed certificate generated at start for the masters' host names
 * ({@code --tls-self-signed}). Immutable.
 */
public final class TlsSettings {
  /** How long a generated certificate is valid. */
  static final Duration SELF_SIGNED_VALIDITY = Duration.ofDays(90);

  private final Path certificateFile;
  private final Path keyFile;

  private TlsSettings(Path certificateFile, Path keyFile) {
    this.certificateFile = certificateFile;
    this.keyFile = keyFile;
  }

  /**
   * A certificate chain (the masters' certificate first) and its unencrypted private key (PKCS#8,
   * or PKCS#1 RSA), both PEM.
   */
  public static TlsSettings pemFiles(Path certificateChain, Path privateKey) {
    return new TlsSettings(
        Objects.requireNonNull(certificateChain, "certificateChain"),
        Objects.requireNonNull(privateKey, "privateKey"));
  }

  /** A self-signed certificate generated at start (EC P-256, valid 90 days). */
  public static TlsSettings selfSigned() {
    return new TlsSettings(null, null);
  }

  /** Whether the certificate is generated at start. */
  public boolean isSelfSigned() {
    return certificateFile == null;
  }

  /**
   * Reads the PEM files, or generates a certificate for {@code hosts} (host names and IP literals;
   * the first one is also its common name).
   *
   * @throws IllegalArgumentException when the files are not a usable certificate and key (the
   *     message says what to fix)
   */
  public TlsIdentity identity(Set<String> hosts) {
    return isSelfSigned()
        ? SelfSignedCertificate.generate(hosts, SELF_SIGNED_VALIDITY)
        : PemFiles.read(certificateFile, keyFile);
  }

  @Override
  public String toString() {
    return isSelfSigned()
        ? "TlsSettings[self-signed]"
        : "TlsSettings[cert=" + certificateFile + ", key=" + keyFile + "]";
  }
}
