package io.openvidu.ha.it.scenarios;

import io.openvidu.ha.server.recording.RecordingSettings;
import io.openvidu.ha.server.testing.OpenViduClusterExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The API scenarios through our SDK, given all three masters of a cluster running in this JVM (memory store). */
@ForClient(ClientUnderTest.OURS)
class InJvmClusterScenariosTest extends ApiScenarios {
  @RegisterExtension
  static final OpenViduClusterExtension CLUSTER = OpenViduClusterExtension.builder().masters(3).mediaNodes(2)
      .configure(cluster -> cluster.recordingSettings(RecordingSettings.defaults()
          .withProcessingTime(Duration.ofMillis(300))))
      .build();

  @Override
  protected List<String> masterUrls() {
    return CLUSTER.urlList();
  }

  @Override
  protected String secret() {
    return CLUSTER.secret();
  }

  @Override
  protected String clientUrls() {
    return CLUSTER.urls();
  }
}
