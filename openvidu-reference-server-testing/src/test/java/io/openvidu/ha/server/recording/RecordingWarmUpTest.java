package io.openvidu.ha.server.recording;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvidu.ha.server.config.ClusterSettings;
import io.openvidu.ha.server.store.ClusterStore;
import io.openvidu.ha.server.store.MediaNodeState;
import io.openvidu.ha.server.store.RecordingState;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingWarmUpTest {

  @TempDir Path recordings;

  @Test
  void warmUpLeavesNoTraceInTheClusterNorOnDisk() throws IOException {
    ClusterSettings settings =
        new ClusterSettings(
            "secret", URI.create("http://127.0.0.1:4443"), recordings, true, Duration.ofMinutes(1));
    long scratchDirsBefore = scratchDirectories();
    try (ClusterStore store = ClusterStore.inMemory();
        RecordingModule module = new RecordingModule(store, settings, RecordingCluster.FAST)) {

      module.warmUp();

      assertThat(store.<List<RecordingState>>atomically(tx -> tx.recordings().list())).isEmpty();
      assertThat(store.<List<MediaNodeState>>atomically(tx -> tx.mediaNodes().list())).isEmpty();
    }
    try (Stream<Path> files = Files.list(recordings)) {
      assertThat(files).isEmpty();
    }
    assertThat(scratchDirectories()).isEqualTo(scratchDirsBefore);
  }

  private static long scratchDirectories() throws IOException {
    try (Stream<Path> temporary = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return temporary
          .filter(p -> p.getFileName().toString().startsWith("openvidu-recording-warm-up"))
          .count();
    }
  }
}
