package io.openvidu.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvidu.examples.Deployment;
import io.openvidu.examples.EmbeddedClusters;
import io.openvidu.ha.server.testing.OpenViduClusterExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, shortened to 4 seconds: one run, read from several sides. */
class DemoTest {
  @RegisterExtension static OpenViduClusterExtension cluster = EmbeddedClusters.extension();

  @TempDir static Path output;

  private static DemoSummary summary;
  private static String told;

  @BeforeAll
  static void runTheDemo() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      summary =
          Demo.run(
              Deployment.of(cluster.cluster()),
              new DemoOptions(Duration.ofSeconds(4), 2, output),
              print);
    }
    told = out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void endsWithoutFailureAndPasses() {
    assertThat(summary.failures()).as(told).isZero();
    assertThat(summary.passed()).isTrue();
    assertThat(told).contains("result             PASS");
  }

  @Test
  void callsMoveToAnotherMasterWhenTheFirstDies() {
    assertThat(summary.failovers()).as(told).isPositive();
    assertThat(summary.ejections()).isPositive();
    assertThat(told).contains("killing master 1 (:" + cluster.master(0).port() + ")");
  }

  @Test
  void killedMasterIsStartedAgainAndTakenBackIntoRotation() {
    assertThat(cluster.master(0).isRunning()).isTrue();
    assertThat(summary.restorations()).as(told).isPositive();
  }

  @Test
  void participantsJoinThroughEveryMasterAndShowTheirOwnAddress() {
    assertThat(summary.participants()).isEqualTo(4);
    assertThat(summary.mastersJoinedVia()).isEqualTo(3);
    assertThat(told)
        .contains("ip 203.0.113.11", "ip 203.0.113.12", "ip 203.0.113.13", "ip 203.0.113.14");
  }

  @Test
  void participantsOfTheKilledMasterReconnectElsewhere() {
    // Four participants in turn over three masters: the first and the fourth joined through master
    // 1.
    assertThat(summary.reconnections()).as(told).isEqualTo(2);
  }

  @Test
  void bothRecordingsAreDownloadedAndChecked() throws Exception {
    assertThat(summary.recordingsReady()).isEqualTo(2);
    assertThat(summary.filesWritten()).isEqualTo(2);
    assertThat(Files.size(output.resolve("demo-individual.zip"))).isPositive();
    assertThat(Files.size(output.resolve("demo-composed.mp4"))).isPositive();
  }

  @Test
  void printsAProgressLineEverySecond() {
    assertThat(told.lines().filter(line -> line.contains("progress  calls")).count())
        .as(told)
        .isGreaterThanOrEqualTo(2);
  }
}
