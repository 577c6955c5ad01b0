package io.openvidu.ha.server.recording;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvidu.ha.server.store.ClusterEvent;
import io.openvidu.ha.server.store.ConnectionState;
import io.openvidu.ha.server.store.ConnectionType;
import io.openvidu.ha.server.store.OpenViduRole;
import io.openvidu.ha.server.store.RecordingState;
import io.openvidu.ha.server.store.SessionState;
import io.openvidu.ha.server.store.Transaction;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tells participants that a recording of their session started or stopped (recordings.md §5): a
 * {@link ClusterEvent#RECORDING_STARTED} or {@link ClusterEvent#RECORDING_STOPPED} event addressed
 * to the connected participants whose role {@code OPENVIDU_RECORDING_NOTIFICATION} allows,
 * published in the transaction of the transition (so it goes out exactly once, and only if the
 * transition commits). The master holding each participant delivers it. Stateless.
 */
final class RecordingNotifications {

  private RecordingNotifications() {}

  static void started(
      Transaction tx, SessionState session, RecordingState recording, String policy) {
    ObjectNode data = data(recording);
    publish(tx, ClusterEvent.RECORDING_STARTED, session, data, policy);
  }

  static void stopped(
      Transaction tx,
      SessionState session,
      RecordingState recording,
      String reason,
      String policy) {
    ObjectNode data = data(recording).put("reason", reason);
    publish(tx, ClusterEvent.RECORDING_STOPPED, session, data, policy);
  }

  /**
   * The connected WebRTC participants whose role the policy ({@code none}, {@code moderator}, ...)
   * allows.
   */
  static List<String> recipients(SessionState session, String policy) {
    Set<OpenViduRole> roles =
        switch (policy == null ? "" : policy.toLowerCase(Locale.ROOT)) {
          case "none" -> Set.of();
          case "moderator" -> Set.of(OpenViduRole.MODERATOR);
          case "all" ->
              Set.of(OpenViduRole.SUBSCRIBER, OpenViduRole.PUBLISHER, OpenViduRole.MODERATOR);
          default ->
              Set.of(
                  OpenViduRole.PUBLISHER,
                  OpenViduRole.MODERATOR); // publisher_moderator, the default
        };
    return session.activeConnections().stream()
        .filter(c -> c.type() == ConnectionType.WEBRTC && roles.contains(c.role()))
        .map(ConnectionState::id)
        .toList();
  }

  private static ObjectNode data(RecordingState recording) {
    return JsonNodeFactory.instance
        .objectNode()
        .put("id", recording.id())
        .put("name", recording.properties().name());
  }

  private static void publish(
      Transaction tx, String type, SessionState session, ObjectNode data, String policy) {
    List<String> recipients = recipients(session, policy);
    // An event with no addressee would mean "everybody": send nothing instead.
    if (!recipients.isEmpty()) {
      tx.events().publish(new ClusterEvent(type, session.id(), recipients, data, null));
    }
  }
}
