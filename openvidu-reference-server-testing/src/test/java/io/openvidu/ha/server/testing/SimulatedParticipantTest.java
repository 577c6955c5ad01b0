package io.openvidu.ha.server.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatedParticipantTest {

  @Test
  void theTokenNamesTheSession() {
    SimulatedParticipant.Builder builder =
        SimulatedParticipant.builder(
            "ws://localhost:4443?sessionId=ses_YnDaGYNcd7&token=tok_AVe8o7iltWqtijyl");

    assertThat(builder.openViduSessionId()).isEqualTo("ses_YnDaGYNcd7");
  }

  @Test
  void aTokenThatIsNotAWebSocketUrlIsRefused() {
    assertThatThrownBy(
            () -> SimulatedParticipant.builder("https://localhost:4443?sessionId=s&token=t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ws://");
  }

  @Test
  void aTokenWithoutSessionIsRefused() {
    assertThatThrownBy(
            () -> SimulatedParticipant.builder("wss://localhost:4443?token=tok_AVe8o7iltWqtijyl"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sessionId");
  }

  @Test
  void errorsNeverShowTheToken() {
    assertThatThrownBy(
            () -> SimulatedParticipant.builder("wss://localhost:4443?token=tok_AVe8o7iltWqtijyl"))
        .hasMessageNotContaining("tok_AVe8o7iltWqtijyl");
  }

  @Test
  void aSocketWhosePeerDiesWhileAMessageIsHandledIsSeenClosed() throws Exception {
    try (DyingWebSocketPeer peer = new DyingWebSocketPeer()) {
      SimulatedParticipant participant =
          SimulatedParticipant.builder(peer.token())
              .via(peer.uri())
              .timeout(Duration.ofSeconds(5))
              .open();

      participant.awaitNotification("lastWords", Map.of());
      participant.awaitDisconnected();

      assertThat(participant.isConnected()).isFalse();
    }
  }
}
