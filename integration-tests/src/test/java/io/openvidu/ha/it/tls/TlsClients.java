package io.openvidu.ha.it.tls;

import io.openvidu.ha.server.testing.OpenViduClusterExtension;
import io.openvidu.ha.server.tls.TrustMaterial;
import io.openvidu.java.client.OpenVidu;
import java.time.Duration;

/**
 * SDK clients of a TLS cluster, each with another trust. Kept out of the test class: the builder
 * exists only in our SDK, and the official client's execution must still be able to load the test
 * class to skip it.
 */
final class TlsClients {
  private TlsClients() {}

  /** Verifies the masters with the cluster's trust material. */
  static OpenVidu trusting(OpenViduClusterExtension cluster) {
    TrustMaterial trust = cluster.trustMaterial();
    return builder(cluster)
        .sslSocketFactory(trust.sslContext().getSocketFactory(), trust.trustManager())
        .build();
  }

  /** Verifies the masters with the JVM's default trust, which does not know them. */
  static OpenVidu withDefaultTrust(OpenViduClusterExtension cluster) {
    return builder(cluster).build();
  }

  /** Verifies nothing. */
  static OpenVidu trustingEverything(OpenViduClusterExtension cluster) {
    return builder(cluster).insecureTrustAllCertificates().build();
  }

  private static OpenVidu.Builder builder(OpenViduClusterExtension cluster) {
    return new OpenVidu.Builder()
        .endpoints(cluster.urlList().toArray(String[]::new))
        .secret(cluster.secret())
        .callTimeout(Duration.ofSeconds(5))
        .attemptTimeout(Duration.ofSeconds(5));
  }
}
