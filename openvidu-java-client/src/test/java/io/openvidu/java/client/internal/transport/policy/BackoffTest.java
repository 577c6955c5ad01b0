package io.openvidu.java.client.internal.transport.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvidu.java.client.transport.RetryPolicy;
import java.time.Duration;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Full jitter: each wait is drawn from zero up to a cap that doubles, until the maximum. */
class BackoffTest {

  private static final long MS = 1_000_000;

  private final Backoff backoff =
      new Backoff(
          RetryPolicy.builder().backoff(Duration.ofMillis(100), Duration.ofMillis(1000)).build());

  @Test
  void theCapDoublesWithEachRepeatUntilTheMaximum() {
    assertThat(maxOf(0)).isBetween(90 * MS, 100 * MS);
    assertThat(maxOf(1)).isBetween(180 * MS, 200 * MS);
    assertThat(maxOf(3)).isBetween(720 * MS, 800 * MS);
    assertThat(maxOf(4)).isBetween(900 * MS, 1000 * MS);
    assertThat(maxOf(40)).isBetween(900 * MS, 1000 * MS);
  }

  @Test
  void waitsSpreadOverTheWholeIntervalFromZero() {
    long[] waits = LongStream.range(0, 2000).map(i -> backoff.delayNanos(2)).toArray();

    assertThat(LongStream.of(waits).min().getAsLong()).isLessThan(40 * MS);
    assertThat(LongStream.of(waits).filter(w -> w < 200 * MS).count()).isBetween(700L, 1300L);
  }

  private long maxOf(int repeat) {
    return LongStream.range(0, 2000).map(i -> backoff.delayNanos(repeat)).max().getAsLong();
  }
}
