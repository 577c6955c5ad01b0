package io.openvidu.ha.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvidu.ha.server.rpc.SignalingSettings;
import io.openvidu.ha.server.testing.OpenViduClusterExtension;
import io.openvidu.ha.server.testing.SimulatedParticipant;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A media node that crashes takes its sessions with it; their participants hear why (reason {@code
 * nodeCrashed}).
 */
class MediaNodeCrashTest {

  @RegisterExtension
  final OpenViduClusterExtension cluster =
      OpenViduClusterExtension.builder()
          .masters(2)
          .mediaNodes(2)
          .configure(
              c ->
                  c.signaling(
                      SignalingSettings.builder().socketCloseDelay(Duration.ofMillis(200)).build()))
          .build();

  @Test
  void participantsOfACrashedNodeAreEvictedWithReasonNodeCrashed() {
    ApiClient api = ApiClient.of(cluster.urlList().get(0), cluster.secret());
    String sessionId = api.post("/openvidu/api/sessions", "{}").json().path("id").asText();
    String token =
        api.post("/openvidu/api/sessions/" + sessionId + "/connection", "{}")
            .json()
            .path("token")
            .asText();
    try (SimulatedParticipant alice =
        SimulatedParticipant.builder(token)
            .via(URI.create(cluster.urlList().get(1)))
            .timeout(Duration.ofSeconds(5))
            .join()) {
      String nodeId =
          api.get("/openvidu/api/sessions/" + sessionId).json().path("mediaNodeId").asText();
      int crashed = nodeId.equals(cluster.mediaNode(0).id()) ? 0 : 1;

      cluster.mediaNode(crashed).crash();

      alice.awaitNotification(
          "participantEvicted",
          Map.of("connectionId", alice.connectionId(), "reason", "nodeCrashed"));
      assertThat(alice.awaitDisconnected()).isEqualTo(1000);
      assertThat(api.get("/openvidu/api/sessions/" + sessionId).status()).isEqualTo(404);
    }
  }
}
