package io.openvidu.ha.server.rpc;

import static io.openvidu.ha.server.rpc.MasterContext.connectionOf;
import static io.openvidu.ha.server.rpc.MasterContext.joined;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvidu.ha.server.rpc.ParticipantSocket.Participant;
import io.openvidu.ha.server.store.ConnectionState;
import io.openvidu.ha.server.store.OpenViduRole;
import io.openvidu.ha.server.store.SessionState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What participants do to their session and to each other: signals and moderation (signaling.md
 * §4.7, §4.9-4.10).
 */
final class SessionMethods {

  private final MasterContext master;

  SessionMethods(MasterContext master) {
    this.master = master;
  }

  void register(Map<String, RpcMethod> methods) {
    methods.put("sendMessage", this::sendMessage);
    methods.put("forceDisconnect", this::forceDisconnect);
    methods.put("forceUnpublish", this::forceUnpublish);
  }

  // ---- sendMessage (§4.7)

  private ObjectNode sendMessage(ParticipantSocket socket, RpcRequest request) {
    Participant participant = joined(socket);
    JsonNode message;
    try {
      message = RpcFrames.MAPPER.readTree(request.text("message"));
    } catch (JsonProcessingException e) {
      throw RpcError.SIGNAL_FORMAT_INVALID.exception("Signal message is not valid JSON");
    }
    if (message == null || !message.isObject()) {
      throw RpcError.SIGNAL_FORMAT_INVALID.exception("Signal message must be a JSON object");
    }
    List<String> to = recipientsParam(message.get("to"));
    String data = textMember(message, "data");
    String type = textMember(message, "type");
    master.store.atomically(
        tx -> {
          ConnectionState self = connectionOf(tx, participant);
          SessionState session = tx.sessions().get(participant.sessionId());
          List<String> recipients =
              ParticipantTransitions.signalRecipients(session, to)
                  .orElseThrow(
                      () ->
                          RpcError.SIGNAL_TO_INVALID.exception(
                              "Signal 'to' names connections that are not in session "
                                  + session.id()
                                  + ": "
                                  + to));
          ParticipantTransitions.signal(tx, session.id(), recipients, type, data, self.id());
          return null;
        });
    return RpcFrames.object();
  }

  private static List<String> recipientsParam(JsonNode to) {
    List<String> ids = new ArrayList<>();
    if (to == null || to.isNull()) {
      return ids;
    }
    if (!to.isArray()) {
      throw RpcError.SIGNAL_FORMAT_INVALID.exception(
          "Signal 'to' must be an array of connection ids");
    }
    for (JsonNode id : to) {
      ids.add(id.isTextual() ? id.asText() : null);
    }
    return ids;
  }

  private static String textMember(JsonNode message, String name) {
    JsonNode value = message.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw RpcError.SIGNAL_FORMAT_INVALID.exception("Signal '" + name + "' must be a string");
    }
    return value.asText();
  }

  // ---- forceDisconnect / forceUnpublish (§4.9-4.10)

  private ObjectNode forceDisconnect(ParticipantSocket socket, RpcRequest request) {
    Participant participant = joined(socket);
    String target = request.text("connectionId");
    long now = master.now();
    master.store.atomically(
        tx -> {
          requireModerator(connectionOf(tx, participant), "force disconnect");
          if (!ParticipantTransitions.removeParticipant(
              tx, participant.sessionId(), target, "forceDisconnectByUser", now)) {
            throw RpcError.USER_NOT_FOUND.exception(
                "Connection not found when calling 'forceDisconnect'");
          }
          return null;
        });
    return RpcFrames.object();
  }

  private ObjectNode forceUnpublish(ParticipantSocket socket, RpcRequest request) {
    Participant participant = joined(socket);
    String streamId = request.text("streamId");
    master.store.atomically(
        tx -> {
          requireModerator(connectionOf(tx, participant), "force unpublish");
          boolean ipCamera =
              tx.sessions().get(participant.sessionId()).connections().stream()
                  .flatMap(c -> c.publishers().stream())
                  .anyMatch(p -> p.streamId().equals(streamId) && p.rtspUri() != null);
          if (ipCamera) {
            throw RpcError.USER_GENERIC.exception(
                "Stream " + streamId + " is an IP camera's: delete its connection");
          }
          return ParticipantTransitions.unpublish(
                  tx, participant.sessionId(), streamId, "forceUnpublishByUser", true)
              .orElseThrow(
                  () -> RpcError.USER_NOT_STREAMING.exception("Stream " + streamId + " not found"));
        });
    return RpcFrames.object();
  }

  /** Moderators, and privileged participants (no role), may moderate. */
  private static void requireModerator(ConnectionState self, String action) {
    if (self.role() != null && self.role() != OpenViduRole.MODERATOR) {
      throw RpcError.USER_UNAUTHORIZED.exception(
          "Unable to " + action + ". The user does not have a valid token");
    }
  }
}
