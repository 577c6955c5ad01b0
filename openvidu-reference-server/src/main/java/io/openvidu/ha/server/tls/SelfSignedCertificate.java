package io.openvidu.ha.server.tls;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Generates a self-signed X.509 v3 certificate for a set of host names and IP addresses with the
 * JDK alone: an EC P-256 key pair, a certificate signed with SHA256withECDSA whose subject
 * alternative names are those hosts (what clients verify a host name against; the subject's common
 * name only repeats the first one). Stateless.
 */
final class SelfSignedCertificate {
  private static final String SHA256_WITH_ECDSA = "1.2.840.10045.4.3.2";
  private static final String SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
  private static final String COMMON_NAME = "2.5.4.3";
  private static final String ORGANIZATION = "2.5.4.10";
  private static final String SUBJECT_ALT_NAME = "2.5.29.17";
  private static final String BASIC_CONSTRAINTS = "2.5.29.19";
  private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

  private SelfSignedCertificate() {}

  /**
   * A new key pair and certificate valid from an hour ago (clocks differ) for {@code validity}.
   *
   * @param hosts host names and IP literals the certificate is for, the first one also its common
   *     name
   */
  static TlsIdentity generate(Set<String> hosts, Duration validity) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      return generate(hosts, validity, generator.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot generate an EC P-256 key pair", e);
    }
  }

  /** A certificate for {@code keys} (EC, signed SHA256withECDSA, or RSA, SHA256withRSA). */
  static TlsIdentity generate(Set<String> hosts, Duration validity, KeyPair keys) {
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("a certificate needs at least one host");
    }
    boolean rsa = keys.getPrivate().getAlgorithm().equals("RSA");
    try {
      byte[] name =
          Der.sequence(
              Der.set(
                  Der.sequence(
                      Der.oid(ORGANIZATION), Der.utf8String("OpenVidu reference cluster"))),
              Der.set(Der.sequence(Der.oid(COMMON_NAME), Der.utf8String(hosts.iterator().next()))));
      ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).withNano(0);
      byte[] algorithm =
          rsa
              ? Der.sequence(Der.oid(SHA256_WITH_RSA), Der.nullValue())
              : Der.sequence(Der.oid(SHA256_WITH_ECDSA));
      byte[] serial = new byte[16];
      new SecureRandom().nextBytes(serial);
      serial[0] &= 0x7f; // positive, as RFC 5280 requires
      byte[] tbs =
          Der.sequence(
              Der.explicit(0, Der.integer(BigInteger.TWO)), // v3
              Der.integer(new BigInteger(serial)),
              algorithm,
              name,
              Der.sequence(Der.time(now.minusHours(1)), Der.time(now.plus(validity))),
              name,
              keys.getPublic().getEncoded(), // SubjectPublicKeyInfo
              Der.explicit(3, Der.sequence(extensions(hosts))));
      Signature signer = Signature.getInstance(rsa ? "SHA256withRSA" : "SHA256withECDSA");
      signer.initSign(keys.getPrivate());
      signer.update(tbs);
      byte[] certificate = Der.sequence(tbs, algorithm, Der.bitString(signer.sign()));
      X509Certificate parsed =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(certificate));
      return new TlsIdentity(keys.getPrivate(), List.of(parsed));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot sign a certificate", e);
    }
  }

  private static byte[][] extensions(Set<String> hosts) {
    List<byte[]> names = new ArrayList<>();
    for (String host : hosts) {
      byte[] address = ipLiteral(host);
      names.add(
          address != null
              ? Der.implicitPrimitive(7, address) // iPAddress
              : Der.implicitPrimitive(2, host.getBytes(StandardCharsets.US_ASCII)));
    }
    return new byte[][] {
      // Not a CA: clients trust this one certificate, never what it might sign.
      Der.sequence(Der.oid(BASIC_CONSTRAINTS), Der.octetString(Der.sequence())),
      Der.sequence(
          Der.oid(EXTENDED_KEY_USAGE), Der.octetString(Der.sequence(Der.oid(SERVER_AUTH)))),
      Der.sequence(
          Der.oid(SUBJECT_ALT_NAME), Der.octetString(Der.sequence(names.toArray(byte[][]::new))))
    };
  }

  /** The bytes of an IPv4 or IPv6 literal, or null for a host name (never a DNS lookup). */
  private static byte[] ipLiteral(String host) {
    String bare =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    boolean literal = bare.contains(":") || bare.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    if (!literal) {
      return null;
    }
    try {
      return InetAddress.getByName(bare).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: " + host, e);
    }
  }
}
