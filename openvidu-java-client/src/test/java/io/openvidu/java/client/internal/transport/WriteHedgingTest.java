package io.openvidu.java.client.internal.transport;

import static io.openvidu.java.client.internal.transport.TransportFixture.base;
import static io.openvidu.java.client.internal.transport.TransportFixture.name;
import static org.assertj.core.api.Assertions.assertThat;

import io.openvidu.java.client.transport.BalancingPolicy;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Where masters announce that they honour {@code Idempotency-Key}, a POST still unanswered after
 * the hedge delay is hedged like a GET, with the same key, to a master the call has not tried; the
 * masters' shared store keeps the two copies to one side effect whichever answers first, even when
 * the frozen master resumes after the hedge won. PATCH and DELETE are hedged there too: two copies
 * leave the state one leaves, and the call knows that its other copy may have acted. Two masters
 * taken in turns, each having answered one warm-up GET (and so announced); hedge delay short (real
 * time), attempts long.
 */
@Timeout(30) // a guard against hangs, not a speed requirement
class WriteHedgingTest {

  private static final Duration HEDGE_DELAY = Duration.ofMillis(100);
  private static final Duration LONG_ATTEMPT = Duration.ofSeconds(20);

  @RegisterExtension final TransportFixture fixture = new TransportFixture();

  private final KeyHonouringMasters cluster = new KeyHonouringMasters();
  private final ExecutorService callers = Executors.newCachedThreadPool();

  @AfterEach
  void stopCallers() {
    callers.shutdownNow();
  }

  private MockWebServer server(KeyHonouringMasters.Master master) {
    MockWebServer server = fixture.server();
    server.setDispatcher(master);
    return server;
  }

  /** The first call after the warm-up goes to {@code first}. */
  private Transport warmedUp(MockWebServer first, MockWebServer second) throws Exception {
    Transport transport =
        fixture.transport(
            fixture
                .settings(base(first), base(second))
                .balancing(BalancingPolicy.ROUND_ROBIN)
                .hedgeDelay(HEDGE_DELAY)
                .attemptTimeout(LONG_ATTEMPT)
                .callTimeout(Duration.ofSeconds(25)));
    transport.execute(Responses.get());
    transport.execute(Responses.get());
    return transport;
  }

  @Test
  void aPostToAFrozenMasterIsAnsweredByItsHedgeAndTheResumedOriginalActsOnNothing()
      throws Exception {
    KeyHonouringMasters.Master frozen = cluster.master("first").frozen();
    MockWebServer first = server(frozen);
    MockWebServer second = server(cluster.master("second"));
    Transport transport = warmedUp(first, second);

    ApiResponse response = transport.execute(Responses.post());
    frozen.thaw();
    cluster.awaitProcessed(2);

    assertThat(response.endpoint()).isEqualTo(name(second));
    assertThat(response.bodyAsString()).isEqualTo("{\"actedOn\":\"second\"}");
    assertThat(response.attempts()).isEqualTo(2);
    assertThat(fixture.listener().events("hedged"))
        .filteredOn(e -> e.contains("startRecording"))
        .hasSize(1);
    assertThat(fixture.listener().failures()).as("cancelled, not failed").isEmpty();
    assertThat(cluster.sideEffects()).as("the resumed original replayed, not acted").isEqualTo(1);
  }

  @Test
  void aHedgedPostWhoseFirstMasterAnswersLateReturnsThatAnswerAndActsOnce() throws Exception {
    KeyHonouringMasters.Master slow = cluster.master("first").frozen();
    KeyHonouringMasters.Master slower = cluster.master("second").frozen();
    MockWebServer first = server(slow);
    MockWebServer second = server(slower);
    Transport transport = warmedUp(first, second);
    Future<ApiResponse> call = callers.submit(() -> transport.execute(Responses.post()));
    slower.awaitWrite(); // the hedge is out

    slow.thaw();
    ApiResponse response = call.get(10, TimeUnit.SECONDS);
    slower.thaw();
    cluster.awaitProcessed(2);

    assertThat(response.endpoint()).isEqualTo(name(first));
    assertThat(response.bodyAsString()).isEqualTo("{\"actedOn\":\"first\"}");
    assertThat(response.earlierAttemptMayHaveTakenEffect())
        .as("the cancelled hedge was sent")
        .isTrue();
    assertThat(cluster.sideEffects()).isEqualTo(1);
  }

  @Test
  void theHedgeOfAPostCarriesTheCallsKey() throws Exception {
    KeyHonouringMasters.Master frozen = cluster.master("first").frozen();
    MockWebServer first = server(frozen);
    MockWebServer second = server(cluster.master("second"));
    Transport transport = warmedUp(first, second);

    transport.execute(Responses.post());
    frozen.thaw();

    String original = post(first).getHeaders().get("Idempotency-Key");
    assertThat(post(second).getHeaders().get("Idempotency-Key")).isNotBlank().isEqualTo(original);
  }

  /** The first POST the server received, after the warm-up GETs (hedged ones included). */
  private static RecordedRequest post(MockWebServer server) throws InterruptedException {
    while (true) {
      RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
      assertThat(request).as("a POST").isNotNull();
      if ("POST".equals(request.getMethod())) {
        return request;
      }
    }
  }

  @Test
  void aDeleteToAFrozenMasterIsAnsweredByItsHedgeAndTheResumedOriginalFindsNothing()
      throws Exception {
    KeyHonouringMasters.Master frozen = cluster.master("first").frozen();
    MockWebServer first = server(frozen);
    MockWebServer second = server(cluster.master("second"));
    Transport transport = warmedUp(first, second);

    ApiResponse response = transport.execute(Responses.delete());
    frozen.thaw();
    cluster.awaitProcessed(2);

    assertThat(response.endpoint()).isEqualTo(name(second));
    assertThat(response.status()).isEqualTo(204);
    assertThat(response.earlierAttemptMayHaveTakenEffect())
        .as("a 404 would be reconciled as done")
        .isTrue();
    assertThat(cluster.sideEffects()).isEqualTo(1);
  }

  @Test
  void aPatchToAFrozenMasterIsAnsweredByItsHedge() throws Exception {
    KeyHonouringMasters.Master frozen = cluster.master("first").frozen();
    MockWebServer first = server(frozen);
    MockWebServer second = server(cluster.master("second"));
    Transport transport = warmedUp(first, second);

    ApiResponse response = transport.execute(Responses.patch());
    frozen.thaw();

    assertThat(response.endpoint()).isEqualTo(name(second));
    assertThat(fixture.listener().events("hedged"))
        .filteredOn(e -> e.contains("updateConnection"))
        .hasSize(1);
  }

  @Test
  void aWriteIsNotHedgedWhereMastersNeverAnnounceKeys() throws Exception {
    HoldingDispatcher holding = new HoldingDispatcher(r -> !"GET".equals(r.getMethod()));
    MockWebServer first = fixture.server();
    first.setDispatcher(holding);
    MockWebServer second = fixture.server();
    second.setDispatcher(new HoldingDispatcher(r -> false));
    Transport transport = warmedUp(first, second);
    Future<ApiResponse> delete = callers.submit(() -> transport.execute(Responses.delete()));
    holding.awaitRequest(); // warm-up
    holding.awaitRequest(); // the DELETE, held

    Thread.sleep(3 * HEDGE_DELAY.toMillis()); // past the hedge delay
    holding.release();

    assertThat(delete.get(10, TimeUnit.SECONDS).endpoint()).isEqualTo(name(first));
    assertThat(fixture.listener().events("hedged"))
        .noneMatch(event -> event.contains("closeSession"));
  }
}
