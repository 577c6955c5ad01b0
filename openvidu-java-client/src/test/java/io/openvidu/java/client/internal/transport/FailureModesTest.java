package io.openvidu.java.client.internal.transport;

import static io.openvidu.java.client.internal.transport.Responses.ok;
import static io.openvidu.java.client.internal.transport.Responses.status;
import static io.openvidu.java.client.internal.transport.TransportFixture.SHORT_ATTEMPT;
import static io.openvidu.java.client.internal.transport.TransportFixture.base;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.openvidu.java.client.OpenViduJavaClientException;
import io.openvidu.java.client.transport.AttemptFailure;
import io.openvidu.java.client.transport.OpenViduEventListener;
import io.openvidu.java.client.transport.RetryPolicy;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How the transport meets each way a master can fail: refuse, hang, go away, say "busy", or all of
 * them.
 */
@Timeout(30) // a guard against hangs, not a speed requirement
class FailureModesTest {

  @RegisterExtension final TransportFixture fixture = new TransportFixture();

  @Test
  void aClosedPortIsReportedAsRefusedAndTheCallMovesOn() throws Exception {
    HttpUrl closed = fixture.closedPort();
    MockWebServer healthy = fixture.server(ok("{\"id\":\"ses_A\"}"));

    ApiResponse response = fixture.transport(closed, base(healthy)).execute(Responses.get());

    assertThat(response.bodyAsString()).isEqualTo("{\"id\":\"ses_A\"}");
    assertThat(fixture.listener().failures())
        .singleElement()
        .satisfies(
            failure -> {
              assertThat(failure.endpoint()).isEqualTo(closed.toString().replaceAll("/$", ""));
              assertThat(failure.description()).isEqualTo("connection refused");
            });
  }

  @Test
  void aServerThatAcceptsAndNeverAnswersIsLeftWhenTheAttemptTimesOut() throws Exception {
    MockWebServer healthy = fixture.server(ok("{}"));

    ApiResponse response =
        fixture
            .transport(
                fixture
                    .settings(fixture.silentServer(), base(healthy))
                    .attemptTimeout(SHORT_ATTEMPT))
            .execute(Responses.get());

    assertThat(response.status()).isEqualTo(200);
    assertThat(fixture.listener().failures())
        .singleElement()
        .satisfies(
            failure -> {
              assertThat(failure.kind()).isEqualTo(AttemptFailure.Kind.OUTCOME_UNKNOWN);
              assertThat(failure.description())
                  .isEqualTo("attempt timed out after 500 ms (request sent, outcome unknown)");
            });
  }

  @Test
  void aPostToAServerThatNeverAnswersIsNotRepeated() {
    MockWebServer healthy = fixture.server(ok("{}"));
    Transport transport =
        fixture.transport(
            fixture.settings(fixture.silentServer(), base(healthy)).attemptTimeout(SHORT_ATTEMPT));

    OpenViduJavaClientException e =
        catchThrowableOfType(
            OpenViduJavaClientException.class, () -> transport.execute(Responses.post()));

    assertThat(e.getAttemptFailures())
        .extracting(AttemptFailure::kind)
        .containsExactly(AttemptFailure.Kind.OUTCOME_UNKNOWN);
    assertThat(healthy.getRequestCount()).isZero();
  }

  @Test
  void aSingleEndpointAnswering503IsTriedAgainAfterABackoff() throws Exception {
    MockWebServer only = fixture.server(status(503), ok("{}"));

    ApiResponse response = fixture.transport(base(only)).execute(Responses.get());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.attempts()).isEqualTo(2);
    assertThat(fixture.time().sleeps())
        .singleElement()
        .satisfies(wait -> assertThat(wait).isBetween(Duration.ZERO, Duration.ofMillis(10)));
    assertThat(fixture.listener().events("succeeded")).containsExactly("succeeded fetch after 2");
  }

  @Test
  void aSingleEndpointAnswering429IsTriedAgainOnlyAfterItsRetryAfter() throws Exception {
    MockWebServer only =
        fixture.server(
            new MockResponse.Builder().code(429).addHeader("Retry-After", "2").build(), ok("{}"));

    ApiResponse response = fixture.transport(base(only)).execute(Responses.get());

    assertThat(response.status()).isEqualTo(200);
    // The wait counts from the answer, so the little time spent since comes off it; the backoff
    // alone
    // would be at most 50 ms.
    assertThat(fixture.time().sleeps())
        .singleElement()
        .satisfies(
            wait -> assertThat(wait).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2)));
  }

  @Test
  void anEndpointAnswering429IsLeftAtOnceAndSkippedForItsRetryAfter() throws Exception {
    MockWebServer limited =
        fixture.server(new MockResponse.Builder().code(429).addHeader("Retry-After", "5").build());
    MockWebServer other = fixture.server(ok("{}"), ok("{}"));
    Transport transport = fixture.transport(base(limited), base(other));

    transport.execute(Responses.get());
    fixture.time().advance(Duration.ofSeconds(4));
    transport.execute(Responses.get());

    assertThat(fixture.time().sleeps()).isEmpty();
    assertThat(limited.getRequestCount()).isEqualTo(1);
    assertThat(other.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aPostAnswered503WithRetryAfterZeroIsNotSilentlyResent() throws Exception {
    MockWebServer only =
        fixture.server(
            new MockResponse.Builder().code(503).addHeader("Retry-After", "0").build(), ok("{}"));

    ApiResponse response = fixture.transport(base(only)).execute(Responses.post());

    assertThat(response.status()).isEqualTo(503);
    assertThat(only.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aPostWhosePooledConnectionDropsAfterTheRequestIsNotSilentlyResent() throws Exception {
    // OkHttp on its own re-sends a request, POST included, that failed on a reused pooled
    // connection.
    MockWebServer only = fixture.server(ok("{}"), Responses.dropAfterRequest(), ok("duplicate"));
    Transport transport = fixture.transport(base(only));
    transport.execute(Responses.get());

    OpenViduJavaClientException e =
        catchThrowableOfType(
            OpenViduJavaClientException.class, () -> transport.execute(Responses.post()));

    assertThat(e.getAttemptFailures())
        .extracting(AttemptFailure::kind)
        .containsExactly(AttemptFailure.Kind.OUTCOME_UNKNOWN);
    assertThat(only.getRequestCount()).isEqualTo(2);
  }

  @Test
  void whenEveryEndpointIsDownTheExceptionNamesEachEndpointAndWhyItFailed() {
    HttpUrl refusing = fixture.closedPort();
    HttpUrl silent = fixture.silentServer();
    Transport transport =
        fixture.transport(
            fixture
                .settings(refusing, silent)
                .attemptTimeout(SHORT_ATTEMPT)
                .callTimeout(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).build()));

    OpenViduJavaClientException e =
        catchThrowableOfType(
            OpenViduJavaClientException.class, () -> transport.execute(Responses.get()));

    assertThat(e)
        .hasMessageStartingWith("fetch failed after 2 attempts in ")
        .hasMessageContaining(
            "(call timeout 5000 ms): "
                + name(refusing)
                + " connection refused; "
                + name(silent)
                + " attempt timed out after 500 ms (request sent, outcome unknown)")
        .hasMessageEndingWith("Gave up: at most 2 attempts per call");
    assertThat(e.getAttemptFailures())
        .extracting(AttemptFailure::endpoint)
        .containsExactly(name(refusing), name(silent));
    assertThat(e.getCause()).isSameAs(e.getAttemptFailures().get(1).cause());
    assertThat(e.getSuppressed()).containsExactly(e.getAttemptFailures().get(0).cause());
  }

  @Test
  void theCallTimeoutCutsTheLastAttemptShort() {
    // The first attempt is refused at once, and 400 ms of the call's 800 pass on the fake clock
    // meanwhile: whatever the machine's load, the second attempt has less than its 500 ms left.
    Transport transport =
        fixture.transport(
            fixture
                .settings(fixture.closedPort(), fixture.silentServer())
                .attemptTimeout(SHORT_ATTEMPT)
                .callTimeout(Duration.ofMillis(800))
                .listener(
                    new OpenViduEventListener() {
                      @Override
                      public void attemptFailed(AttemptFailure failure) {
                        fixture.time().advance(Duration.ofMillis(400));
                      }
                    }));

    OpenViduJavaClientException e =
        catchThrowableOfType(
            OpenViduJavaClientException.class, () -> transport.execute(Responses.get()));

    assertThat(e).hasMessageContaining("(call timeout 800 ms)");
    assertThat(e.getAttemptFailures()).hasSize(2);
    long secondAttemptTimeout =
        Long.parseLong(
            e.getAttemptFailures()
                .get(1)
                .description()
                .replaceAll("attempt timed out after (\\d+) ms.*", "$1"));
    assertThat(secondAttemptTimeout).isLessThan(500);
  }

  @Test
  void anInterruptWhileWaitingToRetryEndsTheCallAndStaysSet() {
    Transport transport = fixture.transport(fixture.closedPort());
    fixture.time().interruptSleeps();

    OpenViduJavaClientException e =
        catchThrowableOfType(
            OpenViduJavaClientException.class, () -> transport.execute(Responses.get()));

    assertThat(Thread.interrupted()).as("interrupt flag restored (and cleared here)").isTrue();
    assertThat(e).hasMessageEndingWith("Gave up: interrupted while waiting to retry");
    assertThat(e.getAttemptFailures()).hasSize(1);
  }

  private static String name(HttpUrl url) {
    String text = url.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }
}
