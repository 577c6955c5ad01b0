package io.openvidu.ha.benchmarks.load;

import io.openvidu.ha.benchmarks.client.BackendClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Caller threads that repeat the backend mix (create a session, create a connection in it, fetch
 * it, close it) on one {@link BackendClient} until stopped, recording every {@link Call}. A failed
 * call is recorded and the mix goes on (the session is still closed if it was created), as a
 * backend would carry on with its next request.
 *
 * <p>Unpaced, each thread starts its next mix as soon as the last one ends (closed-loop load, for
 * throughput). Paced, each thread starts one mix per period, its threads staggered over the period,
 * and skips the slots it missed rather than catching up (a steady load, for failover).
 *
 * <p>Control it from one thread: {@link #start}, then {@link #stop()}, then {@link
 * #awaitCalls(Duration)}.
 */
public final class MixLoad {
  private final BackendClient client;
  private final List<Worker> workers = new ArrayList<>();
  private final CountDownLatch started;
  private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
  private volatile boolean stopping;
  private long startedAt;

  private MixLoad(BackendClient client, int threads, long periodNanos, String name) {
    this.client = client;
    this.started = new CountDownLatch(threads);
    for (int i = 0; i < threads; i++) {
      long offset = periodNanos == 0 ? 0 : periodNanos * i / threads;
      workers.add(new Worker(name + "-" + i, periodNanos, offset));
    }
  }

  /**
   * Starts {@code threads} callers as fast as each can go, and returns once all run.
   *
   * @param name names the threads, for thread dumps
   */
  public static MixLoad unpaced(BackendClient client, int threads, String name) {
    return new MixLoad(client, threads, 0, name).begin();
  }

  /**
   * Starts {@code threads} callers that each begin one mix per {@code period}, and returns once all
   * run.
   */
  public static MixLoad paced(BackendClient client, int threads, Duration period, String name) {
    if (period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("the period must be positive");
    }
    return new MixLoad(client, threads, period.toNanos(), name).begin();
  }

  private MixLoad begin() {
    startedAt = System.nanoTime();
    workers.forEach(worker -> worker.thread.start());
    try {
      started.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the load", e);
    }
    return this;
  }

  /** When the callers were started ({@link System#nanoTime()}). */
  public long startedAt() {
    return startedAt;
  }

  /** Asks every caller to stop after its current mix; returns at once. */
  public void stop() {
    stopping = true;
    workers.forEach(worker -> LockSupport.unpark(worker.thread));
  }

  /**
   * Waits up to {@code patience} for the callers to end, then returns every call: the finished
   * ones, and one {@linkplain Call#unfinished() unfinished} call for each caller still waiting for
   * an answer.
   */
  public List<Call> awaitCalls(Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    List<Call> calls = new ArrayList<>();
    for (Worker worker : workers) {
      try {
        long left = deadline - System.nanoTime();
        worker.thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the load", e);
      }
    }
    long now = System.nanoTime();
    for (Worker worker : workers) {
      synchronized (worker) {
        calls.addAll(worker.calls);
        if (worker.thread.isAlive() && worker.current != null) {
          calls.add(new Call(worker.current, worker.currentStart, now, false, 0, true));
        }
      }
    }
    return calls;
  }

  /** What the first failed call threw, if any call failed. */
  public Exception firstFailure() {
    return firstFailure.get();
  }

  /** Whether every caller has ended. */
  public boolean isIdle() {
    return workers.stream().noneMatch(worker -> worker.thread.isAlive());
  }

  private final class Worker implements Runnable {
    private final Thread thread;
    private final long periodNanos;
    private final long offsetNanos;
    private final List<Call> calls = new ArrayList<>();
    private Operation current;
    private long currentStart;

    Worker(String name, long periodNanos, long offsetNanos) {
      this.thread = new Thread(this, name);
      this.thread.setDaemon(true);
      this.periodNanos = periodNanos;
      this.offsetNanos = offsetNanos;
    }

    @Override
    public void run() {
      started.countDown();
      long next = startedAt + offsetNanos;
      while (!stopping) {
        if (periodNanos > 0) {
          waitUntil(next);
          if (stopping) {
            return;
          }
          next = Math.max(next + periodNanos, System.nanoTime());
        }
        mix();
      }
    }

    private void waitUntil(long time) {
      for (long left = time - System.nanoTime();
          left > 0 && !stopping;
          left = time - System.nanoTime()) {
        LockSupport.parkNanos(left);
      }
    }

    private void mix() {
      Object session = call(Operation.CREATE_SESSION, null);
      if (session != null) {
        call(Operation.CREATE_CONNECTION, session);
        call(Operation.FETCH_SESSION, session);
        call(Operation.CLOSE_SESSION, session);
      }
    }

    /**
     * Makes one call; returns the session for {@link Operation#CREATE_SESSION} (null when it
     * failed).
     */
    private Object call(Operation operation, Object session) {
      long start = System.nanoTime();
      synchronized (this) {
        current = operation;
        currentStart = start;
      }
      Object created = null;
      boolean failed = false;
      try {
        switch (operation) {
          case CREATE_SESSION -> created = client.createSession();
          case CREATE_CONNECTION -> client.createConnection(session);
          case FETCH_SESSION -> client.fetchSession(session);
          case CLOSE_SESSION -> client.closeSession(session);
        }
      } catch (Exception e) {
        failed = true;
        firstFailure.compareAndSet(null, e);
      }
      long end = System.nanoTime();
      int failedAttempts = client.takeFailedAttempts();
      synchronized (this) {
        current = null;
        calls.add(new Call(operation, start, end, failed, failedAttempts, false));
      }
      return created;
    }
  }
}
