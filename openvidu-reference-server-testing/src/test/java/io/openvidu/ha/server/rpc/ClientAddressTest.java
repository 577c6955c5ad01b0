package io.openvidu.ha.server.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvidu.ha.server.store.OpenViduRole;
import io.openvidu.ha.server.testing.SimulatedParticipant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code Connection.ip} when participants come through a reverse proxy (signaling.md §7, {@code
 * --trusted-proxies}).
 */
class ClientAddressTest {

  @RegisterExtension
  final SignalingCluster cluster =
      SignalingCluster.withMasters(1)
          .settings(s -> s.trustedProxies(TrustedProxies.parse("127.0.0.1")));

  private String ipOf(SimulatedParticipant participant) {
    return cluster
        .connection(participant.sessionId(), participant.connectionId())
        .orElseThrow()
        .ip();
  }

  @Test
  void aTrustedProxyNamesTheParticipantInXForwardedFor() {
    String sessionId = cluster.createSession();

    SimulatedParticipant behindProxy =
        cluster.track(
            cluster
                .participant(cluster.createToken(sessionId, OpenViduRole.PUBLISHER), 0)
                .header("X-Forwarded-For", "203.0.113.7, 127.0.0.1")
                .join());

    assertThat(ipOf(behindProxy)).isEqualTo("203.0.113.7");
  }

  @Test
  void aTrustedProxyNamesTheParticipantInXRealIp() {
    String sessionId = cluster.createSession();

    SimulatedParticipant behindProxy =
        cluster.track(
            cluster
                .participant(cluster.createToken(sessionId, OpenViduRole.PUBLISHER), 0)
                .header("X-Real-IP", "198.51.100.23")
                .join());

    assertThat(ipOf(behindProxy)).isEqualTo("198.51.100.23");
  }

  @Test
  void withoutHeadersTheSocketsPeerIsTheParticipant() {
    String sessionId = cluster.createSession();

    assertThat(ipOf(cluster.joinSession(sessionId, 0))).isEqualTo("127.0.0.1");
  }
}
