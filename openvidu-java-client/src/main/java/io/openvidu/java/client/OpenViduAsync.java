package io.openvidu.java.client;

import io.openvidu.java.client.deployment.HealthReport;
import io.openvidu.java.client.deployment.OpenViduConfiguration;
import io.openvidu.java.client.internal.api.ConfigurationCall;
import io.openvidu.java.client.internal.api.MediaNodesAsyncOverApi;
import io.openvidu.java.client.internal.api.OpenViduApi;
import io.openvidu.java.client.internal.api.Operation;
import io.openvidu.java.client.internal.api.SignalCall;
import io.openvidu.java.client.medianode.MediaNodesAsync;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
  private final MediaNodesAsync mediaNodes;

  OpenViduAsync(OpenVidu openVidu) {
    this.openVidu = openVidu;
    this.mediaNodes = new MediaNodesAsyncOverApi(openVidu.api(), openVidu.asyncExecutor());
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

  /** {@link OpenVidu#fetchSession(String)}. */
  public CompletableFuture<Optional<Session>> fetchSession(String sessionId) {
    return run(openVidu.fetchSessionOperation(sessionId));
  }

  /** {@link OpenVidu#sendSignal(Signal)}. */
  public CompletableFuture<Void> sendSignal(Signal signal) {
    return run(SignalCall.send(Objects.requireNonNull(signal, "signal")));
  }

  /** {@link OpenVidu#getConfiguration()}. */
  public CompletableFuture<OpenViduConfiguration> getConfiguration() {
    return run(ConfigurationCall.get());
  }

  /**
   * {@link OpenVidu#health()}: every endpoint checked at once, no thread held while the checks are
   * in flight. Never fails for an endpoint's trouble (that is the endpoint's state in the report).
   */
  public CompletableFuture<HealthReport> health() {
    return openVidu.healthChecks().checkAsync(openVidu.asyncExecutor());
  }

  /**
   * @return the asynchronous form of {@link OpenVidu#mediaNodes()} (no call made by this method)
   */
  public MediaNodesAsync mediaNodes() {
    return mediaNodes;
  }

  /**
   * @param session a session of this client
   * @return the asynchronous face of that session's operations
   */
  public SessionAsync session(Session session) {
    return session.async();
  }
}
