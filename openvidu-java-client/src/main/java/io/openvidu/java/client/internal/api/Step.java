package io.openvidu.java.client.internal.api;

import io.openvidu.java.client.OpenViduHttpException;
import io.openvidu.java.client.OpenViduJavaClientException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What an answer to an {@link Operation} means: the operation's result ({@link #done}), or another
 * operation to make first and what to conclude from its result or its refusal ({@link #followUp}).
 * An error is thrown by the reading function instead. Immutable.
 *
 * @param <T> what the operation produces
 */
public abstract class Step<T> {

  /** What to conclude from a follow-up: exactly one of {@code value} and {@code refused} is set. */
  @FunctionalInterface
  public interface Continuation<U, T> {
    Step<T> apply(U value, OpenViduHttpException refused)
        throws OpenViduJavaClientException, OpenViduHttpException;
  }

  private Step() {}

  public static <T> Step<T> done(T value) {
    return new Done<>(value);
  }

  /**
   * @param operation the operation to make next
   * @param then what its result (or its HTTP refusal) means for this operation
   */
  public static <U, T> Step<T> followUp(Operation<U> operation, Continuation<U, T> then) {
    return new FollowUp<>(operation, then);
  }

  abstract <R> Step<R> map(Operation.Mapping<? super T, ? extends R> mapping)
      throws OpenViduJavaClientException, OpenViduHttpException;

  abstract <R> Step<R> then(Operation.Mapping<? super T, Step<R>> next)
      throws OpenViduJavaClientException, OpenViduHttpException;

  abstract Step<T> whenRefused(Consumer<OpenViduHttpException> observer);

  /** Completes the step on the calling thread. */
  abstract T finish(OpenViduApi api) throws OpenViduJavaClientException, OpenViduHttpException;

  /** Completes the step without blocking; follow-ups are sent through {@code run}. */
  abstract CompletableFuture<T> finishAsync(AsyncRun<?> run);

  private static final class Done<T> extends Step<T> {
    private final T value;

    Done(T value) {
      this.value = value;
    }

    @Override
    <R> Step<R> map(Operation.Mapping<? super T, ? extends R> mapping)
        throws OpenViduJavaClientException, OpenViduHttpException {
      return new Done<>(mapping.apply(value));
    }

    @Override
    <R> Step<R> then(Operation.Mapping<? super T, Step<R>> next)
        throws OpenViduJavaClientException, OpenViduHttpException {
      return next.apply(value);
    }

    @Override
    Step<T> whenRefused(Consumer<OpenViduHttpException> observer) {
      return this;
    }

    @Override
    T finish(OpenViduApi api) {
      return value;
    }

    @Override
    CompletableFuture<T> finishAsync(AsyncRun<?> run) {
      return CompletableFuture.completedFuture(value);
    }
  }

  private static final class FollowUp<U, T> extends Step<T> {
    private final Operation<U> operation;
    private final Continuation<U, T> then;

    FollowUp(Operation<U> operation, Continuation<U, T> then) {
      this.operation = operation;
      this.then = then;
    }

    @Override
    <R> Step<R> map(Operation.Mapping<? super T, ? extends R> mapping) {
      return new FollowUp<U, R>(
          operation, (value, refused) -> then.apply(value, refused).map(mapping));
    }

    @Override
    <R> Step<R> then(Operation.Mapping<? super T, Step<R>> next) {
      return new FollowUp<U, R>(
          operation, (value, refused) -> then.apply(value, refused).then(next));
    }

    @Override
    Step<T> whenRefused(Consumer<OpenViduHttpException> observer) {
      return new FollowUp<U, T>(
          operation,
          (value, refused) -> {
            try {
              return then.apply(value, refused).whenRefused(observer);
            } catch (OpenViduHttpException e) {
              observer.accept(e);
              throw e;
            }
          });
    }

    @Override
    T finish(OpenViduApi api) throws OpenViduJavaClientException, OpenViduHttpException {
      U value;
      try {
        value = api.call(operation);
      } catch (OpenViduHttpException refused) {
        return then.apply(null, refused).finish(api);
      }
      return then.apply(value, null).finish(api);
    }

    @Override
    CompletableFuture<T> finishAsync(AsyncRun<?> run) {
      return run.send(operation)
          .handle(
              (value, failure) -> {
                Throwable cause = AsyncRun.unwrap(failure);
                if (cause != null && !(cause instanceof OpenViduHttpException)) {
                  return AsyncRun.<T>failed(cause);
                }
                try {
                  return then.apply(value, (OpenViduHttpException) cause).finishAsync(run);
                } catch (OpenViduJavaClientException | OpenViduHttpException | RuntimeException e) {
                  return AsyncRun.<T>failed(e);
                }
              })
          .thenCompose(future -> future);
    }
  }
}
