package io.openvidu.java.client.internal.api;

import io.openvidu.java.client.OpenViduHttpException;
import io.openvidu.java.client.OpenViduJavaClientException;
import io.openvidu.java.client.internal.transport.ApiRequest;
import io.openvidu.java.client.internal.transport.ApiResponse;
import io.openvidu.java.client.internal.transport.Transport;
import java.util.Objects;

/**
 * One operation of the REST API as data: the {@link ApiRequest} built from its arguments and the
 * function that turns the final {@link ApiResponse} into its result or a specific exception. Kept
 * apart from how it is sent, so that a blocking and an asynchronous face share one definition.
 *
 * <p>Immutable and thread-safe.
 *
 * @param <T> the operation's result
 */
public final class ApiCall<T> {

  /** Turns the final answer of a call into its result, or throws what the answer means. */
  public interface ResponseMapper<T> {
    /**
     * @param request the request that was sent
     * @param response its final answer, whatever the status
     * @return the operation's result
     * @throws OpenViduHttpException (or a subclass) for an answer that is a refusal
     * @throws OpenViduJavaClientException for an answer that cannot be read
     */
    T map(ApiRequest request, ApiResponse response)
        throws OpenViduJavaClientException, OpenViduHttpException;
  }

  private final ApiRequest request;
  private final ResponseMapper<T> mapper;

  public ApiCall(ApiRequest request, ResponseMapper<T> mapper) {
    this.request = Objects.requireNonNull(request, "request");
    this.mapper = Objects.requireNonNull(mapper, "mapper");
  }

  public ApiRequest request() {
    return request;
  }

  public ResponseMapper<T> mapper() {
    return mapper;
  }

  /** Sends the request on the calling thread and maps its answer. */
  public T execute(Transport transport) throws OpenViduJavaClientException, OpenViduHttpException {
    return mapper.map(request, transport.execute(request));
  }

  @Override
  public String toString() {
    return "ApiCall{" + request.operation() + "}";
  }
}
