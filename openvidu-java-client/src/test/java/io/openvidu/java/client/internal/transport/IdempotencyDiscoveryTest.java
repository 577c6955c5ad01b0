package io.openvidu.java.client.internal.transport;

import static io.openvidu.java.client.internal.transport.Responses.dropAfterRequest;
import static io.openvidu.java.client.internal.transport.Responses.ok;
import static io.openvidu.java.client.internal.transport.TransportFixture.base;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvidu.java.client.OpenViduJavaClientException;
import io.openvidu.java.client.transport.BalancingPolicy;
import io.openvidu.java.client.transport.IdempotencyKeyTrust;
import io.openvidu.java.client.transport.RetryPolicy;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The default policy trusts an endpoint with a POST's {@code Idempotency-Key} once that endpoint
 * has announced that it honours keys ({@value IdempotencyKeyTrust#ANNOUNCEMENT_HEADER}); a server
 * that never announces keeps the rule that a POST whose outcome is unknown is not repeated; {@code
 * trustIdempotencyKeys} forces either way. Each scenario: two masters taken in turns, one warm-up
 * GET answered by each, then a POST whose attempt on the first master is dropped after the request.
 */
class IdempotencyDiscoveryTest {

  @RegisterExtension final TransportFixture fixture = new TransportFixture();

  private static MockResponse announcing(String body) {
    return new MockResponse.Builder()
        .code(200)
        .body(body)
        .addHeader(IdempotencyKeyTrust.ANNOUNCEMENT_HEADER, "true")
        .build();
  }

  private Transport twoMasters(MockWebServer first, MockWebServer second, RetryPolicy policy)
      throws OpenViduJavaClientException {
    Transport transport =
        fixture.transport(
            fixture
                .settings(base(first), base(second))
                .balancing(BalancingPolicy.ROUND_ROBIN)
                .retryPolicy(policy));
    transport.execute(Responses.get()); // answered by the first
    transport.execute(Responses.get()); // answered by the second
    return transport;
  }

  private static RetryPolicy defaults() {
    return RetryPolicy.builder().backoff(Duration.ofMillis(10), Duration.ofMillis(50)).build();
  }

  private static RecordedRequest postReceived(MockWebServer server) throws InterruptedException {
    server.takeRequest(); // the warm-up GET
    return server.takeRequest(5, TimeUnit.SECONDS);
  }

  @Test
  void aPostWhoseOutcomeIsUnknownIsRepeatedWithItsKeyWhereServersAnnounceTheyHonourKeys()
      throws Exception {
    MockWebServer first = fixture.server(announcing("{}"), dropAfterRequest());
    MockWebServer second = fixture.server(announcing("{}"), announcing("{\"id\":\"rec\"}"));
    Transport transport = twoMasters(first, second, defaults());

    ApiResponse response = transport.execute(Responses.post());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyAsString()).isEqualTo("{\"id\":\"rec\"}");
    assertThat(response.earlierAttemptMayHaveTakenEffect()).isTrue();
    String firstKey = postReceived(first).getHeaders().get("Idempotency-Key");
    assertThat(postReceived(second).getHeaders().get("Idempotency-Key")).isEqualTo(firstKey);
  }

  @Test
  void aPostWhoseOutcomeIsUnknownIsNotRepeatedWhereServersNeverAnnounce() throws Exception {
    MockWebServer first = fixture.server(ok("{}"), dropAfterRequest());
    MockWebServer second = fixture.server(ok("{}"), ok("{}"));
    Transport transport = twoMasters(first, second, defaults());

    assertThatThrownBy(() -> transport.execute(Responses.post()))
        .isInstanceOf(OpenViduJavaClientException.class)
        .hasMessageContaining("not repeated without an idempotency guarantee");
    second.takeRequest();
    assertThat(second.takeRequest(200, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void aPostRelyingOnItsKeyIsRepeatedOnlyOnEndpointsThatAnnounced() throws Exception {
    MockWebServer first =
        fixture.server(announcing("{}"), dropAfterRequest(), announcing("{\"id\":\"rec\"}"));
    MockWebServer second = fixture.server(ok("{}"), ok("{}"));
    Transport transport = twoMasters(first, second, defaults());

    ApiResponse response = transport.execute(Responses.post());

    assertThat(response.endpoint()).isEqualTo(TransportFixture.name(first));
    assertThat(response.attempts()).isEqualTo(2);
    second.takeRequest();
    assertThat(second.takeRequest(200, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void anEndpointWhoseLatestAnswerNoLongerAnnouncesIsNotTrusted() throws Exception {
    MockWebServer first = fixture.server(announcing("{}"), ok("{}"), dropAfterRequest());
    MockWebServer second = fixture.server(announcing("{}"), announcing("{}"), announcing("{}"));
    Transport transport = twoMasters(first, second, defaults());
    transport.execute(Responses.get()); // the first again: this answer does not announce
    transport.execute(Responses.get()); // the second

    assertThatThrownBy(() -> transport.execute(Responses.post()))
        .isInstanceOf(OpenViduJavaClientException.class)
        .hasMessageContaining("not repeated without an idempotency guarantee");
  }

  @Test
  void trustIdempotencyKeysFalseNeverRepeatsAPostEvenWhereServersAnnounce() throws Exception {
    MockWebServer first = fixture.server(announcing("{}"), dropAfterRequest());
    MockWebServer second = fixture.server(announcing("{}"), announcing("{}"));
    Transport transport =
        twoMasters(first, second, defaults().toBuilder().trustIdempotencyKeys(false).build());

    assertThatThrownBy(() -> transport.execute(Responses.post()))
        .isInstanceOf(OpenViduJavaClientException.class)
        .hasMessageContaining("not repeated without an idempotency guarantee");
  }

  @Test
  void trustIdempotencyKeysTrueRepeatsAPostWhereServersNeverAnnounce() throws Exception {
    MockWebServer first = fixture.server(ok("{}"), dropAfterRequest());
    MockWebServer second = fixture.server(ok("{}"), ok("{\"id\":\"rec\"}"));
    Transport transport =
        twoMasters(first, second, defaults().toBuilder().trustIdempotencyKeys(true).build());

    ApiResponse response = transport.execute(Responses.post());

    assertThat(response.bodyAsString()).isEqualTo("{\"id\":\"rec\"}");
  }
}
