package io.openvidu.java.client.internal.transport.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import okhttp3.Call;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends attempts that outlive their deadline, by cancelling their OkHttp call: one daemon thread for
 * the JVM looks at the attempts in flight every {@value #TICK_MILLIS} ms, or sooner when the
 * earliest deadline it saw falls before the next tick. An attempt that starts while the thread naps
 * and ends before every other one is thus enforced up to one tick late; others on time, give or
 * take the thread's scheduling.
 *
 * <p>Why not OkHttp's call timeout: it is an okio {@code AsyncTimeout}, whose watchdog thread is
 * woken (a lock hand-off and a thread switch) whenever a new timeout is the earliest one in the
 * JVM, which with one caller thread is every call; on two cores that cost as much as everything
 * else the SDK adds to a call. Here starting an attempt is a set insertion. The thread sleeps while
 * nothing is in flight, after lingering a second, so an idle client costs nothing and back-to-back
 * calls do not wake it each time.
 *
 * <p>Thread-safe.
 */
public final class AttemptDeadlines {

  private static final Logger LOG = LoggerFactory.getLogger(AttemptDeadlines.class);

  public static final long TICK_MILLIS = 10;
  private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS);

  /** The attempts of every transport in the JVM share the thread, as okio's watchdog is shared. */
  public static final AttemptDeadlines SHARED = new AttemptDeadlines(TimeUnit.SECONDS.toNanos(1));

  /**
   * One attempt's deadline, to be closed once the attempt is over (answer read, or failed); or a
   * delayed action ({@link #schedule}), closed to call it off.
   */
  public static final class Deadline implements AutoCloseable {
    private final AttemptDeadlines owner;
    private final Call call;
    private final Runnable action;
    private final long atNanos;
    private volatile boolean expired;

    private Deadline(AttemptDeadlines owner, Call call, Runnable action, long atNanos) {
      this.owner = owner;
      this.call = call;
      this.action = action;
      this.atNanos = atNanos;
    }

    /**
     * @return whether the deadline passed while the attempt was in flight, and cancelled it
     */
    public boolean expired() {
      return expired;
    }

    @Override
    public void close() {
      owner.inFlight.remove(this);
    }
  }

  private final Set<Deadline> inFlight = ConcurrentHashMap.newKeySet();
  private final long lingerNanos;
  private final Thread ticker;
  private volatile boolean sleeping;

  /**
   * @param lingerNanos how long the thread goes on ticking once nothing is in flight (tests use 0)
   */
  public AttemptDeadlines(long lingerNanos) {
    this.lingerNanos = lingerNanos;
    ticker = new Thread(this::tick, "OpenVidu attempt deadlines");
    ticker.setDaemon(true);
    ticker.start();
  }

  /**
   * Starts the clock of an attempt that is about to be sent.
   *
   * @param timeoutNanos how long the attempt may take, body included (at least one nanosecond is
   *     given)
   */
  public Deadline start(Call call, long timeoutNanos) {
    return start(call, timeoutNanos, null);
  }

  /**
   * As {@link #start(Call, long)}, and runs {@code afterExpiry} on this thread once the call was
   * cancelled for its deadline: it must be quick, as a {@link #schedule}d action.
   */
  public Deadline start(Call call, long timeoutNanos, Runnable afterExpiry) {
    return enter(
        new Deadline(this, call, afterExpiry, System.nanoTime() + Math.max(1, timeoutNanos)));
  }

  /**
   * Runs {@code action} on this thread after {@code delayNanos}, unless the returned handle is
   * closed first. The action must be quick (hand real work to another thread): every deadline of
   * the JVM waits while it runs. A close racing the delay's end may come too late; the action must
   * tolerate running then.
   *
   * <p>Why not a {@code ScheduledExecutorService}: for the same reason as OkHttp's call timeout,
   * its thread is woken whenever the new task is the earliest, that is on every call of a lone
   * caller.
   */
  public Deadline schedule(Runnable action, long delayNanos) {
    return enter(new Deadline(this, null, action, System.nanoTime() + Math.max(1, delayNanos)));
  }

  private Deadline enter(Deadline deadline) {
    inFlight.add(deadline);
    if (sleeping) {
      LockSupport.unpark(ticker);
    }
    return deadline;
  }

  /**
   * @return whether the thread sleeps until an attempt starts
   */
  public boolean asleep() {
    return sleeping;
  }

  /**
   * Cancels a late call. Nothing may end this thread: without it no attempt would ever time out
   * (reads have no timeout of their own), so whatever a cancellation throws is logged and the
   * thread goes on.
   */
  private static void cancel(Call call) {
    try {
      call.cancel();
    } catch (RuntimeException | Error e) {
      LOG.error("Could not cancel an attempt past its deadline", e);
    }
  }

  /** Runs a delayed action; like a failing cancel, a failing action must not end this thread. */
  private static void run(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException | Error e) {
      LOG.error("A delayed action of the OpenVidu client failed", e);
    }
  }

  private void tick() {
    long idleSince = System.nanoTime();
    while (true) {
      long now = System.nanoTime();
      long nap = TICK_NANOS;
      for (Deadline deadline : inFlight) {
        long left = deadline.atNanos - now;
        if (left <= 0) {
          deadline.expired = true;
          if (inFlight.remove(deadline)) {
            if (deadline.call != null) {
              cancel(deadline.call);
            }
            if (deadline.action != null) {
              run(deadline.action);
            }
          }
        } else {
          nap = Math.min(nap, left);
        }
      }
      if (!inFlight.isEmpty()) {
        idleSince = now;
      } else if (now - idleSince >= lingerNanos) {
        // Announce the sleep before the last look, so that an attempt started meanwhile either is
        // seen
        // here or sees the flag and wakes the thread.
        sleeping = true;
        if (inFlight.isEmpty()) {
          LockSupport.park(this);
        }
        sleeping = false;
        idleSince = System.nanoTime();
        continue;
      }
      LockSupport.parkNanos(this, nap);
    }
  }
}
