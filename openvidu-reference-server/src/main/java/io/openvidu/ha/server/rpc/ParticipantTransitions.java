package io.openvidu.ha.server.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvidu.ha.server.store.ClusterEvent;
import io.openvidu.ha.server.store.ConnectionState;
import io.openvidu.ha.server.store.OpenViduRole;
import io.openvidu.ha.server.store.SessionState;
import io.openvidu.ha.server.store.Transaction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Changes to participants that every feature makes the same way, and that participants must hear about: someone
 * leaves or is evicted, a stream is unpublished, a signal is sent, a recording starts or stops. Each method stages the
 * state change and the notifications into the caller's {@link Transaction}, so that participants are told if and only
 * if the change commits, whichever master made it: the REST API, the recording module and the participants' own
 * calls all come through here.
 *
 * <p>Notifications travel as {@link #NOTIFY} events to every master; the master holding a recipient's WebSocket sends
 * it. Events of one store arrive at every master in one order, so participants see changes in commit order.
 */
public final class ParticipantTransitions {

  /** Event type: send {@code data.method} with {@code data.params} to the connections listed in the event. */
  public static final String NOTIFY = "participantNotify";
  /** Event type: the listed connections are gone; their masters stop serving their sockets and close them. */
  public static final String DETACH = "participantDetach";

  /** Lease id prefix of a participant's RPC session (see {@link ParticipantLeases}). */
  static final String PARTICIPANT_LEASE = "participant:";

  private ParticipantTransitions() {
  }

  /** Stages {@code method(params)} to each of {@code connectionIds}; nothing when the list is empty. */
  public static void notify(Transaction tx, String sessionId, Collection<String> connectionIds, String method,
      JsonNode params) {
    if (connectionIds.isEmpty()) {
      return;
    }
    ObjectNode data = RpcFrames.object();
    data.put("method", method);
    data.set("params", params);
    tx.events().publish(new ClusterEvent(NOTIFY, sessionId, List.copyOf(connectionIds), data, null));
  }

  /**
   * Removes an active participant: it left ({@code evicted} false, reason {@code disconnect}) or was evicted with
   * {@code reason} ({@code forceDisconnectByServer}, {@code forceDisconnectByUser}, {@code networkDisconnect}, ...).
   * The others get {@code participantLeft}; after an eviction everybody present, the evicted one included, gets
   * {@code participantEvicted} (signaling.md §6.3-6.4). Its master stops serving its socket. When it was the last
   * participant and nothing is being recorded, the session closes with reason {@code lastParticipantLeft}.
   *
   * @return false (and nothing staged) when there is no such active participant
   */
  public static boolean removeParticipant(Transaction tx, String sessionId, String connectionId, String reason,
      boolean evicted, long now) {
    Optional<SessionState> found = tx.sessions().find(sessionId);
    if (found.isEmpty() || found.get().connection(connectionId).filter(ConnectionState::isActive).isEmpty()) {
      return false;
    }
    SessionState session = found.get();
    List<String> present = ids(session.activeConnections());
    List<String> remaining = new ArrayList<>(present);
    remaining.remove(connectionId);

    tx.sessions().removeConnection(sessionId, connectionId);
    ObjectNode params = Payloads.connectionAndReason(connectionId, reason);
    notify(tx, sessionId, remaining, "participantLeft", params);
    if (evicted) {
      notify(tx, sessionId, present, "participantEvicted", params);
    }
    tx.events().publish(new ClusterEvent(DETACH, sessionId, List.of(connectionId), params, null));
    String leaseId = PARTICIPANT_LEASE + connectionId;
    tx.leases().find(leaseId).ifPresent(lease -> tx.leases().release(leaseId, lease.holder()));
    if (remaining.isEmpty() && !session.isBeingRecorded()) {
      tx.sessions().close(sessionId, "lastParticipantLeft", now);
    }
    return true;
  }

  /**
   * Unpublishes {@code streamId} and ends every subscription to it. Every other participant gets
   * {@code participantUnpublished}; so does the owner when {@code ownerToo} (forced unpublishing, §6.7).
   *
   * @return the owner as it is after the change, or empty (nothing staged) when no participant publishes the stream
   */
  public static Optional<ConnectionState> unpublish(Transaction tx, String sessionId, String streamId, String reason,
      boolean ownerToo) {
    Optional<SessionState> session = tx.sessions().find(sessionId);
    Optional<ConnectionState> owner = session.flatMap(s -> s.connections().stream()
        .filter(c -> c.publishers().stream().anyMatch(p -> p.streamId().equals(streamId))).findFirst());
    if (owner.isEmpty()) {
      return Optional.empty();
    }
    ConnectionState updated = tx.sessions().removePublisher(sessionId, streamId);
    List<String> recipients = ids(session.get().activeConnections());
    if (!ownerToo) {
      recipients.remove(updated.id());
    }
    notify(tx, sessionId, recipients, "participantUnpublished", Payloads.connectionAndReason(updated.id(), reason));
    return Optional.of(updated);
  }

  /**
   * The connections a signal addressed to {@code to} reaches: every active participant when {@code to} is empty,
   * else exactly those listed. Empty when an entry is null or not an active participant: such a signal is refused
   * and reaches nobody.
   */
  public static Optional<List<String>> signalRecipients(SessionState session, List<String> to) {
    List<String> active = ids(session.activeConnections());
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
   * Stages a {@code sendMessage} to {@code recipients} with the members given: {@code type} and {@code data} when
   * not null, {@code from} only for participants' signals (a REST signal has none, which is how clients tell).
   */
  public static void signal(Transaction tx, String sessionId, List<String> recipients, String type, String data,
      String from) {
    ObjectNode params = RpcFrames.object();
    if (data != null) {
      params.put("data", data);
    }
    if (type != null) {
      params.put("type", type);
    }
    if (from != null) {
      params.put("from", from);
    }
    notify(tx, sessionId, recipients, "sendMessage", params);
  }

  /**
   * Stages {@code recordingStarted {id, name}} to the participants that {@code notificationPolicy}
   * ({@code OPENVIDU_RECORDING_NOTIFICATION}) lets hear it.
   */
  public static void recordingStarted(Transaction tx, SessionState session, String recordingId, String name,
      String notificationPolicy) {
    ObjectNode params = RpcFrames.object();
    params.put("id", recordingId);
    params.put("name", name);
    notify(tx, session.id(), recordingAudience(session, notificationPolicy), "recordingStarted", params);
  }

  /** Stages {@code recordingStopped {id, name, reason}}, to the same audience as {@link #recordingStarted}. */
  public static void recordingStopped(Transaction tx, SessionState session, String recordingId, String name,
      String reason, String notificationPolicy) {
    ObjectNode params = RpcFrames.object();
    params.put("id", recordingId);
    params.put("name", name);
    params.put("reason", reason);
    notify(tx, session.id(), recordingAudience(session, notificationPolicy), "recordingStopped", params);
  }

  /** The active participants whose role {@code OPENVIDU_RECORDING_NOTIFICATION} lets hear about recordings. */
  static List<String> recordingAudience(SessionState session, String policy) {
    return session.activeConnections().stream().filter(c -> switch (policy) {
      case "all" -> true;
      case "moderator" -> c.role() == OpenViduRole.MODERATOR;
      case "publisher_moderator" -> c.role() == OpenViduRole.MODERATOR || c.role() == OpenViduRole.PUBLISHER;
      default -> false;
    }).map(ConnectionState::id).toList();
  }

  private static List<String> ids(List<ConnectionState> connections) {
    return new ArrayList<>(connections.stream().map(ConnectionState::id).toList());
  }
}
