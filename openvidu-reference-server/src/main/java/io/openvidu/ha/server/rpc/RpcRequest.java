package io.openvidu.ha.server.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One JSON-RPC request received from a participant (signaling.md §2.1), with typed access to its
 * parameters. A missing or mistyped mandatory parameter fails the call with code -1, as the Kurento
 * library under OpenVidu does.
 */
record RpcRequest(JsonNode id, String method, ObjectNode params) {

  static RpcRequest parse(String text) {
    JsonNode tree;
    try {
      tree = RpcFrames.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw RpcError.INVALID_CALL.exception("Message is not valid JSON");
    }
    if (tree == null || !tree.isObject()) {
      throw RpcError.INVALID_CALL.exception("Message is not a JSON-RPC request object");
    }
    JsonNode method = tree.get("method");
    if (method == null || !method.isTextual()) {
      throw RpcError.INVALID_CALL.exception("Request has no 'method'");
    }
    JsonNode params = tree.get("params");
    if (params != null && !params.isNull() && !params.isObject()) {
      throw RpcError.INVALID_CALL.exception("Request 'params' must be an object");
    }
    ObjectNode paramsObject =
        params instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
    return new RpcRequest(tree.get("id"), method.asText(), paramsObject);
  }

  String text(String name) {
    JsonNode value = params.get(name);
    if (value == null || !value.isTextual()) {
      throw missingOrMistyped(name, "a string");
    }
    return value.asText();
  }

  String optionalText(String name, String fallback) {
    JsonNode value = params.get(name);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isTextual()) {
      throw missingOrMistyped(name, "a string");
    }
    return value.asText();
  }

  boolean bool(String name) {
    JsonNode value = params.get(name);
    if (value == null || !value.isBoolean()) {
      throw missingOrMistyped(name, "a boolean");
    }
    return value.booleanValue();
  }

  boolean optionalBool(String name, boolean fallback) {
    JsonNode value = params.get(name);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isBoolean()) {
      throw missingOrMistyped(name, "a boolean");
    }
    return value.booleanValue();
  }

  /** A mandatory parameter of any JSON type. */
  JsonNode value(String name) {
    JsonNode value = params.get(name);
    if (value == null || value.isNull()) {
      throw missingOrMistyped(name, "present");
    }
    return value;
  }

  /** Names the method only: the params may hold a token or the secret. */
  @Override
  public String toString() {
    return "RpcRequest[id=" + id + ", method=" + method + "]";
  }

  private static RpcException missingOrMistyped(String name, String expected) {
    return RpcError.INVALID_CALL.exception("Request parameter '" + name + "' must be " + expected);
  }
}
