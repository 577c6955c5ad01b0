package io.openvidu.ha.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeasurementTest {

  @Test
  void throughputIsTheMedianWindowSoThatOneSpoiledWindowMovesItLittle() {
    Measurement measurement = window(5_000).plus(window(1_000)).plus(window(5_200));

    assertThat(measurement.callsPerSecond()).isEqualTo(5_000);
    assertThat(measurement.slowestWindow()).isEqualTo(1_000);
    assertThat(measurement.fastestWindow()).isEqualTo(5_200);
  }

  @Test
  void anEvenNumberOfWindowsTakesTheMeanOfTheMiddleTwo() {
    Measurement measurement =
        window(4_000).plus(window(1_000)).plus(window(5_000)).plus(window(9_000));

    assertThat(measurement.callsPerSecond()).isEqualTo(4_500);
  }

  @Test
  void latenciesAndFailuresPoolEveryWindow() {
    Call fast = new Call(Operation.FETCH_SESSION, 0, 1_000, false, 0, false);
    Call slow = new Call(Operation.FETCH_SESSION, 0, 9_000, false, 0, false);
    Call failed = new Call(Operation.CLOSE_SESSION, 0, 5_000, true, 0, false);

    Measurement measurement =
        new Measurement(List.of(fast, failed), List.of(1.0), null)
            .plus(new Measurement(List.of(slow), List.of(1.0), null));

    assertThat(measurement.latency().count()).isEqualTo(2);
    assertThat(measurement.latency().max()).isEqualTo(9_000);
    assertThat(measurement.failed()).isEqualTo(1);
  }

  private static Measurement window(double rate) {
    return new Measurement(List.of(), List.of(rate), null);
  }
}
