package io.openvidu.ha.server.cluster;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that shows what the test sets. Thread-safe. */
final class ManualClock extends Clock {
  private volatile long millis;

  ManualClock(long millis) {
    this.millis = millis;
  }

  void set(long value) {
    this.millis = value;
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
