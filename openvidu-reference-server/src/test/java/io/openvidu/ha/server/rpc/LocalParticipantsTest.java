package io.openvidu.ha.server.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Which of a master's sockets an event of a session goes to: those that speak for a connection of
 * that session now, after joins, reconnections, leaves and rejoins elsewhere.
 */
class LocalParticipantsTest {

  private final LocalParticipants local = new LocalParticipants();

  @Test
  void aSessionsSocketsAreThoseBoundToItsConnections() {
    ParticipantSocket first = socket();
    ParticipantSocket second = socket();
    ParticipantSocket elsewhere = socket();

    local.bind(first, participant("ses_A", "con_1"));
    local.bind(second, participant("ses_A", "con_2"));
    local.bind(elsewhere, participant("ses_B", "con_3"));

    assertThat(local.inSession("ses_A")).containsExactlyInAnyOrder(first, second);
    assertThat(local.inSession("ses_B")).containsExactly(elsewhere);
    assertThat(local.inSession("ses_C")).isEmpty();
  }

  @Test
  void aSocketReplacedByAReconnectionNoLongerHearsTheSession() {
    ParticipantSocket lost = socket();
    ParticipantSocket reconnected = socket();
    local.bind(lost, participant("ses_A", "con_1"));

    local.bind(reconnected, participant("ses_A", "con_1"));

    assertThat(local.inSession("ses_A")).containsExactly(reconnected);
  }

  @Test
  void anUnboundSocketNoLongerHearsTheSession() {
    ParticipantSocket leaving = socket();
    ParticipantSocket staying = socket();
    local.bind(leaving, participant("ses_A", "con_1"));
    local.bind(staying, participant("ses_A", "con_2"));

    local.unbind(leaving);

    assertThat(local.inSession("ses_A")).containsExactly(staying);
    local.unbind(staying);
    assertThat(local.inSession("ses_A")).isEmpty();
  }

  @Test
  void aSocketThatJoinsAnotherSessionHearsOnlyThatOne() {
    ParticipantSocket socket = socket();
    local.bind(socket, participant("ses_A", "con_1"));

    local.bind(socket, participant("ses_B", "con_2"));

    assertThat(local.inSession("ses_A")).isEmpty();
    assertThat(local.inSession("ses_B")).containsExactly(socket);
  }

  /** A socket without a WebSocket behind it: binding never sends or reads through it. */
  private static ParticipantSocket socket() {
    return new ParticipantSocket(null, "127.0.0.1");
  }

  private static ParticipantSocket.Participant participant(String sessionId, String connectionId) {
    return new ParticipantSocket.Participant(
        ParticipantIds.rpcSessionId(), sessionId, connectionId);
  }
}
