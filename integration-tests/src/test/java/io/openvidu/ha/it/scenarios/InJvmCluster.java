package io.openvidu.ha.it.scenarios;

import io.openvidu.ha.server.recording.RecordingSettings;
import io.openvidu.ha.server.testing.OpenViduClusterExtension;
import java.time.Duration;

/**
 * The in-JVM cluster the scenarios run against: 3 masters and 2 media nodes over the memory store.
 */
final class InJvmCluster {
  private InJvmCluster() {}

  /**
   * A new extension for a static field; recordings are processed quickly, since tests wait for
   * them.
   */
  static OpenViduClusterExtension extension() {
    return OpenViduClusterExtension.builder()
        .masters(3)
        .mediaNodes(2)
        .configure(
            cluster ->
                cluster.recordingSettings(
                    RecordingSettings.defaults().withProcessingTime(Duration.ofMillis(300))))
        .build();
  }
}
