package io.openvidu.ha.server.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * Writes the three kinds of frame the server sends (signaling.md §2.2-2.3): results carrying the
 * injected RPC {@code sessionId}, errors and notifications.
 */
final class RpcFrames {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private RpcFrames() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** An OpenVidu method's result: the library adds the caller's RPC session id to it. */
  static String result(JsonNode id, ObjectNode result, String rpcSessionId) {
    ObjectNode withSession = result.deepCopy();
    withSession.put("sessionId", rpcSessionId);
    return bareResult(id, withSession);
  }

  /** A library-level result (ping, closeSession) sent without the session id. */
  static String bareResult(JsonNode id, JsonNode result) {
    ObjectNode frame = object();
    frame.set("id", id == null ? NullNode.instance : id);
    frame.set("result", result);
    frame.put("jsonrpc", "2.0");
    return write(frame);
  }

  static String error(JsonNode id, RpcError error, String message) {
    ObjectNode frame = object();
    frame.set("id", id == null ? NullNode.instance : id);
    ObjectNode body = frame.putObject("error");
    body.put("code", error.code);
    body.put("message", message);
    frame.put("jsonrpc", "2.0");
    return write(frame);
  }

  static String notification(String method, JsonNode params) {
    ObjectNode frame = object();
    frame.put("method", method);
    frame.set("params", params);
    frame.put("jsonrpc", "2.0");
    return write(frame);
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
