package io.openvidu.java.client.internal.transport.http;

import okhttp3.Call;
import okhttp3.EventListener;

/**
 * What one attempt's HTTP exchange got to, as OkHttp reports it: whether the request began to be
 * written (from then on its outcome is unknown if the attempt fails), and the {@code Retry-After}
 * the server sent. Attached to the OkHttp call as its event listener and to the request as a tag.
 * Written by OkHttp's threads, read by the caller once the call returned.
 */
final class AttemptTrace extends EventListener {

  private volatile boolean requestSent;
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
