package io.openvidu.java.client.internal.transport;

import static io.openvidu.java.client.internal.transport.TransportFixture.base;
import static io.openvidu.java.client.internal.transport.TransportFixture.name;
import static org.assertj.core.api.Assertions.assertThat;

import io.openvidu.java.client.OpenViduJavaClientException;
import io.openvidu.java.client.internal.transport.endpoints.Endpoint;
import io.openvidu.java.client.internal.transport.http.AttemptExecutor;
import io.openvidu.java.client.transport.AttemptFailure;
import io.openvidu.java.client.transport.CallEnded;
import io.openvidu.java.client.transport.OpenViduEventListener;
import io.openvidu.java.client.transport.RetryPolicy;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link Transport#executeAsync}: the blocking call loop's semantics (failover, retries refused,
 * idempotency keys, hedges) without a thread per call, and cancellation. Real sockets.
 */
@Timeout(30) // a guard against hangs, not a speed requirement
class AsyncCallTest {

  private static final int CALLS_IN_FLIGHT = 200;

  /**
   * The threads a burst of hedged calls may add, whatever their number: OkHttp's dispatcher threads
   * (the per-host limit on each master, plus the few its cached pool makes while threads return),
   * the mock master's per-connection threads, the SDK's timer and OkHttp's task runners. About 21
   * were seen for 200 calls as for 600; a hedge thread per call added about 190 for 200.
   */
  private static final int MAX_EXTRA_THREADS = 40;

  @RegisterExtension final TransportFixture fixture = new TransportFixture();

  @Test
  void aCallFailsOverFromAClosedPortToTheNextEndpoint() throws Exception {
    MockWebServer healthy = fixture.server(Responses.ok("{}"));
    Transport transport = fixture.transport(fixture.closedPort(), base(healthy));

    ApiResponse response = transport.executeAsync(Responses.get()).get(10, TimeUnit.SECONDS);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.endpoint()).isEqualTo(name(healthy));
    assertThat(response.attempts()).isEqualTo(2);
  }

  @Test
  void aPostWhoseOutcomeIsUnknownIsNotRepeated() throws Exception {
    MockWebServer dropping = fixture.server(Responses.dropAfterRequest());
    MockWebServer other = fixture.server(Responses.ok("duplicate"));
    Transport transport = fixture.transport(base(dropping), base(other));

    CompletableFuture<ApiResponse> call = transport.executeAsync(Responses.post());

    Throwable failure = failureOf(call);
    assertThat(failure)
        .isInstanceOf(OpenViduJavaClientException.class)
        .hasMessageContaining("not repeated without an idempotency guarantee");
    assertThat(((OpenViduJavaClientException) failure).getAttemptFailures())
        .extracting(AttemptFailure::kind)
        .containsExactly(AttemptFailure.Kind.OUTCOME_UNKNOWN);
    assertThat(other.getRequestCount()).isZero();
  }

  @Test
  void aRepeatablePostIsRepeatedWithTheSameIdempotencyKey() throws Exception {
    MockWebServer dropping = fixture.server(Responses.dropAfterRequest());
    MockWebServer other = fixture.server(Responses.ok("{}"));
    Transport transport = fixture.transport(base(dropping), base(other));

    ApiResponse response =
        transport.executeAsync(Responses.repeatablePost()).get(10, TimeUnit.SECONDS);

    assertThat(response.earlierAttemptMayHaveTakenEffect()).isTrue();
    String first = dropping.takeRequest().getHeaders().get(AttemptExecutor.IDEMPOTENCY_KEY);
    String second = other.takeRequest().getHeaders().get(AttemptExecutor.IDEMPOTENCY_KEY);
    assertThat(first).isNotNull().isEqualTo(second);
  }

  @Test
  void aGetToAHangingEndpointIsAnsweredByItsHedge() throws Exception {
    SilentServer hanging = fixture.hangingServer();
    MockWebServer healthy = fixture.server(Responses.ok("{}"));
    Transport transport =
        fixture.transport(
            fixture
                .settings(hanging.url(), base(healthy))
                .hedgeDelay(Duration.ofMillis(100))
                .attemptTimeout(Duration.ofSeconds(20))
                .callTimeout(Duration.ofSeconds(20)));

    ApiResponse response = transport.executeAsync(Responses.get()).get(10, TimeUnit.SECONDS);

    assertThat(response.endpoint()).isEqualTo(name(healthy));
    assertThat(response.attempts()).isEqualTo(2);
    assertThat(fixture.listener().events())
        .startsWith(
            "started fetch #1 " + Endpoint.nameOf(hanging.url()),
            "hedged fetch #2 " + name(healthy));
    assertThat(fixture.listener().failures()).as("cancelled, not failed").isEmpty();
    hanging.awaitClosedByClient();
  }

  @Test
  void cancellingTheFutureClosesTheAttemptsConnectionAndEndsTheCallWithoutARetry()
      throws Exception {
    SilentServer hanging = fixture.hangingServer();
    MockWebServer healthy = fixture.server(Responses.ok("{}"));
    BlockingQueue<CallEnded> ended = new LinkedBlockingQueue<>();
    Transport transport =
        fixture.transport(
            fixture.settings(hanging.url(), base(healthy)).listener(collectingCallsEnded(ended)));
    CompletableFuture<ApiResponse> call = transport.executeAsync(Responses.get());
    hanging.awaitConnection();

    boolean cancelled = call.cancel(true);

    assertThat(cancelled).isTrue();
    assertThat(call).isCancelled();
    hanging.awaitClosedByClient();
    CallEnded end = ended.poll(10, TimeUnit.SECONDS);
    assertThat(end).isNotNull();
    assertThat(end.outcome()).isEqualTo(CallEnded.Outcome.CANCELLED);
    assertThat(end.status()).isZero();
    assertThat(end.attempts()).isEqualTo(1);
    assertThat(healthy.getRequestCount()).as("no attempt after the cancellation").isZero();
  }

  @Test
  void hedgesOfManyCallsInFlightHoldNoThreadEach() throws Exception {
    SilentServer frozen = fixture.hangingServer();
    MockResponse[] answers = new MockResponse[CALLS_IN_FLIGHT];
    Arrays.fill(answers, Responses.ok("{}"));
    MockWebServer healthy = fixture.server(answers);
    // A small per-host limit: the frozen master holds at most that many dispatcher threads, and
    // hedges are what would otherwise grow with the calls. The two masters have different host
    // names (127.0.0.1, localhost): OkHttp counts per host name, and the frozen master's attempts
    // must not queue the healthy one's.
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequestsPerHost(4);
    OkHttpClient shared = new OkHttpClient.Builder().dispatcher(dispatcher).build();
    Transport transport =
        fixture.transport(
            fixture
                .settings(frozen.url(), base(healthy))
                .sharedClient(shared)
                .retryPolicy(RetryPolicy.builder().retryBudget(1000, 0.1).build())
                .hedgeDelay(Duration.ofMillis(100))
                .attemptTimeout(Duration.ofSeconds(20))
                .callTimeout(Duration.ofSeconds(20)));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int before = threads.getThreadCount();
    threads.resetPeakThreadCount();

    List<CompletableFuture<ApiResponse>> calls = new ArrayList<>();
    for (int i = 0; i < CALLS_IN_FLIGHT; i++) {
      calls.add(transport.executeAsync(Responses.get()));
    }
    List<String> answeredBy = new ArrayList<>();
    for (CompletableFuture<ApiResponse> call : calls) {
      answeredBy.add(call.get(20, TimeUnit.SECONDS).endpoint());
    }

    assertThat(answeredBy).hasSize(CALLS_IN_FLIGHT).containsOnly(name(healthy));
    assertThat(fixture.listener().events())
        .filteredOn(event -> event.startsWith("hedged"))
        .hasSize(CALLS_IN_FLIGHT);
    assertThat(threads.getPeakThreadCount() - before)
        .as("threads added while %d hedged calls were in flight", CALLS_IN_FLIGHT)
        .isLessThan(MAX_EXTRA_THREADS);
    dispatcher.executorService().shutdown();
  }

  @Test
  void cancellingACallWhoseAttemptWaitsInTheDispatchersQueueEndsItAtOnce() throws Exception {
    MockWebServer queued = fixture.server(Responses.ok("{}"));
    BlockingQueue<CallEnded> ended = new LinkedBlockingQueue<>();
    Transport transport =
        fixture.transport(
            fixture
                .settings(base(queued).newBuilder().host("127.0.0.1").build())
                .sharedClient(fixture.clientWithLoopbackTaken())
                .attemptTimeout(Duration.ofSeconds(20))
                .callTimeout(Duration.ofSeconds(20))
                .listener(collectingCallsEnded(ended)));
    CompletableFuture<ApiResponse> call = transport.executeAsync(Responses.get());

    call.cancel(true);

    CallEnded end = ended.poll(10, TimeUnit.SECONDS);
    assertThat(end).as("ended while the queue is still stuck").isNotNull();
    assertThat(end.outcome()).isEqualTo(CallEnded.Outcome.CANCELLED);
    assertThat(queued.getRequestCount()).isZero();
  }

  private static OpenViduEventListener collectingCallsEnded(BlockingQueue<CallEnded> ended) {
    return new OpenViduEventListener() {
      @Override
      public void callEnded(CallEnded call) {
        ended.add(call);
      }
    };
  }

  private static Throwable failureOf(CompletableFuture<?> future) throws Exception {
    try {
      future.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (CancellationException e) {
      return e;
    }
    throw new AssertionError("the call succeeded");
  }
}
