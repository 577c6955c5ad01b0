package io.openvidu.java.client.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The default record of seen event ids: bounded in count and in time, atomic. */
class InMemorySeenEventIdsTest {

  private static final Duration HOUR = Duration.ofHours(1);

  private final TestClock clock = new TestClock(Instant.parse("2026-12-07T06:00:00Z"));

  @Test
  void anIdIsNewOnceThenARepeat() {
    InMemorySeenEventIds ids = new InMemorySeenEventIds(10, clock);

    assertThat(ids.add("evt_1", HOUR)).isTrue();
    assertThat(ids.add("evt_1", HOUR)).isFalse();
  }

  @Test
  void beyondItsCapacityTheOldestIdIsForgotten() {
    InMemorySeenEventIds ids = new InMemorySeenEventIds(2, clock);
    ids.add("evt_1", HOUR);
    ids.add("evt_2", HOUR);

    ids.add("evt_3", HOUR);

    assertThat(ids.size()).isEqualTo(2);
    assertThat(ids.add("evt_2", HOUR)).isFalse();
    assertThat(ids.add("evt_1", HOUR)).isTrue();
  }

  @Test
  void anIdIsForgottenAfterItsRetention() {
    InMemorySeenEventIds ids = new InMemorySeenEventIds(10, clock);
    ids.add("evt_1", HOUR);

    clock.advance(HOUR);

    assertThat(ids.add("evt_1", HOUR)).isTrue();
  }

  @Test
  void expiredIdsDoNotOccupyMemory() {
    InMemorySeenEventIds ids = new InMemorySeenEventIds(100, clock);
    for (int i = 0; i < 50; i++) {
      ids.add("evt_" + i, Duration.ofMinutes(1));
    }
    clock.advance(Duration.ofMinutes(2));

    ids.add("evt_new", Duration.ofMinutes(1));

    assertThat(ids.size()).isEqualTo(1);
  }

  @Test
  void ofConcurrentAddsOfOneIdExactlyOneIsNew() throws Exception {
    InMemorySeenEventIds ids = new InMemorySeenEventIds(10, clock);
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Callable<Boolean> add =
            () -> {
              start.await();
              return ids.add("evt_1", HOUR);
            };
        results.add(pool.submit(add));
      }
      start.countDown();
      int firsts = 0;
      for (Future<Boolean> result : results) {
        firsts += result.get() ? 1 : 0;
      }

      assertThat(firsts).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aCapacityBelowOneIsRefused() {
    assertThatThrownBy(() -> SeenEventIds.inMemory(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
