package io.openvidu.ha.server.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvidu.ha.server.store.ClusterEvent;
import io.openvidu.ha.server.store.StoreUnavailableException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns cluster events into what this master's participants hear (signaling.md §5-6): it sends each
 * notification to the addressed participants whose sockets it holds, stops serving departed
 * participants and closes their sockets later. Every master receives every event, in one order;
 * each acts only for its own sockets, so the participants of a session hear of its changes in
 * commit order whatever master they are connected through.
 *
 * <p>An event {@linkplain ClusterEvent#toSession addressed to the session} goes to the participants
 * of that session this master holds when it delivers it, but the one it is about; since every
 * master delivers in commit order, that is whoever joined before it and has not left. Notifications
 * of joins, departures, publications and stream changes carry the event's position, so that a
 * participant whose joinRoom answer already reflected the change does not hear of it again.
 */
final class EventDelivery implements Consumer<ClusterEvent> {

  private static final Logger log = LoggerFactory.getLogger(EventDelivery.class);
  private static final String LEAVING = "disconnect";

  /** Events whose data are exactly the params of the notification they become. */
  private static final Map<String, String> NOTIFICATIONS =
      Map.of(
          ClusterEvent.PARTICIPANT_JOINED, "participantJoined",
          ClusterEvent.STREAM_PUBLISHED, "participantPublished",
          ClusterEvent.STREAM_PROPERTY_CHANGED, "streamPropertyChanged",
          ClusterEvent.SIGNAL, "sendMessage",
          ClusterEvent.RECORDING_STARTED, "recordingStarted",
          ClusterEvent.RECORDING_STOPPED, "recordingStopped");

  private final MasterContext master;

  EventDelivery(MasterContext master) {
    this.master = master;
  }

  @Override
  public void accept(ClusterEvent event) {
    String method = NOTIFICATIONS.get(event.type());
    if (method != null) {
      send(event, RpcFrames.notification(method, event.data()));
      return;
    }
    switch (event.type()) {
      case ClusterEvent.STREAM_REMOVED ->
          send(
              event,
              RpcFrames.notification(
                  "participantUnpublished",
                  Payloads.connectionAndReason(
                      event.data().path("connectionId").asText(),
                      event.data().path("reason").asText())));
      case ClusterEvent.CONNECTION_REMOVED -> connectionRemoved(event);
      case ClusterEvent.CONNECTION_CHANGED -> connectionChanged(event);
      case ClusterEvent.SESSION_CLOSED -> sessionClosed(event);
      default -> {
        // Not about participants (media nodes, recordings' internals).
      }
    }
  }

  /** Changes a joinRoom answer lists: a participant hears of them only after its answer's view. */
  private static final java.util.Set<String> IN_ANSWER =
      java.util.Set.of(
          ClusterEvent.PARTICIPANT_JOINED,
          ClusterEvent.STREAM_PUBLISHED,
          ClusterEvent.STREAM_PROPERTY_CHANGED,
          ClusterEvent.STREAM_REMOVED,
          ClusterEvent.CONNECTION_REMOVED);

  private void send(ClusterEvent event, String frame) {
    long position = IN_ANSWER.contains(event.type()) ? event.position() : 0;
    recipients(event).forEach(socket -> socket.notifyAfter(position, frame));
  }

  /**
   * The sockets here an event reaches: those of its session but the one it is about when it is
   * addressed to the session, else those of the connections it lists.
   */
  private List<ParticipantSocket> recipients(ClusterEvent event) {
    if (event.toSession()) {
      return master.local.inSession(event.sessionId()).stream()
          .filter(socket -> !event.connectionIds().contains(socket.participant().connectionId()))
          .toList();
    }
    return event.connectionIds().stream()
        .map(master.local::holding)
        .flatMap(java.util.Optional::stream)
        .toList();
  }

  /**
   * Somebody left ({@code disconnect}) or was evicted (§6.3-6.4): the others hear {@code
   * participantLeft}; after an eviction everybody, the evicted one included, hears {@code
   * participantEvicted}. The departed one's master stops serving it and closes its socket later.
   */
  private void connectionRemoved(ClusterEvent event) {
    String departed = event.data().path("connectionId").asText();
    String reason = event.data().path("reason").asText();
    ObjectNode params = Payloads.connectionAndReason(departed, reason);
    String left = RpcFrames.notification("participantLeft", params);
    String evicted = RpcFrames.notification("participantEvicted", params);
    boolean eviction = !LEAVING.equals(reason);
    for (ParticipantSocket socket : recipients(event)) {
      if (!socket.participant().connectionId().equals(departed)) {
        socket.notifyAfter(event.position(), left);
        if (eviction) {
          socket.notifyAfter(event.position(), evicted);
        }
      }
    }
    // The departed one is told of its own eviction whatever its view, and is no longer served.
    master
        .local
        .holding(departed)
        .ifPresent(
            socket -> {
              if (eviction) {
                socket.notify(evicted);
              }
              master.detachAndCloseLater(
                  socket, eviction ? "Evicted: " + reason : "Left the session");
              releaseLeaseLater(departed);
            });
  }

  /**
   * A REST {@code PATCH} changed a participant's role or record flag: it hears one notification per
   * property.
   */
  private void connectionChanged(ClusterEvent event) {
    JsonNode changes = event.data();
    for (String property : List.of("role", "record")) {
      if (changes.has(property)) {
        ObjectNode params = RpcFrames.object();
        params.put("property", property);
        params.put("newValue", changes.get(property).asText());
        send(event, RpcFrames.notification("connectionPropertyChanged", params));
      }
    }
  }

  /**
   * Everyone still in a closed session is evicted in turn, in the order the event lists them
   * (§6.5): a participant hears of the evictions before its own, then its own.
   */
  private void sessionClosed(ClusterEvent event) {
    String reason =
        event.data() == null ? "sessionClosedByServer" : event.data().path("reason").asText();
    List<String> evicted = event.connectionIds();
    for (int position = 0; position < evicted.size(); position++) {
      String connectionId = evicted.get(position);
      List<String> before = evicted.subList(0, position);
      master
          .local
          .holding(connectionId)
          .ifPresent(
              socket -> {
                for (String earlier : before) {
                  JsonNode params = Payloads.connectionAndReason(earlier, reason);
                  socket.notify(RpcFrames.notification("participantLeft", params));
                  socket.notify(RpcFrames.notification("participantEvicted", params));
                }
                socket.notify(
                    RpcFrames.notification(
                        "participantEvicted", Payloads.connectionAndReason(connectionId, reason)));
                master.detachAndCloseLater(socket, "Session closed: " + reason);
                releaseLeaseLater(connectionId);
              });
    }
  }

  /**
   * Ends the RPC session of a participant removed by somebody else (REST, a closing session). Off
   * the store's delivery thread: a listener must not wait for the store that calls it.
   */
  private void releaseLeaseLater(String connectionId) {
    try {
      master.timer.execute(
          () -> {
            try {
              master.store.atomically(
                  tx -> {
                    String leaseId = ParticipantTransitions.PARTICIPANT_LEASE + connectionId;
                    tx.leases()
                        .find(leaseId)
                        .ifPresent(lease -> tx.leases().release(leaseId, lease.holder()));
                    return null;
                  });
            } catch (StoreUnavailableException e) {
              log.warn(
                  "Could not end the RPC session of {}; its lease will lapse: {}",
                  connectionId,
                  e.getMessage());
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException stopping) {
      // This master is stopping; the lease lapses and a surviving master cleans it up.
    }
  }
}
