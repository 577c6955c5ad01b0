package io.openvidu.ha.server.rpc;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sockets this master holds, and which of them speaks for which connection. A connection is
 * held by at most one socket here; after a reconnection the new socket replaces the old one.
 * Thread-safe.
 */
final class LocalParticipants {

  private final Map<String, ParticipantSocket> sockets = new ConcurrentHashMap<>();
  private final Map<String, ParticipantSocket> byConnection = new ConcurrentHashMap<>();

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
      byConnection.remove(participant.connectionId(), socket);
    }
  }

  /**
   * Makes {@code socket} the one that speaks for the connection on this master. A socket that spoke
   * for it before (the participant reconnected through this same master before its old socket's
   * loss was noticed) no longer does, so that noticing that loss later does not start a grace
   * period for a participant that is back.
   */
  void bind(ParticipantSocket socket, ParticipantSocket.Participant participant) {
    socket.bind(participant);
    ParticipantSocket previous = byConnection.put(participant.connectionId(), socket);
    if (previous != null && previous != socket) {
      previous.unbind();
    }
  }

  /**
   * Stops delivering the connection's notifications to {@code socket}; returns who it spoke for.
   */
  ParticipantSocket.Participant unbind(ParticipantSocket socket) {
    ParticipantSocket.Participant participant = socket.unbind();
    if (participant != null) {
      byConnection.remove(participant.connectionId(), socket);
    }
    return participant;
  }

  Optional<ParticipantSocket> holding(String connectionId) {
    return Optional.ofNullable(byConnection.get(connectionId));
  }

  /** The sockets that speak for a participant of {@code sessionId} here. */
  List<ParticipantSocket> inSession(String sessionId) {
    return byConnection.values().stream()
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
