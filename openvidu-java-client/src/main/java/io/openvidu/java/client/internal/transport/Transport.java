package io.openvidu.java.client.internal.transport;

import io.openvidu.java.client.OpenViduJavaClientException;
import java.util.concurrent.CompletableFuture;

/**
 * Carries logical calls to the OpenVidu masters. The API layer ({@code OpenVidu}, {@code Session})
 * builds an {@link ApiRequest}, the transport chooses endpoints, makes attempts, retries what the
 * failure and the request allow, and returns the final answer whatever its status.
 *
 * <p>Implementations are thread-safe and shared by every caller of one {@code OpenVidu} instance.
 */
public interface Transport extends AutoCloseable {

  /**
   * Executes one logical call.
   *
   * @return the final attempt's answer, whatever its HTTP status
   * @throws OpenViduJavaClientException when no attempt produced an answer within the call's
   *     deadline; the message names each endpoint tried and why it failed
   */
  ApiResponse execute(ApiRequest request) throws OpenViduJavaClientException;

  /**
   * Executes one logical call asynchronously, with the same failover, retries and hedges as {@link
   * #execute}, holding no thread while an attempt is in flight or a backoff runs.
   *
   * @return the final attempt's answer, whatever its HTTP status, or completed exceptionally with
   *     the {@link OpenViduJavaClientException} {@link #execute} would throw. Completed on one of
   *     the transport's threads: what depends on it must not block. Cancelling it cancels the
   *     attempt in flight, and no further attempt is made.
   */
  CompletableFuture<ApiResponse> executeAsync(ApiRequest request);

  /** Releases what the transport owns (never an {@code OkHttpClient} the user shared with it). */
  @Override
  void close();
}
