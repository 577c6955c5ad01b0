package io.openvidu.java.client.internal.transport;

import io.openvidu.java.client.internal.transport.policy.TimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The real monotonic clock plus an offset that tests move forward: waiting is recorded and jumps
 * the clock instead of sleeping, {@link #advance(Duration)} ends an ejection period at once, and
 * {@link #interruptSleeps()} stands for an interrupt during a wait. Socket timeouts still run on
 * real time. Thread-safe.
 */
final class FakeTime implements TimeSource {

  private final AtomicLong offset = new AtomicLong();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private volatile boolean interruptSleeps;

  @Override
  public long nanoTime() {
    return System.nanoTime() + offset.get();
  }

  @Override
  public void sleep(long nanos) throws InterruptedException {
    if (interruptSleeps) {
      throw new InterruptedException("interrupted by the test");
    }
    sleeps.add(Duration.ofNanos(nanos));
    offset.addAndGet(nanos);
  }

  /** Makes every later wait throw as if the waiting thread had been interrupted. */
  void interruptSleeps() {
    interruptSleeps = true;
  }

  void advance(Duration duration) {
    offset.addAndGet(duration.toNanos());
  }

  /** Every wait the transport asked for, in order. */
  List<Duration> sleeps() {
    return new ArrayList<>(sleeps);
  }
}
