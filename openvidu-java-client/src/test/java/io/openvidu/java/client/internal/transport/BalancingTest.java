package io.openvidu.java.client.internal.transport;

import static io.openvidu.java.client.internal.transport.Responses.ok;
import static io.openvidu.java.client.internal.transport.TransportFixture.base;
import static org.assertj.core.api.Assertions.assertThat;

import io.openvidu.java.client.transport.BalancingPolicy;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Where calls go while every endpoint is healthy. */
class BalancingTest {

  @RegisterExtension final TransportFixture fixture = new TransportFixture();

  @Test
  void roundRobinSpreadsCallsEvenlyOverTheEndpoints() throws Exception {
    MockWebServer[] servers = {fixture.server(), fixture.server(), fixture.server()};
    for (MockWebServer server : servers) {
      for (int i = 0; i < 4; i++) {
        server.enqueue(ok("{}"));
      }
    }
    Transport transport =
        fixture.transport(
            fixture
                .settings(base(servers[0]), base(servers[1]), base(servers[2]))
                .balancing(BalancingPolicy.ROUND_ROBIN));

    for (int i = 0; i < 12; i++) {
      transport.execute(Responses.get());
    }

    assertThat(servers).extracting(MockWebServer::getRequestCount).containsExactly(4, 4, 4);
  }

  @Test
  void primaryFirstSendsEveryCallToTheFirstHealthyEndpoint() throws Exception {
    MockWebServer primary = fixture.server();
    MockWebServer secondary = fixture.server();
    for (int i = 0; i < 5; i++) {
      primary.enqueue(ok("{}"));
    }
    Transport transport =
        fixture.transport(
            fixture
                .settings(base(primary), base(secondary))
                .balancing(BalancingPolicy.PRIMARY_FIRST));

    for (int i = 0; i < 5; i++) {
      transport.execute(Responses.get());
    }

    assertThat(primary.getRequestCount()).isEqualTo(5);
    assertThat(secondary.getRequestCount()).isZero();
  }
}
