package io.openvidu.java.client;

import io.openvidu.java.client.internal.api.OpenViduApi;
import io.openvidu.java.client.internal.api.Operation;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous face of an {@link OpenVidu} client ({@link OpenVidu#async()}), an addition to
 * the official API: each method starts the call of the blocking method of the same name and returns
 * at once. The two forms are one definition of each operation, so they behave the same: same
 * requests, same failover, retries, hedges and idempotency keys, same reconciliation of "already
 * done" answers (the follow-up calls are asynchronous too), same effects on the client's view
 * ({@link OpenVidu#getActiveSessions()}, {@link Session}), same exceptions.
 *
 * <p><b>Results.</b> A future completes with the value the blocking method returns, or
 * exceptionally with the {@link OpenViduHttpException} or {@link OpenViduJavaClientException} it
 * throws (as the cause of the {@code ExecutionException} or {@code CompletionException} of {@code
 * get()} and {@code join()}; as is to {@code whenComplete} and {@code exceptionally}). A {@code
 * Void} future completes with {@code null}.
 *
 * <p><b>Threads.</b> No thread is held while a call is in flight: attempts are the HTTP client's
 * asynchronous calls, backoffs and hedge delays are timers. Each future is completed on the
 * executor of {@link OpenVidu.Builder#asyncExecutor} (by default {@link
 * java.util.concurrent.ForkJoinPool#commonPool()}), so callbacks chained to it without an executor
 * run there: never on the client's own threads, never while the client holds a lock. A callback
 * that blocks holds up that executor only, not the calls in flight; with the default executor,
 * prefer the {@code ...Async(fn, yourExecutor)} forms for blocking work.
 *
 * <p><b>Cancellation.</b> {@code cancel(true)} or {@code cancel(false)} on a future cancels its
 * call: the attempt in flight is abandoned (its connection closed), no further attempt or follow-up
 * is made, and the future completes with a {@link java.util.concurrent.CancellationException}. A
 * write already received by the server may still take effect, as with any abandoned HTTP request.
 *
 * <p><b>Limits.</b> The HTTP client runs at most 64 attempts at once per host (its pool keeps that
 * many connections); beyond that, attempts wait in its queue without a thread, and their attempt
 * timeout counts that wait. A hedge, once sent, holds a thread of the client's until it ends.
 * Asynchronous {@link #fetch()}es are not serialised: two of them may apply their answers in either
 * order.
 *
 * <p>Thread-safe.
 */
public final class OpenViduAsync {

  private final OpenVidu openVidu;

  OpenViduAsync(OpenVidu openVidu) {
    this.openVidu = openVidu;
  }

  private <T> CompletableFuture<T> run(Operation<T> operation) {
    return openVidu.api().callAsync(operation, openVidu.asyncExecutor());
  }

  /** {@link OpenVidu#createSession()}. */
  public CompletableFuture<Session> createSession() {
    return createSession(new SessionProperties.Builder().build());
  }

  /** {@link OpenVidu#createSession(SessionProperties)}. */
  public CompletableFuture<Session> createSession(SessionProperties properties) {
    return run(openVidu.createSessionOperation(properties));
  }

  /** {@link OpenVidu#startRecording(String, RecordingProperties)}. */
  public CompletableFuture<Recording> startRecording(
      String sessionId, RecordingProperties properties) {
    return run(openVidu.startRecordingOperation(sessionId, properties));
  }

  /** {@link OpenVidu#startRecording(String, String)}. */
  public CompletableFuture<Recording> startRecording(String sessionId, String name) {
    return startRecording(sessionId, new RecordingProperties.Builder().name(name).build());
  }

  /** {@link OpenVidu#startRecording(String)}. */
  public CompletableFuture<Recording> startRecording(String sessionId) {
    return startRecording(sessionId, new RecordingProperties.Builder().build());
  }

  /** {@link OpenVidu#stopRecording(String)}. */
  public CompletableFuture<Recording> stopRecording(String recordingId) {
    return run(openVidu.stopRecordingOperation(recordingId));
  }

  /** {@link OpenVidu#getRecording(String)}. */
  public CompletableFuture<Recording> getRecording(String recordingId) {
    return run(OpenVidu.getRecordingOperation(recordingId));
  }

  /** {@link OpenVidu#listRecordings()}. */
  public CompletableFuture<List<Recording>> listRecordings() {
    return run(OpenVidu.listRecordingsOperation());
  }

  /** {@link OpenVidu#deleteRecording(String)}. */
  public CompletableFuture<Void> deleteRecording(String recordingId) {
    return run(OpenViduApi.deleteRecordingOperation(recordingId));
  }

  /**
   * {@link OpenVidu#fetch()}. The answer is applied under the same lock as a blocking fetch's, but
   * asynchronous fetches are not serialised with one another.
   */
  public CompletableFuture<Boolean> fetch() {
    return run(openVidu.fetchOperation());
  }

  /**
   * @param session a session of this client
   * @return the asynchronous face of that session's operations
   */
  public SessionAsync session(Session session) {
    return session.async();
  }
}
