package io.openvidu.java.client.internal.transport.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Takes the {@code Retry-After} header of every response into the attempt's {@link AttemptTrace},
 * and removes it from 503 answers. OkHttp on its own silently re-sends a request, POST included,
 * that was answered 503 with {@code Retry-After: 0}; that hidden second attempt would bypass the
 * retry rules (a POST answered 503 is repeated only when it is safe), so the transport keeps that
 * decision to itself.
 */
final class RetryAfterCapture implements Interceptor {

  private static final int SERVICE_UNAVAILABLE = 503;

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    String retryAfter = response.header("Retry-After");
    if (retryAfter == null) {
      return response;
    }
    AttemptTrace trace = chain.request().tag(AttemptTrace.class);
    if (trace != null) {
      trace.retryAfter(retryAfter);
    }
    if (response.code() == SERVICE_UNAVAILABLE) {
      return response.newBuilder().removeHeader("Retry-After").build();
    }
    return response;
  }
}
