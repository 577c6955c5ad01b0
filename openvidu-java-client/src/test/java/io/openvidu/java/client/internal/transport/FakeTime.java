package io.openvidu.java.client.internal.transport;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The real monotonic clock plus an offset that tests move forward: waiting is recorded and jumps the clock
 * instead of sleeping, and {@link #advance(Duration)} ends an ejection period at once. Socket timeouts still
 * run on real time. Thread-safe.
 */
final class FakeTime implements TimeSource {

    private final AtomicLong offset = new AtomicLong();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public long nanoTime() {
        return System.nanoTime() + offset.get();
    }

    @Override
    public void sleep(long nanos) {
        sleeps.add(Duration.ofNanos(nanos));
        offset.addAndGet(nanos);
    }

    void advance(Duration duration) {
        offset.addAndGet(duration.toNanos());
    }

    /** Every wait the transport asked for, in order. */
    List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
