package io.openvidu.java.client.internal.transport;

import static io.openvidu.java.client.internal.transport.TransportFixture.base;
import static io.openvidu.java.client.internal.transport.TransportFixture.name;
import static org.assertj.core.api.Assertions.assertThat;

import io.openvidu.java.client.internal.transport.endpoints.Responsiveness;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A master that has answered nothing for a second while attempts wait on it is avoided by new calls
 * before any of those attempts times out, without cancelling them, and is used again as soon as it
 * answers anything. The masters hang over real sockets ({@link HoldingDispatcher}); the silence is
 * measured on the fake clock, which the tests move past the threshold. Primary-first balancing puts
 * the silent master first in every call, so that avoiding it is visible.
 */
@Timeout(30) // a guard against hangs, not a speed requirement
class SilenceTest {

  private static final Duration PAST_THRESHOLD =
      Duration.ofMillis(Responsiveness.SILENCE_THRESHOLD_MILLIS + 1);

  @RegisterExtension final TransportFixture fixture = new TransportFixture();

  private final ExecutorService callers = Executors.newCachedThreadPool();

  @AfterEach
  void stopCallers() {
    callers.shutdownNow();
  }

  @Test
  void whileAnAttemptWaitsUnansweredPastTheThresholdNewCallsGoElsewhereAtOnce() throws Exception {
    HoldingDispatcher hanging = new HoldingDispatcher();
    MockWebServer silent = server(hanging);
    MockWebServer healthy = server(new HoldingDispatcher(request -> false));
    Transport transport = fixture.transport(base(silent), base(healthy));
    inBackground(() -> transport.execute(Responses.get()));
    hanging.awaitRequest();
    fixture.time().advance(PAST_THRESHOLD);

    ApiResponse response = transport.execute(Responses.get());

    assertThat(response.endpoint()).isEqualTo(name(healthy));
    assertThat(response.attempts()).isEqualTo(1);
    assertThat(fixture.listener().failures())
        .as("the attempt on the silent master has not timed out")
        .isEmpty();
  }

  @Test
  void aPostInFlightOnASilentEndpointIsNotCancelledAndItsLateAnswerIsTheCallsAnswer()
      throws Exception {
    HoldingDispatcher hanging = new HoldingDispatcher();
    MockWebServer slow = server(hanging);
    MockWebServer healthy = server(new HoldingDispatcher(request -> false));
    Transport transport = fixture.transport(base(slow), base(healthy));
    Future<ApiResponse> post = inBackground(() -> transport.execute(Responses.post()));
    hanging.awaitRequest();
    fixture.time().advance(PAST_THRESHOLD);
    transport.execute(Responses.get());

    hanging.release();
    ApiResponse late = post.get(10, TimeUnit.SECONDS);

    assertThat(late.status()).isEqualTo(200);
    assertThat(late.endpoint()).isEqualTo(name(slow));
    assertThat(late.attempts()).isEqualTo(1);
    assertThat(fixture.listener().failures()).isEmpty();
  }

  @Test
  void aSilentEndpointTakesNewCallsAgainOnceItAnswers() throws Exception {
    HoldingDispatcher hanging = new HoldingDispatcher();
    MockWebServer recovering = server(hanging);
    MockWebServer healthy = server(new HoldingDispatcher(request -> false));
    Transport transport = fixture.transport(base(recovering), base(healthy));
    Future<ApiResponse> first = inBackground(() -> transport.execute(Responses.get()));
    hanging.awaitRequest();
    fixture.time().advance(PAST_THRESHOLD);
    transport.execute(Responses.get());
    hanging.release();
    first.get(10, TimeUnit.SECONDS);

    ApiResponse response = transport.execute(Responses.get());

    assertThat(response.endpoint()).isEqualTo(name(recovering));
  }

  @Test
  void aMasterBusyWithOneSlowCallIsAvoidedOnlyUntilItAnswersTheProbeItsSilenceStarts()
      throws Exception {
    // Starting a COMPOSED recording may legitimately take seconds; the master answers everything
    // else.
    HoldingDispatcher busy =
        new HoldingDispatcher(
            request -> request.getTarget().startsWith("/openvidu/api/recordings/start"));
    MockWebServer master = server(busy);
    MockWebServer other = server(new HoldingDispatcher(request -> false));
    Transport transport = fixture.transport(base(master), base(other));
    Future<ApiResponse> recording = inBackground(() -> transport.execute(Responses.post()));
    busy.awaitRequest();
    fixture.time().advance(PAST_THRESHOLD);
    assertThat(transport.execute(Responses.get()).endpoint()).isEqualTo(name(other));
    assertThat(busy.awaitRequest().getTarget()).isEqualTo("/openvidu/api/health");

    String servedBy = firstEndpointServing(transport, name(master));

    assertThat(servedBy).isEqualTo(name(master));
    assertThat(recording.isDone()).as("the slow call is still in flight").isFalse();
    busy.release();
    assertThat(recording.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
  }

  @Test
  void aLoneEndpointIsStillTriedWhileSilentAndIsNotProbed() throws Exception {
    HoldingDispatcher hanging = new HoldingDispatcher();
    MockWebServer only = server(hanging);
    Transport transport = fixture.transport(base(only));
    Future<ApiResponse> first = inBackground(() -> transport.execute(Responses.get()));
    hanging.awaitRequest();
    fixture.time().advance(PAST_THRESHOLD);

    Future<ApiResponse> second = inBackground(() -> transport.execute(Responses.get()));

    assertThat(hanging.awaitRequest().getTarget()).isEqualTo("/openvidu/api/sessions");
    hanging.release();
    assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
    assertThat(second.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
    assertThat(only.getRequestCount()).as("no probe").isEqualTo(2);
  }

  @Test
  void whenEveryEndpointIsSilentACallStillGoesToTheFirstInItsOrder() throws Exception {
    HoldingDispatcher firstHanging = new HoldingDispatcher();
    HoldingDispatcher secondHanging = new HoldingDispatcher();
    MockWebServer first = server(firstHanging);
    MockWebServer second = server(secondHanging);
    Transport transport = fixture.transport(base(first), base(second));
    inBackground(() -> transport.execute(Responses.get()));
    firstHanging.awaitRequest();
    fixture.time().advance(PAST_THRESHOLD);
    inBackground(() -> transport.execute(Responses.get()));
    assertThat(secondHanging.awaitRequest().getTarget()).isEqualTo("/openvidu/api/sessions");
    fixture.time().advance(PAST_THRESHOLD);

    inBackground(() -> transport.execute(Responses.get()));

    assertThat(firstHanging.awaitRequest().getTarget())
        .as("the probe the second call started")
        .isEqualTo("/openvidu/api/health");
    assertThat(firstHanging.awaitRequest().getTarget())
        .as("the third call")
        .isEqualTo("/openvidu/api/sessions");
  }

  /**
   * Calls until one is served by {@code wanted}, for at most five seconds: the probe's answer ends
   * the silence on a dispatcher thread, a moment after the server sent it.
   */
  private static String firstEndpointServing(Transport transport, String wanted) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    String endpoint;
    do {
      endpoint = transport.execute(Responses.get()).endpoint();
      if (!endpoint.equals(wanted)) {
        Thread.sleep(5);
      }
    } while (!endpoint.equals(wanted) && System.nanoTime() - deadline < 0);
    return endpoint;
  }

  private MockWebServer server(HoldingDispatcher dispatcher) {
    MockWebServer server = fixture.server();
    server.setDispatcher(dispatcher);
    return server;
  }

  private <T> Future<T> inBackground(Callable<T> call) {
    return callers.submit(call);
  }
}
