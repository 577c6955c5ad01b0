package io.openvidu.ha.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenViduClusterLifecycleTest {

  @Test
  void temporaryRecordingsDirectoryIsDeletedOnClose() {
    Path recordings;
    try (OpenViduCluster cluster = OpenViduCluster.builder().start()) {
      recordings = cluster.settings().recordingsDir();
      assertThat(recordings).isDirectory();
    }

    assertThat(recordings).doesNotExist();
  }

  @Test
  void recordingsDirectoryGivenByTheUserIsKeptOnClose(@TempDir Path recordings) {
    try (OpenViduCluster cluster = OpenViduCluster.builder().recordingsDir(recordings).start()) {
      assertThat(cluster.settings().recordingsDir()).isEqualTo(recordings);
    }

    assertThat(recordings).isDirectory();
  }
}
