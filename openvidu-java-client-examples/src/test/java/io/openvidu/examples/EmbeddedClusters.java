package io.openvidu.examples;

import io.openvidu.ha.server.recording.RecordingSettings;
import io.openvidu.ha.server.testing.OpenViduClusterExtension;
import java.time.Duration;

/**
 * The cluster every example test runs against: the one {@link Deployment#embedded()} starts, as a
 * JUnit extension, except that stopped recordings turn ready after 100 ms instead of a second, so
 * that tests wait less.
 */
public final class EmbeddedClusters {
  private EmbeddedClusters() {}

  /** A builder of the embedded cluster's extension, for tests that change something more. */
  public static OpenViduClusterExtension.Builder builder() {
    return OpenViduClusterExtension.builder()
        .masters(Deployment.EMBEDDED_MASTERS)
        .mediaNodes(Deployment.EMBEDDED_MEDIA_NODES)
        .configure(Deployment::configureEmbedded)
        .configure(
            builder ->
                builder.recordingSettings(
                    RecordingSettings.defaults()
                        .withProcessingTime(Duration.ofMillis(100))
                        .withSweepInterval(Duration.ofMillis(50))));
  }

  /** The embedded cluster's extension. */
  public static OpenViduClusterExtension extension() {
    return builder().build();
  }
}
