package io.openvidu.java.client.internal.transport;

import static io.openvidu.java.client.internal.transport.Responses.dropAfterRequest;
import static io.openvidu.java.client.internal.transport.Responses.ok;
import static io.openvidu.java.client.internal.transport.TransportFixture.base;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Every POST carries one {@code Idempotency-Key} per logical call, the same on each of its attempts. */
class IdempotencyKeyTest {

    @RegisterExtension
    final TransportFixture fixture = new TransportFixture();

    @Test
    void everyAttemptOfOneCallCarriesTheSameKey() throws Exception {
        MockWebServer first = fixture.server(dropAfterRequest());
        MockWebServer second = fixture.server(ok("{}"));

        fixture.transport(base(first), base(second)).execute(Responses.repeatablePost());

        String firstKey = first.takeRequest().getHeaders().get("Idempotency-Key");
        String secondKey = second.takeRequest().getHeaders().get("Idempotency-Key");
        assertThat(firstKey).isNotBlank();
        assertThat(secondKey).isEqualTo(firstKey);
    }

    @Test
    void eachCallHasItsOwnKey() throws Exception {
        MockWebServer server = fixture.server(ok("{}"), ok("{}"));
        Transport transport = fixture.transport(base(server));

        transport.execute(Responses.post());
        transport.execute(Responses.post());

        String one = server.takeRequest().getHeaders().get("Idempotency-Key");
        String two = server.takeRequest().getHeaders().get("Idempotency-Key");
        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void onlyPostsCarryAKey() throws Exception {
        MockWebServer server = fixture.server();
        for (int i = 0; i < 3; i++) {
            server.enqueue(ok("{}"));
        }
        Transport transport = fixture.transport(base(server));

        transport.execute(Responses.get());
        transport.execute(Responses.patch());
        transport.execute(Responses.delete());

        for (int i = 0; i < 3; i++) {
            RecordedRequest request = server.takeRequest();
            assertThat(request.getHeaders().get("Idempotency-Key")).as(request.getMethod()).isNull();
        }
    }
}
