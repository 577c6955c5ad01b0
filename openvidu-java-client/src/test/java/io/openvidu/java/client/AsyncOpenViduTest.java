package io.openvidu.java.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link OpenVidu#async()} and {@link Session#async()} through the public API: the same scenarios
 * as the blocking calls' ({@link FailoverEndToEndTest}), with the same requests and results; many
 * calls in flight from one thread; callbacks on the user's executor.
 */
@Timeout(60) // a guard against hangs, not a speed requirement
class AsyncOpenViduTest {

  @RegisterExtension final TwoMasters masters = new TwoMasters();

  private final ExecutorService callbacks = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopCallbacks() {
    callbacks.shutdownNow();
  }

  @Test
  void anAsyncCreateSessionWhoseAnswerWasLostIsReconciledAsTheBlockingOneIs() throws Exception {
    masters.crashAfterNextWriteOnA();

    Session session = masters.openVidu.async().createSession().get(10, TimeUnit.SECONDS);

    assertThat(masters.sessions).containsOnlyKeys(session.getSessionId());
    assertThat(masters.requests)
        .containsExactly(
            "A POST /openvidu/api/sessions",
            "B POST /openvidu/api/sessions",
            "B GET /openvidu/api/sessions/" + session.getSessionId());
    assertThat(masters.idempotencyKeys)
        .hasSize(2)
        .doesNotContainNull()
        .allMatch(key -> key.equals(masters.idempotencyKeys.get(0)));
    assertThat(masters.openVidu.getActiveSessions()).containsExactly(session);
  }

  @Test
  void anAsyncCreateConnectionWhoseAnswerWasLostFailsWithoutARepeat() throws Exception {
    Session session = masters.openVidu.createSession();
    masters.crashAfterNextWriteOnA();

    CompletableFuture<Connection> created = session.async().createConnection();

    ExecutionException e = catchExecution(created);
    assertThat(e.getCause())
        .isInstanceOf(OpenViduJavaClientException.class)
        .hasMessageContaining("not repeated without an idempotency guarantee");
    assertThat(masters.requests)
        .filteredOn(request -> request.endsWith("/connection"))
        .containsExactly("A POST /openvidu/api/sessions/" + session.getSessionId() + "/connection");
  }

  @Test
  void anAsyncStartRecordingWhoseAnswerWasLostReturnsTheRecordingItStarted() throws Exception {
    Session session = masters.openVidu.createSession();
    masters.crashAfterNextWriteOnA();

    Recording recording =
        masters.openVidu.async().startRecording(session.getSessionId()).get(10, TimeUnit.SECONDS);

    assertThat(masters.recordings).containsOnlyKeys(recording.getId());
    assertThat(recording.getStatus()).isEqualTo(Recording.Status.started);
    assertThat(session.isBeingRecorded()).isTrue();
    assertThat(masters.requests)
        .endsWith(
            "A POST /openvidu/api/recordings/start",
            "B POST /openvidu/api/recordings/start",
            "B GET /openvidu/api/recordings");
  }

  @Test
  void anAsyncHttpErrorFailsTheFutureWithTheExceptionTheBlockingCallThrows() throws Exception {
    ExecutionException e = catchExecution(masters.openVidu.async().getRecording("nope"));

    assertThat(e.getCause()).isInstanceOf(OpenViduHttpException.class);
    assertThat(((OpenViduHttpException) e.getCause()).getStatus()).isEqualTo(404);
  }

  @Test
  void aThousandCallsInFlightFromOneThreadCompleteWithoutAThreadEach() throws Exception {
    try (MockWebServer server = slowRecordingServer();
        OpenVidu openVidu = client(server.url("/").toString())) {
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      threads.resetPeakThreadCount();
      int before = threads.getThreadCount();
      List<CompletableFuture<Recording>> calls = new ArrayList<>();

      for (int i = 0; i < 1000; i++) {
        calls.add(openVidu.async().getRecording("rec_" + i));
      }
      CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0])).get(30, TimeUnit.SECONDS);

      assertThat(calls).allMatch(call -> !call.isCompletedExceptionally());
      assertThat(calls.get(999).get().getId()).isEqualTo("rec_999");
      assertThat(server.getRequestCount()).isEqualTo(1000);
      // 64 connections at most (each with a client and a server thread), never one per call.
      assertThat(threads.getPeakThreadCount() - before).isLessThan(300);
    }
  }

  @Test
  void aCallbackThatBlocksDoesNotStallTheCallsInFlight() throws Exception {
    try (OpenVidu openVidu = client(masters.a.url("/").toString())) {
      Session session = openVidu.createSession();
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch callbackBlocking = new CountDownLatch(1);
      AtomicReference<String> callbackThread = new AtomicReference<>();
      CompletableFuture<Void> blocked =
          openVidu
              .async()
              .getRecording("nope")
              .handle(
                  (recording, failure) -> {
                    callbackThread.set(Thread.currentThread().getName());
                    callbackBlocking.countDown();
                    awaitQuietly(release);
                    return null;
                  });
      // The callback holds its executor thread from here on.
      assertThat(callbackBlocking.await(10, TimeUnit.SECONDS)).isTrue();

      // Meanwhile the client goes on: asynchronous calls complete, on the other executor thread.
      Boolean changed = session.async().fetch().get(10, TimeUnit.SECONDS);

      assertThat(changed).isNotNull();
      assertThat(blocked).isNotDone();
      assertThat(callbackThread.get()).doesNotContain("OkHttp", "OpenVidu");
      release.countDown();
      blocked.get(10, TimeUnit.SECONDS);
    }
  }

  private OpenVidu client(String url) {
    return new OpenVidu.Builder()
        .endpoints(url)
        .secret("MY_SECRET")
        .callTimeout(Duration.ofSeconds(30))
        .asyncExecutor(callbacks)
        .build();
  }

  /** Answers every GET of a recording with that recording, 20 ms late, so calls pile up. */
  private static MockWebServer slowRecordingServer() throws Exception {
    MockWebServer server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String id = request.getUrl().pathSegments().get(3);
            return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/json")
                .body(
                    SpecExamples.startedIndividualRecording()
                        .put("id", id)
                        .put("name", id)
                        .toString())
                .headersDelay(20, TimeUnit.MILLISECONDS)
                .build();
          }
        });
    server.start();
    return server;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ExecutionException catchExecution(CompletableFuture<?> future) throws Exception {
    try {
      future.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e;
    }
    throw new AssertionError("the call succeeded");
  }
}
