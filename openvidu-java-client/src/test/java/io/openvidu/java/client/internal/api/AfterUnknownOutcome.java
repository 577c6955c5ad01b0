package io.openvidu.java.client.internal.api;

import io.openvidu.java.client.OpenViduJavaClientException;
import io.openvidu.java.client.internal.transport.ApiRequest;
import io.openvidu.java.client.internal.transport.ApiResponse;
import io.openvidu.java.client.internal.transport.ResponseHeaders;
import io.openvidu.java.client.internal.transport.Transport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Stands in for the failover transport in the one situation these tests need: the call was repeated
 * after an attempt whose outcome is unknown. Every exchange is real (it delegates to the interim
 * transport over a MockWebServer); the answer is then marked as coming from a second attempt that
 * followed such an attempt. Also records the requests the API layer handed to the transport, to
 * check what it marks repeatable.
 *
 * <p>The same reconciliations through the real failover transport, with a master that dies after a
 * write: {@code io.openvidu.java.client.FailoverEndToEndTest}.
 */
final class AfterUnknownOutcome implements Transport {

  private final Transport real;
  private final List<ApiRequest> requests = Collections.synchronizedList(new ArrayList<>());

  AfterUnknownOutcome(Transport real) {
    this.real = real;
  }

  @Override
  public ApiResponse execute(ApiRequest request) throws OpenViduJavaClientException {
    requests.add(request);
    ApiResponse answer = real.execute(request);
    return new ApiResponse(
        answer.status(), answer.body(), ResponseHeaders.EMPTY, answer.endpoint(), 2, true);
  }

  @Override
  public CompletableFuture<ApiResponse> executeAsync(ApiRequest request) {
    requests.add(request);
    return real.executeAsync(request)
        .thenApply(
            answer ->
                new ApiResponse(
                    answer.status(),
                    answer.body(),
                    ResponseHeaders.EMPTY,
                    answer.endpoint(),
                    2,
                    true));
  }

  /**
   * @return the requests handed to the transport so far, in order
   */
  List<ApiRequest> requests() {
    return new ArrayList<>(requests);
  }

  @Override
  public void close() {
    real.close();
  }
}
