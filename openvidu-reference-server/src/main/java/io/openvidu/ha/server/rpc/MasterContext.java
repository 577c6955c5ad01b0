package io.openvidu.ha.server.rpc;

import io.openvidu.ha.server.config.ClusterSettings;
import io.openvidu.ha.server.rpc.ParticipantSocket.Participant;
import io.openvidu.ha.server.store.ClusterStore;
import io.openvidu.ha.server.store.ConnectionState;
import io.openvidu.ha.server.store.SessionState;
import io.openvidu.ha.server.store.Transaction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What every part of one master's signaling shares: the store, who this master is, its sockets and
 * its timer.
 */
final class MasterContext {

  final ClusterStore store;
  final String masterId;
  final ClusterSettings cluster;
  final SignalingSettings settings;
  final LocalParticipants local;
  final ScheduledExecutorService timer;
  private final byte[] secret;

  MasterContext(
      ClusterStore store,
      String masterId,
      ClusterSettings cluster,
      SignalingSettings settings,
      LocalParticipants local,
      ScheduledExecutorService timer) {
    this.store = store;
    this.masterId = masterId;
    this.cluster = cluster;
    this.secret = cluster.secret().getBytes(StandardCharsets.UTF_8);
    this.settings = settings;
    this.local = local;
    this.timer = timer;
  }

  long now() {
    return System.currentTimeMillis();
  }

  /** Compared in constant time: the secret must not leak through timing. */
  boolean isSecret(String candidate) {
    return !candidate.isEmpty()
        && MessageDigest.isEqual(secret, candidate.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The participant a socket speaks for; calls other than joining need one (error 803 otherwise).
   */
  static Participant joined(ParticipantSocket socket) {
    Participant participant = socket.participant();
    if (participant == null) {
      throw RpcError.TRANSPORT_ERROR.exception(
          "No connection found for participant with privateId "
              + socket.id()
              + ": call joinRoom first");
    }
    return participant;
  }

  /**
   * The caller's active connection as the store has it now (803 when it is gone, e.g. evicted
   * meanwhile).
   */
  static ConnectionState connectionOf(Transaction tx, Participant participant) {
    return tx.sessions()
        .find(participant.sessionId())
        .flatMap(s -> s.connection(participant.connectionId()))
        .filter(ConnectionState::isActive)
        .orElseThrow(
            () ->
                RpcError.TRANSPORT_ERROR.exception(
                    "Connection "
                        + participant.connectionId()
                        + " is no longer in session "
                        + participant.sessionId()));
  }

  static SessionState sessionOf(Transaction tx, Participant participant) {
    return tx.sessions()
        .find(participant.sessionId())
        .orElseThrow(
            () ->
                RpcError.TRANSPORT_ERROR.exception(
                    "Session " + participant.sessionId() + " no longer exists"));
  }

  /**
   * Stops serving a departed participant's socket, and closes it after the delay unless the client
   * does first.
   */
  void detachAndCloseLater(ParticipantSocket socket, String reason) {
    local.unbind(socket);
    try {
      timer.schedule(
          () -> socket.close(1000, reason),
          settings.socketCloseDelay().toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopping) {
      socket.close(1000, reason);
    }
  }
}
