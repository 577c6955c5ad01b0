package io.openvidu.java.client.internal.transport;

import static io.openvidu.java.client.internal.transport.Responses.ok;
import static io.openvidu.java.client.internal.transport.Responses.status;
import static io.openvidu.java.client.internal.transport.TransportFixture.base;
import static io.openvidu.java.client.internal.transport.TransportFixture.name;
import static org.assertj.core.api.Assertions.assertThat;

import io.openvidu.java.client.transport.AttemptFailure;
import io.openvidu.java.client.transport.RetryPolicy;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An endpoint that fails is skipped for a while; then a background request probes it, and it is
 * restored when the probe is answered or ejected for longer when the probe fails. Primary-first
 * balancing puts the failing endpoint first in every call, so that skipping it is visible.
 */
class EjectionTest {

  @RegisterExtension final TransportFixture fixture = new TransportFixture();

  @Test
  void anAsyncAttemptThatTimesOutInTheClientsQueueDoesNotEjectABusyEndpoint() throws Exception {
    // The busy master is on 127.0.0.1, whose one place in the dispatcher another master's hung
    // request holds: its attempt waits in the queue.
    OkHttpClient shared = fixture.clientWithLoopbackTaken();
    MockWebServer busy = fixture.server(ok("busy"));
    MockWebServer other = fixture.server(ok("other"));
    HttpUrl busyUrl = base(busy).newBuilder().host("127.0.0.1").build();
    Transport transport =
        fixture.transport(
            fixture
                .settings(busyUrl, base(other))
                .sharedClient(shared)
                .attemptTimeout(Duration.ofMillis(300)));

    ApiResponse response = transport.executeAsync(Responses.get()).get(10, TimeUnit.SECONDS);

    assertThat(response.endpoint()).isEqualTo(name(other));
    assertThat(fixture.listener().failures())
        .singleElement()
        .satisfies(
            failure -> {
              assertThat(failure.kind()).isEqualTo(AttemptFailure.Kind.NOT_SENT);
              assertThat(failure.description()).contains("waiting in the client's queue");
            });
    assertThat(busy.getRequestCount()).isZero();
    assertThat(fixture.listener().events("ejected")).as("never asked, so not ejected").isEmpty();
  }

  @Test
  void aFailedEndpointIsSkippedWhileEjected() throws Exception {
    MockWebServer failing = fixture.server(status(503));
    MockWebServer healthy = fixture.server();
    for (int i = 0; i < 3; i++) {
      healthy.enqueue(ok("{}"));
    }
    Transport transport = fixture.transport(base(failing), base(healthy));

    transport.execute(Responses.get());
    transport.execute(Responses.get());
    transport.execute(Responses.get());

    assertThat(failing.getRequestCount()).isEqualTo(1);
    assertThat(healthy.getRequestCount()).isEqualTo(3);
    assertThat(fixture.listener().events("ejected"))
        .containsExactly("ejected " + name(failing) + " for 1000 ms after 1");
  }

  @Test
  void whenItsPeriodEndsAnEjectedEndpointIsProbedInTheBackgroundWhileTheCallGoesElsewhere()
      throws Exception {
    MockWebServer recovering = fixture.server(status(503), ok("{\"status\":\"UP\"}"));
    MockWebServer healthy = fixture.server(ok("first"), ok("second"));
    Transport transport = fixture.transport(base(recovering), base(healthy));
    transport.execute(Responses.get());
    fixture.time().advance(Duration.ofMillis(1000));

    ApiResponse duringProbe = transport.execute(Responses.get());

    assertThat(duringProbe.bodyAsString()).isEqualTo("second");
    assertThat(duringProbe.attempts()).isEqualTo(1);
    recovering.takeRequest();
    RecordedRequest probe = recovering.takeRequest();
    assertThat(probe.getMethod() + " " + probe.getTarget()).isEqualTo("GET /openvidu/api/health");
    assertThat(probe.getHeaders().get("Authorization")).startsWith("Basic ");
  }

  @Test
  void anEndpointThatAnswersItsProbeTakesCallsAgain() throws Exception {
    MockWebServer recovering = fixture.server(status(503), ok("{\"status\":\"UP\"}"), ok("back"));
    MockWebServer healthy = fixture.server(ok("{}"), ok("{}"));
    Transport transport = fixture.transport(base(recovering), base(healthy));
    transport.execute(Responses.get());
    fixture.time().advance(Duration.ofMillis(1000));
    transport.execute(Responses.get());
    fixture.listener().awaitEvents("restored", 1);

    ApiResponse response = transport.execute(Responses.get());

    assertThat(response.bodyAsString()).isEqualTo("back");
    assertThat(fixture.listener().events("restored"))
        .containsExactly("restored " + name(recovering));
  }

  @Test
  void aFailedProbeEjectsTheEndpointForTwiceAsLong() throws Exception {
    HttpUrl dead = fixture.closedPort();
    MockWebServer healthy = fixture.server();
    for (int i = 0; i < 4; i++) {
      healthy.enqueue(ok("{}"));
    }
    Transport transport = fixture.transport(dead, base(healthy));
    transport.execute(Responses.get());

    fixture.time().advance(Duration.ofMillis(1000));
    transport.execute(Responses.get());
    fixture.listener().awaitEvents("ejected", 2);
    fixture.time().advance(Duration.ofMillis(1500));
    transport.execute(Responses.get());
    fixture.time().advance(Duration.ofMillis(500));
    transport.execute(Responses.get());
    fixture.listener().awaitEvents("ejected", 3);

    assertThat(fixture.listener().ejections())
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    assertThat(fixture.listener().failures()).as("probes are not attempts of calls").hasSize(1);
  }

  @Test
  void theEjectionPeriodStopsGrowingAtThirtySeconds() throws Exception {
    HttpUrl dead = fixture.closedPort();
    MockWebServer healthy = fixture.server();
    for (int i = 0; i < 8; i++) {
      healthy.enqueue(ok("{}"));
    }
    Transport transport = fixture.transport(dead, base(healthy));
    transport.execute(Responses.get());

    for (int ejections = 2; ejections <= 8; ejections++) {
      fixture.time().advance(Duration.ofSeconds(30));
      transport.execute(Responses.get());
      fixture.listener().awaitEvents("ejected", ejections);
    }

    assertThat(fixture.listener().ejections())
        .extracting(Duration::getSeconds)
        .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
  }

  @Test
  void whenEveryEndpointIsEjectedACallStillTriesTheOneWhoseEjectionEndsFirst() throws Exception {
    MockWebServer first =
        fixture.server(
            new MockResponse.Builder().code(503).addHeader("Retry-After", "3").build(),
            ok("too early"));
    MockWebServer second = fixture.server(status(503), ok("back"));
    Transport transport =
        fixture.transport(
            fixture
                .settings(base(first), base(second))
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).build()));
    transport.execute(Responses.get());
    fixture.time().advance(Duration.ofMillis(10));

    ApiResponse response = transport.execute(Responses.get());

    assertThat(response.bodyAsString()).isEqualTo("back");
    assertThat(first.getRequestCount()).isEqualTo(1);
  }
}
