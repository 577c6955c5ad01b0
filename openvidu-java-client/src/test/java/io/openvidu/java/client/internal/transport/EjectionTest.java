package io.openvidu.java.client.internal.transport;

import static io.openvidu.java.client.internal.transport.Responses.ok;
import static io.openvidu.java.client.internal.transport.Responses.status;
import static io.openvidu.java.client.internal.transport.TransportFixture.base;
import static io.openvidu.java.client.internal.transport.TransportFixture.name;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.openvidu.java.client.transport.RetryPolicy;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;

/**
 * An endpoint that fails is skipped for a while, then one call probes it; it is restored when the probe is
 * answered and ejected for longer when the probe fails. Primary-first balancing puts the failing endpoint
 * first in every call, so that skipping it is visible.
 */
class EjectionTest {

    @RegisterExtension
    final TransportFixture fixture = new TransportFixture();

    @Test
    void aFailedEndpointIsSkippedWhileEjected() throws Exception {
        MockWebServer failing = fixture.server();
        failing.enqueue(status(503));
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
    void anEjectedEndpointIsProbedWhenItsPeriodEndsAndRestoredWhenItAnswers() throws Exception {
        MockWebServer recovering = fixture.server();
        recovering.enqueue(status(503));
        recovering.enqueue(ok("probe"));
        recovering.enqueue(ok("normal"));
        MockWebServer healthy = fixture.server();
        healthy.enqueue(ok("{}"));
        Transport transport = fixture.transport(base(recovering), base(healthy));
        transport.execute(Responses.get());

        fixture.time().advance(Duration.ofMillis(1000));
        ApiResponse probe = transport.execute(Responses.get());
        ApiResponse next = transport.execute(Responses.get());

        assertThat(probe.bodyAsString()).isEqualTo("probe");
        assertThat(next.bodyAsString()).isEqualTo("normal");
        assertThat(fixture.listener().events("restored")).containsExactly("restored " + name(recovering));
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
        fixture.time().advance(Duration.ofMillis(1999));
        transport.execute(Responses.get());
        fixture.time().advance(Duration.ofMillis(1));
        transport.execute(Responses.get());

        assertThat(fixture.listener().ejections())
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(fixture.listener().failures()).hasSize(3);
    }

    @Test
    void theEjectionPeriodStopsGrowingAtThirtySeconds() throws Exception {
        HttpUrl dead = fixture.closedPort();
        MockWebServer healthy = fixture.server();
        for (int i = 0; i < 8; i++) {
            healthy.enqueue(ok("{}"));
        }
        Transport transport = fixture.transport(dead, base(healthy));

        for (int i = 0; i < 8; i++) {
            transport.execute(Responses.get());
            fixture.time().advance(Duration.ofSeconds(30));
        }

        assertThat(fixture.listener().ejections()).extracting(Duration::toSeconds)
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    @Test
    void whenEveryEndpointIsEjectedACallStillTriesTheOneWhoseEjectionEndsFirst() throws Exception {
        MockWebServer first = fixture.server();
        first.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "3").build());
        first.enqueue(ok("too early"));
        MockWebServer second = fixture.server();
        second.enqueue(status(503));
        second.enqueue(ok("back"));
        Transport transport = fixture.transport(fixture.settings(base(first), base(second))
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).build()));
        transport.execute(Responses.get());
        fixture.time().advance(Duration.ofMillis(10));

        ApiResponse response = transport.execute(Responses.get());

        assertThat(response.bodyAsString()).isEqualTo("back");
        assertThat(first.getRequestCount()).isEqualTo(1);
    }
}
