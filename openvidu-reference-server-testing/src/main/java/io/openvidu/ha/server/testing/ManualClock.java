package io.openvidu.ha.server.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that shows what the test sets, for {@code OpenViduCluster.Builder.clock}: the session
 * garbage collector's rounds and the ends of recording launches happen when the test moves it.
 * Start it at the system time ({@code new ManualClock(System.currentTimeMillis())}): the cluster
 * compares it with the times its store keeps. Thread-safe.
 */
public final class ManualClock extends Clock {
  private volatile long millis;

  public ManualClock(long millis) {
    this.millis = millis;
  }

  /** Shows {@code value} (milliseconds since the epoch) from now on. */
  public void set(long value) {
    this.millis = value;
  }

  /** Moves the time forward by {@code amount}. */
  public synchronized void advance(Duration amount) {
    this.millis = millis + amount.toMillis();
  }

  @Override
  public long millis() {
    return millis;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("one zone is enough for these tests");
  }
}
