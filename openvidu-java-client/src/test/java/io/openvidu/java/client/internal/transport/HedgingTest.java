package io.openvidu.java.client.internal.transport;

import static io.openvidu.java.client.internal.transport.TransportFixture.base;
import static io.openvidu.java.client.internal.transport.TransportFixture.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvidu.java.client.OpenViduJavaClientException;
import io.openvidu.java.client.internal.transport.endpoints.Endpoint;
import io.openvidu.java.client.internal.transport.endpoints.Responsiveness;
import io.openvidu.java.client.transport.RetryPolicy;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A GET still unanswered after the hedge delay is sent again to an endpoint the call has not tried,
 * without cancelling the first attempt; the first answer wins and the other attempt is cancelled.
 * Nothing else is hedged. The masters hang over real sockets; the hedge delay is short (real time,
 * as socket timeouts) and the attempt timeout long, so that only a hedge can answer a call before
 * its attempt times out.
 */
@Timeout(30) // a guard against hangs, not a speed requirement
class HedgingTest {

  private static final Duration HEDGE_DELAY = Duration.ofMillis(100);
  private static final Duration LONG_ATTEMPT = Duration.ofSeconds(20);

  @RegisterExtension final TransportFixture fixture = new TransportFixture();

  private final ExecutorService callers = Executors.newCachedThreadPool();

  @AfterEach
  void stopCallers() {
    callers.shutdownNow();
  }

  @Test
  void aGetToAHangingEndpointIsAnsweredByTheHedgeAndTheHangingAttemptIsCancelled()
      throws Exception {
    SilentServer hanging = fixture.hangingServer();
    MockWebServer healthy = fixture.server(Responses.ok("{}"));
    Transport transport = fixture.transport(hedged(hanging.url(), base(healthy)));

    ApiResponse response = transport.execute(Responses.get());

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
  void aGetAnsweredBeforeTheHedgeDelaySendsNoHedge() throws Exception {
    MockWebServer fast = fixture.server(Responses.ok("{}"));
    MockWebServer other = fixture.server(Responses.ok("{}"));
    Transport transport =
        fixture.transport(
            fixture
                .settings(base(fast), base(other))
                .hedgeDelay(Duration.ofSeconds(2))
                .attemptTimeout(LONG_ATTEMPT)
                .callTimeout(LONG_ATTEMPT));

    ApiResponse response = transport.execute(Responses.get());

    assertThat(response.endpoint()).isEqualTo(name(fast));
    assertThat(other.getRequestCount()).isZero();
    assertThat(fixture.listener().events("hedged")).isEmpty();
  }

  @Test
  void aPostToAHangingEndpointIsNeverHedged() {
    MockWebServer hanging = fixture.server();
    hanging.setDispatcher(new HoldingDispatcher());
    MockWebServer healthy = fixture.server(Responses.ok("{}"));
    Transport transport =
        fixture.transport(
            fixture
                .settings(base(hanging), base(healthy))
                .hedgeDelay(HEDGE_DELAY)
                .attemptTimeout(TransportFixture.SHORT_ATTEMPT));

    assertThatThrownBy(() -> transport.execute(Responses.post()))
        .isInstanceOf(OpenViduJavaClientException.class)
        .hasMessageContaining("timed out");

    assertThat(healthy.getRequestCount()).isZero();
    assertThat(fixture.listener().events("hedged")).isEmpty();
  }

  @Test
  void aLoneEndpointIsNeverHedged() {
    MockWebServer only = fixture.server();
    only.setDispatcher(new HoldingDispatcher());
    Transport transport =
        fixture.transport(
            fixture
                .settings(base(only))
                .hedgeDelay(HEDGE_DELAY)
                .attemptTimeout(TransportFixture.SHORT_ATTEMPT)
                .retryPolicy(
                    RetryPolicy.builder()
                        .maxAttempts(2)
                        .backoff(Duration.ofMillis(1), Duration.ofMillis(1))
                        .build()));

    assertThatThrownBy(() -> transport.execute(Responses.get()))
        .isInstanceOf(OpenViduJavaClientException.class);

    assertThat(fixture.listener().events("hedged")).isEmpty();
    assertThat(fixture.listener().failures()).as("the attempt and its retry").hasSize(2);
    // Counted by the server, a retry may not have been read yet when its attempt timed out (a
    // loaded machine): at most the two attempts, never a third copy.
    assertThat(only.getRequestCount()).as("nothing more").isLessThanOrEqualTo(2);
  }

  @Test
  void theFirstAttemptAnsweringAfterTheHedgeWentOutWinsAndTheHedgeIsCancelled() throws Exception {
    HoldingDispatcher slow = new HoldingDispatcher();
    MockWebServer first = fixture.server();
    first.setDispatcher(slow);
    SilentServer hanging = fixture.hangingServer();
    Transport transport = fixture.transport(hedged(base(first), hanging.url()));
    Future<ApiResponse> call = callers.submit(() -> transport.execute(Responses.get()));
    hanging.awaitConnection();
    fixture.listener().awaitEvents("hedged", 1);

    slow.release();
    ApiResponse response = call.get(10, TimeUnit.SECONDS);

    assertThat(response.endpoint()).isEqualTo(name(first));
    assertThat(response.bodyAsString()).isEqualTo("{\"late\":true}");
    assertThat(fixture.listener().failures()).as("cancelled, not failed").isEmpty();
    hanging.awaitClosedByClient();
  }

  @Test
  void withTheRetryBudgetExhaustedNoHedgeIsSent() throws Exception {
    HttpUrl refusing = fixture.closedPort();
    MockWebServer hanging = fixture.server();
    hanging.setDispatcher(new HoldingDispatcher());
    MockWebServer healthy = fixture.server(Responses.ok("{}"));
    // Two tokens: the refused first attempt takes one, which leaves the budget at half, exhausted.
    Transport transport =
        fixture.transport(
            fixture
                .settings(refusing, base(hanging), base(healthy))
                .hedgeDelay(HEDGE_DELAY)
                .attemptTimeout(TransportFixture.SHORT_ATTEMPT)
                .retryPolicy(RetryPolicy.builder().retryBudget(2, 0.1).build()));

    ApiResponse response = transport.execute(Responses.get());

    assertThat(fixture.listener().events("hedged")).isEmpty();
    assertThat(response.endpoint())
        .as("reached by failover after the attempt timed out")
        .isEqualTo(name(healthy));
    assertThat(fixture.listener().failures()).hasSize(2);
  }

  @Test
  void aSilentMasterWhoseAttemptItsHedgeCancelledIsAvoidedUntilItAnswersItsProbe()
      throws Exception {
    HoldingDispatcher hanging = new HoldingDispatcher();
    MockWebServer stuck = fixture.server();
    stuck.setDispatcher(hanging);
    MockWebServer healthy = fixture.server(Responses.ok("{}"), Responses.ok("{}"));
    Transport transport = fixture.transport(hedged(base(stuck), base(healthy)));
    Future<ApiResponse> hedgedCall = callers.submit(() -> transport.execute(Responses.get()));
    hanging.awaitRequest();
    fixture.time().advance(Duration.ofMillis(Responsiveness.SILENCE_THRESHOLD_MILLIS + 1));
    assertThat(hedgedCall.get(10, TimeUnit.SECONDS).endpoint()).isEqualTo(name(healthy));

    ApiResponse next = transport.execute(Responses.get());

    assertThat(next.endpoint()).isEqualTo(name(healthy));
    assertThat(next.attempts()).as("not sent into the silent master first").isEqualTo(1);
    assertThat(hanging.awaitRequest().getTarget()).isEqualTo("/openvidu/api/health");
  }

  /** Primary-first over these endpoints, a short hedge delay and attempts that outlast the test. */
  private TransportFixture.Settings hedged(HttpUrl... endpoints) {
    return fixture
        .settings(endpoints)
        .hedgeDelay(HEDGE_DELAY)
        .attemptTimeout(LONG_ATTEMPT)
        .callTimeout(Duration.ofSeconds(25));
  }
}
