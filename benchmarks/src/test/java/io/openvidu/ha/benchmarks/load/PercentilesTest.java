package io.openvidu.ha.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void percentileIsTheSmallestValueThatThatShareOfValuesDoesNotExceed() {
    Percentiles percentiles =
        Percentiles.of(LongStream.rangeClosed(1, 200).map(i -> 201 - i).toArray());

    assertThat(percentiles.at(50)).isEqualTo(100);
    assertThat(percentiles.at(99)).isEqualTo(198);
    assertThat(percentiles.at(100)).isEqualTo(200);
    assertThat(percentiles.max()).isEqualTo(200);
  }

  @Test
  void smallSetsRoundTheRankUp() {
    Percentiles percentiles = Percentiles.of(new long[] {30, 10, 20});

    assertThat(percentiles.at(50)).isEqualTo(20);
    assertThat(percentiles.at(99)).isEqualTo(30);
  }

  @Test
  void noValuesGiveZero() {
    Percentiles percentiles = Percentiles.of(new long[0]);

    assertThat(percentiles.count()).isZero();
    assertThat(percentiles.at(50)).isZero();
    assertThat(percentiles.max()).isZero();
  }

  @Test
  void theGivenValuesAreLeftUnsorted() {
    long[] values = {3, 1, 2};

    Percentiles.of(values);

    assertThat(values).containsExactly(3, 1, 2);
  }

  @Test
  void aPercentileOutsideZeroToHundredIsRefused() {
    Percentiles percentiles = Percentiles.of(new long[] {1});

    assertThatThrownBy(() -> percentiles.at(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> percentiles.at(101)).isInstanceOf(IllegalArgumentException.class);
  }
}
