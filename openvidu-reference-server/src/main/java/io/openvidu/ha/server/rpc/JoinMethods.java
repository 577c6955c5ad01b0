package io.openvidu.ha.server.rpc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvidu.ha.server.config.ClusterSettings;
import io.openvidu.ha.server.rpc.ParticipantSocket.Participant;
import io.openvidu.ha.server.store.ClusterEvent;
import io.openvidu.ha.server.store.ConnectionState;
import io.openvidu.ha.server.store.ConnectionStatus;
import io.openvidu.ha.server.store.ConnectionType;
import io.openvidu.ha.server.store.Identifiers;
import io.openvidu.ha.server.store.Rejection;
import io.openvidu.ha.server.store.SessionOperations.Activation;
import io.openvidu.ha.server.store.SessionOperations.SessionView;
import io.openvidu.ha.server.store.SessionState;
import io.openvidu.ha.server.store.Transaction;
import io.openvidu.ha.server.store.TransitionRejectedException;
import java.util.List;
import java.util.Map;

/**
 * Entering and leaving a session: {@code joinRoom}, {@code connect} (reconnection within the grace
 * period, through any master), {@code leaveRoom} and the library-level {@code closeSession}.
 */
final class JoinMethods {

  private static final String LOCATION_UNKNOWN = "unknown";

  private final MasterContext master;
  private final ParticipantLeases leases;

  JoinMethods(MasterContext master, ParticipantLeases leases) {
    this.master = master;
    this.leases = leases;
  }

  void register(Map<String, RpcMethod> methods) {
    methods.put("joinRoom", this::joinRoom);
    methods.put("connect", this::connect);
    methods.put("leaveRoom", this::leaveRoom);
  }

  // ---- joinRoom (signaling.md §4.1)

  private record Joined(ConnectionState self, List<ConnectionState> others) {}

  /**
   * The join commits the participant's own connection only (its token's one read, never the whole
   * session), so joins of one session do not conflict; the others hear of it through an event
   * {@linkplain ClusterEvent#toSession to the session}. The answer then lists the session as one
   * snapshot taken after the commit, and the socket hears only the session's events that snapshot
   * does not reflect ({@link ParticipantSocket#seesSessionAsOf}): whatever two participants joining
   * at once interleave, each sees the other exactly once, in its answer or in a {@code
   * participantJoined}.
   */
  private ObjectNode joinRoom(ParticipantSocket socket, RpcRequest request) {
    String token = request.text("token");
    String sessionId = request.text("session");
    String platform = request.text("platform");
    String metadata = request.text("metadata");
    boolean privileged = master.isSecret(request.text("secret"));
    if (socket.participant() != null) {
      throw RpcError.GENERIC.exception(
          "This WebSocket has already joined session "
              + socket.participant().sessionId()
              + " as "
              + socket.participant().connectionId());
    }
    String connectionId =
        privileged ? Identifiers.connectionId() : pendingConnectionId(sessionId, token);
    Participant participant =
        new Participant(ParticipantIds.rpcSessionId(), sessionId, connectionId);
    long now = master.now();
    // Bound (and holding) before the commit: an event about the session that commits right after
    // ours must find us.
    socket.hold();
    master.local.bind(socket, participant);
    try {
      ConnectionState self =
          master.store.atomically(
              tx -> {
                ConnectionState joined =
                    privileged
                        ? tx.sessions()
                            .addConnection(
                                privilegedConnection(
                                    tx,
                                    sessionId,
                                    connectionId,
                                    platform,
                                    metadata,
                                    socket.clientIp(),
                                    now))
                        : tx.sessions()
                            .activateConnection(
                                sessionId,
                                token,
                                new Activation(
                                    now,
                                    socket.clientIp(),
                                    platform,
                                    LOCATION_UNKNOWN,
                                    metadata,
                                    master.masterId));
                tx.events()
                    .publish(
                        ClusterEvent.toSession(
                            ClusterEvent.PARTICIPANT_JOINED,
                            sessionId,
                            List.of(joined.id()),
                            Payloads.announcement(joined)));
                leases.joined(tx, participant, now);
                return joined;
              });
      SessionView view = master.store.atomically(tx -> tx.sessions().view(sessionId));
      socket.seesSessionAsOf(view.position());
      List<ConnectionState> others =
          view.session().map(SessionState::activeConnections).orElse(List.of()).stream()
              .filter(c -> !c.id().equals(self.id()))
              .toList();
      return joinResult(socket, new Joined(self, others), privileged);
    } catch (TransitionRejectedException e) {
      abandon(socket);
      throw joinRejected(sessionId, token, e);
    } catch (RuntimeException e) {
      abandon(socket);
      throw e;
    }
  }

  /** Which pending connection the token names; checked again when the join commits. */
  private String pendingConnectionId(String sessionId, String token) {
    try {
      return master
          .store
          .atomically(tx -> tx.sessions().pendingConnectionId(sessionId, token))
          .orElseThrow(
              () ->
                  joinRejected(
                      sessionId,
                      token,
                      new TransitionRejectedException(Rejection.TOKEN_INVALID, "")));
    } catch (TransitionRejectedException e) {
      throw joinRejected(sessionId, token, e);
    }
  }

  /**
   * OpenVidu's answers to a refused join. An invalid token is echoed exactly as signaling.md §4.1
   * gives it ({@code "...Token <token>is not valid"}, no space): clients match on that text, and it
   * only goes back to the participant who sent the token (an {@link RpcException} is never logged).
   */
  private static RpcException joinRejected(
      String sessionId, String token, TransitionRejectedException e) {
    return switch (e.rejection()) {
      case SESSION_NOT_FOUND ->
          RpcError.ROOM_NOT_FOUND.exception(
              "Unable to join session. Session " + sessionId + " cannot be found");
      case TOKEN_INVALID ->
          RpcError.USER_UNAUTHORIZED.exception(
              "Unable to join session " + sessionId + ". Token " + token + "is not valid");
      case NO_MEDIA_NODE_AVAILABLE ->
          RpcError.ROOM_CANNOT_BE_CREATED.exception(
              "Unable to join session " + sessionId + ": no media node can host it");
      default ->
          RpcError.GENERIC.exception("Unable to join session " + sessionId + ": " + e.getMessage());
    };
  }

  private void abandon(ParticipantSocket socket) {
    master.local.unbind(socket);
    socket.discardHeld();
  }

  /**
   * A participant that presented the secret gets a connection of its own with no role restrictions
   * (signaling.md §4.1 step 3), under a fresh token.
   */
  private ConnectionState privilegedConnection(
      Transaction tx,
      String sessionId,
      String connectionId,
      String platform,
      String metadata,
      String ip,
      long now) {
    tx.sessions().get(sessionId);
    String token =
        (master.cluster.isSecure() ? "wss" : "ws")
            + "://"
            + master.cluster.publicHostAndPort()
            + "?sessionId="
            + sessionId
            + "&token="
            + Identifiers.tokenSecret();
    return ConnectionState.builder()
        .id(connectionId)
        .sessionId(sessionId)
        .status(ConnectionStatus.ACTIVE)
        .type(ConnectionType.WEBRTC)
        .createdAt(now)
        .activeAt(now)
        .record(true)
        .role(null)
        .serverData("")
        .token(token)
        .location(LOCATION_UNKNOWN)
        .ip(ip)
        .platform(platform)
        .clientData(metadata)
        .masterId(master.masterId)
        .build();
  }

  private ObjectNode joinResult(ParticipantSocket socket, Joined joined, boolean privileged) {
    ConnectionState self = joined.self();
    ObjectNode result = RpcFrames.object();
    result.put("id", self.id());
    result.put("finalUserId", socket.finalUserId());
    result.put("createdAt", self.activeAt());
    result.put("metadata", Payloads.fullMetadata(self));
    ArrayNode value = result.putArray("value");
    joined.others().forEach(other -> value.add(Payloads.remoteConnection(other)));
    result.put("session", self.sessionId());
    result.put("version", ClusterSettings.OPENVIDU_VERSION);
    result.put("mediaServer", "kurento");
    if (privileged) {
      result.putNull("record");
    } else {
      result.put("record", self.record());
      result.put("role", self.role() == null ? null : self.role().name());
    }
    result.put("coturnIp", master.cluster.publicUrl().getHost());
    return result;
  }

  // ---- connect (signaling.md §3.3, §4.12)

  private ObjectNode connect(ParticipantSocket socket, RpcRequest request) {
    String rpcSessionId = request.optionalText("sessionId", null);
    ObjectNode result = RpcFrames.object();
    if (rpcSessionId == null) {
      result.put("value", "OK");
      return result;
    }
    Participant current = socket.participant();
    if (current != null && current.rpcSessionId().equals(rpcSessionId)) {
      result.put("value", "reconnection successful");
      return result;
    }
    Participant participant =
        master
            .store
            .atomically(tx -> leases.findResumable(tx, rpcSessionId, master.now()))
            .orElseThrow(JoinMethods::reconnectionError);
    socket.hold();
    master.local.bind(socket, participant);
    try {
      boolean resumed =
          master.store.atomically(
              tx -> {
                long now = master.now();
                // Its own lease, session head and connection only: reconnections and other
                // changes of the same big session do not conflict with this one.
                if (!leases.isResumable(tx, participant, now)
                    || !tx.sessions().exists(participant.sessionId())
                    || tx.sessions()
                        .findConnection(participant.sessionId(), participant.connectionId())
                        .filter(ConnectionState::isActive)
                        .isEmpty()) {
                  return false;
                }
                leases.takeOver(tx, participant, now);
                tx.sessions()
                    .updateConnection(
                        participant.sessionId(),
                        participant.connectionId(),
                        c -> c.with(b -> b.masterId(master.masterId)));
                return true;
              });
      if (!resumed) {
        throw reconnectionError();
      }
      result.put("value", "reconnection successful");
      return result;
    } catch (RuntimeException e) {
      abandon(socket);
      throw e;
    }
  }

  private static RpcException reconnectionError() {
    return RpcError.RECONNECTION_ERROR.exception("reconnection error");
  }

  // ---- leaveRoom (signaling.md §4.11)

  private ObjectNode leaveRoom(ParticipantSocket socket, RpcRequest request) {
    Participant participant = MasterContext.joined(socket);
    long now = master.now();
    master.store.atomically(
        tx ->
            ParticipantTransitions.removeParticipant(
                tx, participant.sessionId(), participant.connectionId(), "disconnect", now));
    master.detachAndCloseLater(socket, "Participant left the session");
    return RpcFrames.object();
  }
}
