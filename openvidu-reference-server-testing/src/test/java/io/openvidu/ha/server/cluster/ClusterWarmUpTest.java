package io.openvidu.ha.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvidu.ha.server.store.RecordingState;
import io.openvidu.ha.server.store.SessionState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recording warm-up: it must work (a failure would only be logged at start, costing a slow
 * first recording), leave nothing behind, and run once per JVM.
 */
class ClusterWarmUpTest {

  @Test
  void recordsEveryKindThroughAScratchClusterAndLeavesNoDirectoryBehind(@TempDir Path temporary)
      throws IOException {
    ClusterWarmUp.run(temporary); // throws if any step of a recording fails

    try (Stream<Path> left = Files.list(temporary)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void runsOncePerJvm() {
    ClusterWarmUp.runOncePerJvm();

    assertThat(ClusterWarmUp.runOncePerJvm()).isEqualTo(Duration.ZERO);
  }

  @Test
  void aClusterStartsWithoutTheWarmUpsSessionsOrRecordings() {
    try (OpenViduCluster cluster = OpenViduCluster.builder().start()) {
      List<SessionState> sessions = cluster.store().atomically(tx -> tx.sessions().list());
      List<RecordingState> recordings = cluster.store().atomically(tx -> tx.recordings().list());

      assertThat(sessions).isEmpty();
      assertThat(recordings).isEmpty();
    }
  }
}
