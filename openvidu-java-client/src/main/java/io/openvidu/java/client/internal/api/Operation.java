package io.openvidu.java.client.internal.api;

import io.openvidu.java.client.OpenViduHttpException;
import io.openvidu.java.client.OpenViduJavaClientException;
import io.openvidu.java.client.internal.transport.ApiRequest;
import io.openvidu.java.client.internal.transport.ApiResponse;
import java.util.function.Consumer;

/**
 * One operation of the REST API, defined once: the request to send, and what its answer means
 * ({@link Step}: a value, an error, or a follow-up operation, such as the fetch that reconciles a
 * 409 after an attempt whose outcome was unknown). {@link OpenViduApi#call} runs it on the caller's
 * thread, {@link OpenViduApi#callAsync} without holding one; both read the answer with the same
 * functions, so both forms of a call mean the same.
 *
 * <p>The reading functions run on whatever thread the answer arrives on (an SDK thread for an
 * asynchronous call): they must be quick, must not block, and must not call user code; they may
 * update the client's own state (a {@code Session}'s view) under its short locks.
 *
 * <p>Immutable and thread-safe.
 *
 * @param <T> what the operation produces
 */
public final class Operation<T> {

  /** What an answer means. */
  @FunctionalInterface
  public interface Reading<T> {
    Step<T> read(ApiResponse response) throws OpenViduJavaClientException, OpenViduHttpException;
  }

  /** A function that may fail as an API call does. */
  @FunctionalInterface
  public interface Mapping<T, R> {
    R apply(T value) throws OpenViduJavaClientException, OpenViduHttpException;
  }

  private final ApiRequest request;
  private final Reading<T> reading;

  private Operation(ApiRequest request, Reading<T> reading) {
    this.request = request;
    this.reading = reading;
  }

  /** An operation whose answer may lead to a follow-up ({@link Step#followUp}). */
  public static <T> Operation<T> of(ApiRequest request, Reading<T> reading) {
    return new Operation<>(request, reading);
  }

  /**
   * An operation made of a request and a function of its answer, with no follow-up: what most calls
   * are. The function maps error statuses to exceptions itself ({@link #expectingSuccess} does it
   * for the usual case).
   */
  public static <T> Operation<T> reading(ApiRequest request, Mapping<ApiResponse, T> mapping) {
    return new Operation<>(request, response -> Step.done(mapping.apply(response)));
  }

  /**
   * An operation that succeeds on a 2xx answer, read by {@code mapping}, and fails on any other
   * with the {@link OpenViduHttpException} of that status and the server's message.
   */
  public static <T> Operation<T> expectingSuccess(
      ApiRequest request, Mapping<ApiResponse, T> mapping) {
    return reading(
        request,
        response -> {
          if (!response.isSuccessful()) {
            throw ServerErrors.toException(request, response);
          }
          return mapping.apply(response);
        });
  }

  public ApiRequest request() {
    return request;
  }

  Step<T> read(ApiResponse response) throws OpenViduJavaClientException, OpenViduHttpException {
    return reading.read(response);
  }

  /**
   * @param mapping applied to the operation's result (after any follow-up); may fail
   * @return the same operation, producing {@code mapping}'s result
   */
  public <R> Operation<R> map(Mapping<? super T, ? extends R> mapping) {
    return new Operation<>(request, response -> reading.read(response).map(mapping));
  }

  /**
   * @param next what the operation's result (after any follow-up) leads to: a value, or a further
   *     operation; may fail
   * @return the same operation, going on with {@code next}
   */
  public <R> Operation<R> then(Mapping<? super T, Step<R>> next) {
    return new Operation<>(request, response -> reading.read(response).then(next));
  }

  /**
   * @param observer told when the operation (follow-ups included) fails with an HTTP error, before
   *     the error is reported; for the client's own state (forgetting a session found gone)
   * @return the same operation
   */
  public Operation<T> whenRefused(Consumer<OpenViduHttpException> observer) {
    return new Operation<>(
        request,
        response -> {
          try {
            return reading.read(response).whenRefused(observer);
          } catch (OpenViduHttpException e) {
            observer.accept(e);
            throw e;
          }
        });
  }

  @Override
  public String toString() {
    return request.operation();
  }
}
