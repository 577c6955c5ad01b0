package io.openvidu.ha.benchmarks.percall;

import io.openvidu.ha.benchmarks.client.BackendClient;
import io.openvidu.ha.benchmarks.load.Percentiles;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One window of closed-loop callers repeating one call on one client: {@code threads} threads each
 * make the call again as soon as the last one returned, until the window closes. Only calls that
 * ended within the window count. Immutable once measured.
 *
 * @param calls successful calls that ended within the window
 * @param seconds the window's length
 * @param latencies the latency of each of those calls, in nanoseconds
 * @param failed calls that threw
 * @param firstFailure what the first failed call threw, or {@code null}
 * @param callerCpuNanos the CPU time of the caller threads over the window (every client here does
 *     its I/O on the calling thread)
 * @param processCpuNanos the CPU time of the whole process over the window: the fake master's
 *     threads, the clients' helper threads, GC and JIT included
 */
record RepeatedCall(
    long calls,
    double seconds,
    long[] latencies,
    long failed,
    Exception firstFailure,
    long callerCpuNanos,
    long processCpuNanos) {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean PROCESS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** The call repeated: one operation of a {@link BackendClient} on one session. */
  enum Operation {
    /** {@code session.fetch()}: {@code GET /openvidu/api/sessions/{id}}, a session to parse. */
    FETCH("session.fetch()"),
    /**
     * {@code session.createConnection()}: {@code POST /openvidu/api/sessions/{id}/connection}, a
     * body to write and a connection to parse.
     */
    CREATE_CONNECTION("session.createConnection()");

    final String label;

    Operation(String label) {
      this.label = label;
    }

    void call(BackendClient client, Object session) throws Exception {
      switch (this) {
        case FETCH -> client.fetchSession(session);
        case CREATE_CONNECTION -> client.createConnection(session);
      }
    }
  }

  /**
   * Runs one window and returns what it measured.
   *
   * @param sessions one session per caller thread (at least {@code threads}), as a backend's
   *     threads each serve their own session: callers sharing one session object would measure its
   *     lock
   */
  static RepeatedCall measure(
      BackendClient client,
      List<Object> sessions,
      Operation operation,
      int threads,
      Duration window)
      throws InterruptedException {
    List<Caller> callers = new ArrayList<>();
    long processCpuBefore = PROCESS.getProcessCpuTime();
    long start = System.nanoTime();
    long end = start + window.toNanos();
    AtomicReference<Exception> firstFailure = new AtomicReference<>();
    for (int i = 0; i < threads; i++) {
      Caller caller = new Caller(client, sessions.get(i), operation, end, firstFailure);
      caller.thread.start();
      callers.add(caller);
    }
    long calls = 0;
    long failed = 0;
    long callerCpu = 0;
    long[] latencies = new long[0];
    for (Caller caller : callers) {
      caller.thread.join();
      int offset = latencies.length;
      latencies = Arrays.copyOf(latencies, offset + caller.count);
      System.arraycopy(caller.latencies, 0, latencies, offset, caller.count);
      calls += caller.count;
      failed += caller.failed;
      callerCpu += caller.cpuNanos;
    }
    long processCpu = PROCESS.getProcessCpuTime() - processCpuBefore;
    return new RepeatedCall(
        calls,
        window.toNanos() / 1e9,
        latencies,
        failed,
        firstFailure.get(),
        callerCpu,
        processCpu);
  }

  /** Microseconds of caller-thread CPU per successful call. */
  double callerCpuMicrosPerCall() {
    return calls == 0 ? 0 : callerCpuNanos / 1e3 / calls;
  }

  /** Microseconds of process CPU per successful call (the server's share included). */
  double processCpuMicrosPerCall() {
    return calls == 0 ? 0 : processCpuNanos / 1e3 / calls;
  }

  double callsPerSecond() {
    return calls / seconds;
  }

  Percentiles latency() {
    return Percentiles.of(latencies);
  }

  /** One caller thread; its fields are read only after it ended. */
  private static final class Caller implements Runnable {
    final Thread thread = new Thread(this, "per-call");
    private final BackendClient client;
    private final Object session;
    private final Operation operation;
    private final long end;
    private final AtomicReference<Exception> firstFailure;
    long[] latencies = new long[4096];
    int count;
    long failed;
    long cpuNanos;

    Caller(
        BackendClient client,
        Object session,
        Operation operation,
        long end,
        AtomicReference<Exception> firstFailure) {
      this.client = client;
      this.session = session;
      this.operation = operation;
      this.end = end;
      this.firstFailure = firstFailure;
      thread.setDaemon(true);
    }

    @Override
    public void run() {
      for (long start = System.nanoTime(); start < end; ) {
        boolean succeeded = false;
        try {
          operation.call(client, session);
          succeeded = true;
        } catch (Exception e) {
          failed++;
          firstFailure.compareAndSet(null, e);
        }
        long now = System.nanoTime();
        if (succeeded && now <= end) {
          if (count == latencies.length) {
            latencies = Arrays.copyOf(latencies, count * 2);
          }
          latencies[count++] = now - start;
        }
        start = now;
      }
      // A thread per window: its whole CPU time is the window's.
      cpuNanos = THREADS.getCurrentThreadCpuTime();
    }
  }
}
