package io.openvidu.ha.server.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvidu.ha.server.store.OpenViduRole;
import io.openvidu.ha.server.testing.SimulatedParticipant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** By default no proxy is trusted: forwarding headers cannot forge {@code Connection.ip}. */
class UntrustedClientAddressTest {

  @RegisterExtension final SignalingCluster cluster = SignalingCluster.withMasters(1);

  @Test
  void forwardingHeadersFromAnUntrustedPeerAreIgnored() {
    String sessionId = cluster.createSession();

    SimulatedParticipant forger =
        cluster.track(
            cluster
                .participant(cluster.createToken(sessionId, OpenViduRole.PUBLISHER), 0)
                .header("X-Forwarded-For", "203.0.113.7")
                .header("X-Real-IP", "198.51.100.23")
                .join());

    assertThat(cluster.connection(sessionId, forger.connectionId()).orElseThrow().ip())
        .isEqualTo("127.0.0.1");
  }
}
