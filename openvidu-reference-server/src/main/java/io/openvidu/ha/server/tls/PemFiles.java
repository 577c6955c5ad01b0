package io.openvidu.ha.server.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a TLS identity from PEM files as web servers take them: a certificate chain (the server's
 * certificate first) and an unencrypted private key, PKCS#8 ({@code BEGIN PRIVATE KEY}: RSA, EC or
 * Ed25519) or PKCS#1 RSA ({@code BEGIN RSA PRIVATE KEY}). Every refusal says what to fix; none
 * shows the key. Stateless.
 */
final class PemFiles {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
  private static final String RSA_ENCRYPTION = "1.2.840.113549.1.1.1";

  private PemFiles() {}

  static TlsIdentity read(Path certificateFile, Path keyFile) {
    List<X509Certificate> chain = certificates(certificateFile);
    PrivateKey key = privateKey(keyFile);
    requireMatch(key, chain.get(0), certificateFile, keyFile);
    return new TlsIdentity(key, chain);
  }

  private static List<X509Certificate> certificates(Path file) {
    List<X509Certificate> chain = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      for (Certificate certificate :
          CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        chain.add((X509Certificate) certificate);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the TLS certificate file " + file, e);
    } catch (CertificateException e) {
      throw new IllegalArgumentException(
          file + " is not a PEM certificate chain: " + e.getMessage(), e);
    }
    if (chain.isEmpty()) {
      throw new IllegalArgumentException(file + " holds no PEM certificate");
    }
    return chain;
  }

  private static PrivateKey privateKey(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the TLS key file " + file, e);
    }
    Matcher block = BLOCK.matcher(text);
    while (block.find()) {
      String type = block.group(1);
      byte[] der;
      try {
        der = Base64.getMimeDecoder().decode(block.group(2));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + " holds a " + type + " block that is not Base64");
      }
      switch (type) {
        case "PRIVATE KEY":
          return pkcs8(der, file);
        case "RSA PRIVATE KEY":
          return pkcs8(wrapPkcs1(der), file);
        case "ENCRYPTED PRIVATE KEY":
          throw new IllegalArgumentException(
              file
                  + " holds an encrypted key; decrypt it first (openssl pkcs8 -in KEY -out PLAIN)");
        case "EC PRIVATE KEY":
          throw new IllegalArgumentException(
              file
                  + " holds a SEC1 EC key; convert it to PKCS#8 first"
                  + " (openssl pkcs8 -topk8 -nocrypt -in KEY -out PKCS8)");
        default:
          // Parameters, certificates: look further.
      }
    }
    throw new IllegalArgumentException(file + " holds no PEM private key (BEGIN PRIVATE KEY)");
  }

  private static PrivateKey pkcs8(byte[] der, Path file) {
    for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "EdDSA"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException e) {
        // Not this algorithm: try the next.
      }
    }
    throw new IllegalArgumentException(file + " holds a private key of an unsupported kind");
  }

  /** PKCS#1 RSAPrivateKey inside a PKCS#8 PrivateKeyInfo (RFC 5208), which KeyFactory reads. */
  private static byte[] wrapPkcs1(byte[] pkcs1) {
    return Der.sequence(
        Der.integer(BigInteger.ZERO),
        Der.sequence(Der.oid(RSA_ENCRYPTION), Der.nullValue()),
        Der.octetString(pkcs1));
  }

  /**
   * Signs and verifies a probe: a key that is not the certificate's fails here, not mid-handshake.
   */
  private static void requireMatch(
      PrivateKey key, X509Certificate certificate, Path certificateFile, Path keyFile) {
    String algorithm =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          default -> key.getAlgorithm();
        };
    boolean matches;
    try {
      byte[] probe = "openvidu".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(probe);
      matches = verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      matches = false;
    }
    if (!matches) {
      throw new IllegalArgumentException(
          "the private key in "
              + keyFile
              + " does not belong to the first certificate of "
              + certificateFile);
    }
  }
}
