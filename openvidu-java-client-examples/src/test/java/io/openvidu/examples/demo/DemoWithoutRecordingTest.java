package io.openvidu.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvidu.examples.Deployment;
import io.openvidu.examples.EmbeddedClusters;
import io.openvidu.ha.server.testing.OpenViduClusterExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A demo that cannot do everything it promises says so and does not pass. */
class DemoWithoutRecordingTest {
  @RegisterExtension
  static OpenViduClusterExtension cluster =
      EmbeddedClusters.builder().configure(builder -> builder.recordingEnabled(false)).build();

  @Test
  void failsWhenTheDeploymentCannotRecord(@TempDir Path output) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DemoSummary summary;
    try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      summary =
          Demo.run(
              Deployment.of(cluster.cluster()),
              new DemoOptions(Duration.ofSeconds(2), 1, output),
              print);
    }
    String told = out.toString(StandardCharsets.UTF_8);

    assertThat(summary.passed()).isFalse();
    assertThat(summary.failures()).isPositive();
    assertThat(summary.recordingsReady()).isZero();
    assertThat(told).contains("FAILED startRecording", "result             FAIL");
  }
}
