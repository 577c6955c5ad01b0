package io.openvidu.ha.server.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvidu.ha.server.store.ClusterEvent;
import io.openvidu.ha.server.store.StoreUnavailableException;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns cluster events into what this master's participants must hear: it sends notifications to the recipients
 * whose sockets it holds, stops serving departed participants and closes their sockets later. Every master
 * receives every event; each acts only for its own sockets.
 */
final class EventDelivery implements Consumer<ClusterEvent> {

  private static final Logger log = LoggerFactory.getLogger(EventDelivery.class);

  private final MasterContext master;

  EventDelivery(MasterContext master) {
    this.master = master;
  }

  @Override
  public void accept(ClusterEvent event) {
    switch (event.type()) {
      case ParticipantTransitions.NOTIFY -> notify(event);
      case ParticipantTransitions.DETACH -> detach(event.connectionIds(), event.data());
      case ClusterEvent.SESSION_CLOSED -> sessionClosed(event);
      default -> {
        // Events for other features (recordings, media nodes) are not about sockets.
      }
    }
  }

  private void notify(ClusterEvent event) {
    String frame = RpcFrames.notification(event.data().path("method").asText(), event.data().path("params"));
    for (String connectionId : event.connectionIds()) {
      master.local.holding(connectionId).ifPresent(socket -> socket.notify(frame));
    }
  }

  private void detach(List<String> connectionIds, JsonNode data) {
    for (String connectionId : connectionIds) {
      master.local.holding(connectionId).ifPresent(socket -> master.detachAndCloseLater(socket,
          "Participant removed from the session: " + data.path("reason").asText("")));
    }
  }

  /**
   * Everyone still in a closed session is evicted in turn, in the order the event lists them (signaling.md §6.5): a
   * participant hears of the evictions before its own, then its own.
   */
  private void sessionClosed(ClusterEvent event) {
    String reason = event.data() == null ? "sessionClosedByServer" : event.data().path("reason").asText();
    List<String> evicted = event.connectionIds();
    for (int position = 0; position < evicted.size(); position++) {
      String connectionId = evicted.get(position);
      List<String> before = evicted.subList(0, position);
      master.local.holding(connectionId).ifPresent(socket -> {
        for (String earlier : before) {
          JsonNode params = Payloads.connectionAndReason(earlier, reason);
          socket.notify(RpcFrames.notification("participantLeft", params));
          socket.notify(RpcFrames.notification("participantEvicted", params));
        }
        socket.notify(RpcFrames.notification("participantEvicted",
            Payloads.connectionAndReason(connectionId, reason)));
        master.detachAndCloseLater(socket, "Session closed: " + reason);
        releaseLeaseLater(connectionId);
      });
    }
  }

  /** Off the store's delivery thread: the store must not be re-entered from its own listener. */
  private void releaseLeaseLater(String connectionId) {
    master.timer.execute(() -> {
      try {
        master.store.atomically(tx -> {
          String leaseId = ParticipantTransitions.PARTICIPANT_LEASE + connectionId;
          tx.leases().find(leaseId).ifPresent(lease -> tx.leases().release(leaseId, lease.holder()));
          return null;
        });
      } catch (StoreUnavailableException e) {
        log.warn("Could not release the lease of {}; it will lapse: {}", connectionId, e.getMessage());
      }
    });
  }
}
