package io.openvidu.examples;

import io.openvidu.ha.server.testing.OpenViduClusterExtension;

/** The cluster every example test runs against: the one {@link Deployment#embedded()} starts, as a JUnit extension. */
public final class EmbeddedClusters {
  private EmbeddedClusters() {
  }

  /** A builder of the embedded cluster's extension, for tests that change something more. */
  public static OpenViduClusterExtension.Builder builder() {
    return OpenViduClusterExtension.builder()
        .masters(Deployment.EMBEDDED_MASTERS)
        .mediaNodes(Deployment.EMBEDDED_MEDIA_NODES)
        .configure(Deployment::configureEmbedded);
  }

  /** The embedded cluster's extension. */
  public static OpenViduClusterExtension extension() {
    return builder().build();
  }
}
