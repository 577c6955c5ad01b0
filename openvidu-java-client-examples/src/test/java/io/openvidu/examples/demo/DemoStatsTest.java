package io.openvidu.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which masters the demo counts as in the client's rotation, from the client's events. */
class DemoStatsTest {
  private static final String FIRST = "http://127.0.0.1:4441";
  private static final String SECOND = "http://127.0.0.1:4442";

  private final DemoStats stats =
      new DemoStats(
          new Timeline(new PrintStream(OutputStream.nullOutputStream())),
          new MasterNames(List.of(FIRST, SECOND)));

  @Test
  void aMasterTheClientNeverEjectedIsInRotationWithoutWaiting() throws Exception {
    assertThat(stats.isOutOfRotation(0)).isFalse();
    assertThat(stats.awaitInRotation(0, Duration.ZERO)).isTrue();
  }

  @Test
  void anEjectedMasterIsOutOfRotationUntilTheClientTakesItBack() throws Exception {
    stats.endpointEjected(FIRST, Duration.ofSeconds(1), 1);

    assertThat(stats.isOutOfRotation(0)).isTrue();
    assertThat(stats.awaitInRotation(0, Duration.ZERO)).isFalse();
    assertThat(stats.isOutOfRotation(1)).isFalse();

    stats.endpointRestored(FIRST + "/");

    assertThat(stats.awaitInRotation(0, Duration.ZERO)).isTrue();
  }
}
