package io.openvidu.java.client.internal.transport.http;

import okhttp3.Call;

/**
 * Lets one thread cancel an attempt that another thread sends: the hedge's answer cancels the
 * attempt its call is blocked on, and the call cancels a hedge it no longer needs. Cancelling
 * before the attempt's HTTP call exists cancels that call as soon as it is attached, so no
 * cancellation is lost to the race between the two.
 *
 * <p>Thread-safe; used for one attempt.
 */
public final class Cancellation {

  private Call call;
  private Runnable afterCancel;
  private boolean cancelled;

  /** The attempt's HTTP call was made: it is cancelled at once if the attempt already was. */
  void attach(Call call) {
    attach(call, null);
  }

  /**
   * As {@link #attach(Call)}, and runs {@code afterCancel} (quick, on the cancelling thread) once
   * the call was cancelled.
   */
  void attach(Call call, Runnable afterCancel) {
    boolean cancelNow;
    synchronized (this) {
      this.call = call;
      this.afterCancel = afterCancel;
      cancelNow = cancelled;
    }
    if (cancelNow) {
      cancel(call, afterCancel);
    }
  }

  /**
   * Cancels the attempt: its call ends with an I/O failure at once, or never starts. Idempotent.
   */
  public void cancel() {
    Call toCancel;
    Runnable then;
    synchronized (this) {
      cancelled = true;
      toCancel = call;
      then = afterCancel;
    }
    if (toCancel != null) {
      cancel(toCancel, then);
    }
  }

  private static void cancel(Call call, Runnable then) {
    call.cancel();
    if (then != null) {
      then.run();
    }
  }
}
