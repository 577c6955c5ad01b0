package io.openvidu.java.client.internal.api;

import io.openvidu.java.client.OpenViduHttpException;
import io.openvidu.java.client.OpenViduJavaClientException;
import io.openvidu.java.client.internal.transport.ApiResponse;
import io.openvidu.java.client.internal.transport.Transport;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link Operation} run asynchronously, and the future its caller holds. The operation's calls
 * (follow-ups included) go through {@link Transport#executeAsync}, and their answers are read on
 * the SDK thread they arrive on; only the final result is handed to the caller's {@link Executor},
 * which completes this future: the caller's callbacks never run on an SDK thread nor under an SDK
 * lock, and a callback that blocks holds up only that executor.
 *
 * <p>Cancelling this future cancels the transport call in flight (its attempt, and any attempt it
 * would have made after), and no follow-up is sent.
 *
 * @param <T> what the operation produces
 */
final class AsyncRun<T> extends CompletableFuture<T> {

  private static final Logger LOG = LoggerFactory.getLogger(AsyncRun.class);

  private final Transport transport;
  private final Executor executor;
  private volatile CompletableFuture<ApiResponse> inFlight;

  private AsyncRun(Transport transport, Executor executor) {
    this.transport = transport;
    this.executor = executor;
  }

  static <T> AsyncRun<T> start(Transport transport, Executor executor, Operation<T> operation) {
    AsyncRun<T> run = new AsyncRun<>(transport, executor);
    CompletableFuture<T> result;
    try {
      result = run.send(operation);
    } catch (RuntimeException e) {
      result = failed(e);
    }
    result.whenComplete((value, failure) -> run.deliver(value, unwrap(failure)));
    return run;
  }

  /** Sends {@code operation}'s request and reads its answer, on the thread the answer comes on. */
  <X> CompletableFuture<X> send(Operation<X> operation) {
    CompletableFuture<ApiResponse> sent = transport.executeAsync(operation.request());
    inFlight = sent;
    if (isCancelled()) {
      sent.cancel(true); // cancelled between two calls of the operation
    }
    return sent.handle(
            (response, failure) -> {
              if (failure != null) {
                return AsyncRun.<X>failed(unwrap(failure));
              }
              OpenViduApi.answered(operation.request(), response);
              try {
                return operation.read(response).finishAsync(this);
              } catch (OpenViduJavaClientException | OpenViduHttpException | RuntimeException e) {
                return AsyncRun.<X>failed(e);
              }
            })
        .thenCompose(next -> next);
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    CompletableFuture<ApiResponse> call = inFlight;
    if (call != null) {
      call.cancel(mayInterruptIfRunning);
    }
    return cancelled;
  }

  /** Completes this future on the caller's executor. */
  private void deliver(T value, Throwable failure) {
    if (isDone()) {
      return; // cancelled
    }
    Runnable completion =
        () -> {
          if (failure != null) {
            completeExceptionally(failure);
          } else {
            complete(value);
          }
        };
    try {
      executor.execute(completion);
    } catch (RejectedExecutionException e) {
      // An executor shut down before the call ended: better the SDK's thread than never.
      LOG.warn("The executor of asynchronous OpenVidu calls refused a completion; completing here");
      completion.run();
    }
  }

  static <X> CompletableFuture<X> failed(Throwable failure) {
    CompletableFuture<X> future = new CompletableFuture<>();
    future.completeExceptionally(failure);
    return future;
  }

  /** The exception itself, not the wrapper a dependent stage puts around it. */
  static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
