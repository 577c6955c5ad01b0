package io.openvidu.java.client.internal.transport.policy;

/**
 * The clock and the waiting the failover logic uses for deadlines, ejection periods and backoff.
 * Tests substitute one that jumps instead of sleeping, so that behaviour spanning seconds is
 * checked in milliseconds; socket timeouts stay on the real clock.
 */
public interface TimeSource {

  /** The system's monotonic clock and {@link Thread#sleep}. */
  TimeSource SYSTEM =
      new TimeSource() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public void sleep(long nanos) throws InterruptedException {
          Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
      };

  /** A monotonic reading in nanoseconds, as {@link System#nanoTime()}. */
  long nanoTime();

  /** Waits {@code nanos} nanoseconds. */
  void sleep(long nanos) throws InterruptedException;
}
