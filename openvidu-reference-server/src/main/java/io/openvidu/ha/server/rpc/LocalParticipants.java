package io.openvidu.ha.server.rpc;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sockets this master holds, and which of them speaks for which connection and session. A
 * connection is held by at most one socket here; after a reconnection the new socket replaces the
 * old one. Finding a session's sockets costs what that session has here, not what the master holds
 * (every event of a session asks). Thread-safe.
 */
final class LocalParticipants {

  private final Map<String, ParticipantSocket> sockets = new ConcurrentHashMap<>();
  private final Map<String, ParticipantSocket> byConnection = new ConcurrentHashMap<>();
  private final Map<String, Set<ParticipantSocket>> bySession = new ConcurrentHashMap<>();

  void opened(ParticipantSocket socket) {
    sockets.put(socket.id(), socket);
  }

  Optional<ParticipantSocket> socket(String socketId) {
    return Optional.ofNullable(sockets.get(socketId));
  }

  /** Forgets a closed socket and, if it still spoke for a connection here, that too. */
  void closed(ParticipantSocket socket) {
    sockets.remove(socket.id());
    ParticipantSocket.Participant participant = socket.participant();
    if (participant != null) {
      forget(socket, participant);
    }
  }

  /**
   * Makes {@code socket} the one that speaks for the connection on this master. A socket that spoke
   * for it before (the participant reconnected through this same master before its old socket's
   * loss was noticed) no longer does, so that noticing that loss later does not start a grace
   * period for a participant that is back.
   */
  void bind(ParticipantSocket socket, ParticipantSocket.Participant participant) {
    ParticipantSocket.Participant before = socket.participant();
    if (before != null && !before.sessionId().equals(participant.sessionId())) {
      removeFromSession(socket, before.sessionId());
    }
    socket.bind(participant);
    // Compute, not add-then-check: a concurrent removal of the session's last socket cannot drop
    // this one with the emptied set.
    bySession.compute(
        participant.sessionId(),
        (sessionId, held) -> {
          Set<ParticipantSocket> set = held == null ? ConcurrentHashMap.newKeySet() : held;
          set.add(socket);
          return set;
        });
    ParticipantSocket previous = byConnection.put(participant.connectionId(), socket);
    if (previous != null && previous != socket) {
      ParticipantSocket.Participant replaced = previous.unbind();
      if (replaced != null) {
        removeFromSession(previous, replaced.sessionId());
      }
    }
  }

  /**
   * Stops delivering the connection's notifications to {@code socket}; returns who it spoke for.
   */
  ParticipantSocket.Participant unbind(ParticipantSocket socket) {
    ParticipantSocket.Participant participant = socket.unbind();
    if (participant != null) {
      forget(socket, participant);
    }
    return participant;
  }

  private void forget(ParticipantSocket socket, ParticipantSocket.Participant participant) {
    byConnection.remove(participant.connectionId(), socket);
    removeFromSession(socket, participant.sessionId());
  }

  private void removeFromSession(ParticipantSocket socket, String sessionId) {
    bySession.computeIfPresent(
        sessionId,
        (id, held) -> {
          held.remove(socket);
          return held.isEmpty() ? null : held;
        });
  }

  Optional<ParticipantSocket> holding(String connectionId) {
    return Optional.ofNullable(byConnection.get(connectionId));
  }

  /** The sockets that speak for a participant of {@code sessionId} here. */
  List<ParticipantSocket> inSession(String sessionId) {
    Set<ParticipantSocket> held = bySession.get(sessionId);
    if (held == null) {
      return List.of();
    }
    // A socket unbound a moment ago may still be in the set: what it speaks for now decides.
    return held.stream()
        .filter(
            socket -> {
              ParticipantSocket.Participant participant = socket.participant();
              return participant != null && participant.sessionId().equals(sessionId);
            })
        .toList();
  }

  Collection<ParticipantSocket> all() {
    return List.copyOf(sockets.values());
  }
}
