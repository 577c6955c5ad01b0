package io.openvidu.ha.server.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvidu.ha.server.store.ClusterEvent;
import io.openvidu.ha.server.store.ConnectionState;
import io.openvidu.ha.server.store.SessionState;
import io.openvidu.ha.server.store.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The changes participants make to their session, each staged in the caller's {@link Transaction}
 * together with the {@link ClusterEvent} that tells the other participants: they hear of a change
 * if and only if it commits, through whichever master holds their socket (see {@link
 * EventDelivery}).
 */
final class ParticipantTransitions {

  /** Lease id prefix of a participant's RPC session (see {@link ParticipantLeases}). */
  static final String PARTICIPANT_LEASE = "participant:";

  private ParticipantTransitions() {}

  /**
   * Stages an event addressed to {@code connectionIds}; nothing when nobody is addressed (that
   * would mean all).
   */
  static void publish(
      Transaction tx, String type, String sessionId, List<String> connectionIds, JsonNode data) {
    if (!connectionIds.isEmpty()) {
      tx.events().publish(new ClusterEvent(type, sessionId, connectionIds, data, null));
    }
  }

  /**
   * Removes an active participant that left (reason {@code disconnect}) or was evicted (any other
   * reason), as REST evictions do, and ends its RPC session.
   *
   * @return false (and nothing staged) when there is no such active participant
   */
  static boolean removeParticipant(
      Transaction tx, String sessionId, String connectionId, String reason, long now) {
    if (!tx.sessions().exists(sessionId)
        || tx.sessions()
            .findConnection(sessionId, connectionId)
            .filter(ConnectionState::isActive)
            .isEmpty()) {
      return false;
    }
    tx.sessions().evict(sessionId, connectionId, reason, now);
    String leaseId = PARTICIPANT_LEASE + connectionId;
    tx.leases().find(leaseId).ifPresent(lease -> tx.leases().release(leaseId, lease.holder()));
    return true;
  }

  /**
   * Unpublishes {@code streamId} and ends every subscription to it. The other participants hear
   * {@code participantUnpublished}; so does the owner when {@code ownerToo} (forced unpublishing).
   *
   * @return the owner after the change, or empty (nothing staged) when no participant publishes the
   *     stream
   */
  static Optional<ConnectionState> unpublish(
      Transaction tx, String sessionId, String streamId, String reason, boolean ownerToo) {
    Optional<SessionState> session = tx.sessions().find(sessionId);
    boolean published =
        session.stream()
            .flatMap(s -> s.connections().stream())
            .anyMatch(c -> c.publishers().stream().anyMatch(p -> p.streamId().equals(streamId)));
    if (!published) {
      return Optional.empty();
    }
    tx.webhooks().streamEnded(session.get(), streamId, reason, System.currentTimeMillis());
    ConnectionState owner = tx.sessions().removePublisher(sessionId, streamId);
    ObjectNode data = RpcFrames.object();
    data.put("streamId", streamId);
    data.put("connectionId", owner.id());
    data.put("reason", reason);
    tx.events()
        .publish(
            ClusterEvent.toSession(
                ClusterEvent.STREAM_REMOVED,
                sessionId,
                ownerToo ? List.of() : List.of(owner.id()),
                data));
    return Optional.of(owner);
  }

  /**
   * The connections a signal addressed to {@code to} reaches: every active participant when {@code
   * to} is empty, else exactly those listed. Empty when an entry is null or not an active
   * participant: such a signal is refused and reaches nobody.
   */
  static Optional<List<String>> signalRecipients(SessionState session, List<String> to) {
    List<String> active = activeIds(session);
    if (to.isEmpty()) {
      return Optional.of(active);
    }
    for (String id : to) {
      if (id == null || !active.contains(id)) {
        return Optional.empty();
      }
    }
    return Optional.of(to.stream().distinct().toList());
  }

  /**
   * Stages a participant's signal: {@code sendMessage} with the members given, and {@code from}.
   */
  static void signal(
      Transaction tx,
      String sessionId,
      List<String> recipients,
      String type,
      String data,
      String from) {
    ObjectNode params = RpcFrames.object();
    if (data != null) {
      params.put("data", data);
    }
    if (type != null) {
      params.put("type", type);
    }
    params.put("from", from);
    publish(tx, ClusterEvent.SIGNAL, sessionId, recipients, params);
    tx.webhooks()
        .signalSent(
            tx.sessions().get(sessionId),
            from,
            recipients,
            type == null ? "signal" : type.startsWith("signal:") ? type.substring(7) : type,
            data,
            System.currentTimeMillis());
  }

  private static List<String> activeIds(SessionState session) {
    return new ArrayList<>(session.activeConnections().stream().map(ConnectionState::id).toList());
  }
}
