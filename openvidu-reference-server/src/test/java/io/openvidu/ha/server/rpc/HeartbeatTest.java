package io.openvidu.ha.server.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The heartbeat a participant socket owes: three intervals without a ping close it, except the time
 * this process itself did not run (its pings waited unread then).
 */
class HeartbeatTest {

  private static final long SECOND = 1_000_000_000L;

  private final ParticipantSocket socket = new ParticipantSocket(null, "127.0.0.1");

  @Test
  void threeMissedIntervalsAreMissedPings() {
    socket.pinged(5_000, 20_000, 0);

    assertThat(socket.missedPings(15 * SECOND)).isFalse();
    assertThat(socket.missedPings(15 * SECOND + 1)).isTrue();
  }

  @Test
  void aStallOfThisProcessIsNotCountedAgainstTheParticipant() {
    socket.pinged(5_000, 20_000, 0);

    socket.excuse(10 * SECOND);

    assertThat(socket.missedPings(16 * SECOND)).isFalse();
    assertThat(socket.missedPings(25 * SECOND + 1)).isTrue();
  }
}
