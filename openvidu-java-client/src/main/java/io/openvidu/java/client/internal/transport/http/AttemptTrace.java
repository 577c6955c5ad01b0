package io.openvidu.java.client.internal.transport.http;

import okhttp3.Call;
import okhttp3.Dispatcher;
import okhttp3.EventListener;

/**
 * What one attempt's HTTP exchange got to, as OkHttp reports it: whether it ever left the
 * dispatcher's queue (an asynchronous attempt waits there while its host name has as many calls in
 * flight as the per-host limit), whether the request began to be written (from then on its outcome
 * is unknown if the attempt fails), and the {@code Retry-After} the server sent. Attached to the
 * OkHttp call as its event listener and to the request as a tag. Written by OkHttp's threads, read
 * by the caller once the call returned.
 */
final class AttemptTrace extends EventListener {

  private volatile boolean queued;
  private volatile boolean leftQueue;
  private volatile boolean requestSent;

  @Override
  public void dispatcherQueueStart(Call call, Dispatcher dispatcher) {
    queued = true;
  }

  /**
   * Leaving the queue only counts if the call is still live: one cancelled meanwhile (its deadline
   * passed while it waited) is taken off the queue only to fail at once.
   */
  @Override
  public void dispatcherQueueEnd(Call call, Dispatcher dispatcher) {
    if (!call.isCanceled()) {
      leftQueue = true;
    }
  }

  /** Whether the attempt waited in the dispatcher's queue and never got out of it alive. */
  boolean neverLeftQueue() {
    return queued && !leftQueue;
  }

  private volatile String retryAfter;

  @Override
  public void requestHeadersStart(Call call) {
    requestSent = true;
  }

  boolean requestSent() {
    return requestSent;
  }

  void retryAfter(String value) {
    this.retryAfter = value;
  }

  /** The server's {@code Retry-After} value, or {@code null}. */
  String retryAfter() {
    return retryAfter;
  }
}
