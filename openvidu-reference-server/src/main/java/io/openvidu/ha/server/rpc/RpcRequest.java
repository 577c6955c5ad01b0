package io.openvidu.ha.server.rpc;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * One JSON-RPC request received from a participant (signaling.md §2.1), with typed access to its
 * parameters. A missing or mistyped mandatory parameter fails the call with code -1, as the Kurento
 * library under OpenVidu does.
 */
record RpcRequest(JsonNode id, String method, ObjectNode params) implements ParsedFrame {

  /** Numbers kept as written, so that an id such as {@code 1e309} is echoed as sent. */
  static final ObjectMapper READER =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  static ParsedFrame parse(String text) {
    JsonNode tree;
    boolean trailing;
    try (JsonParser parser = READER.createParser(text)) {
      tree = READER.readTree(parser);
      trailing = hasMore(parser);
    } catch (IOException e) {
      return new ParsedFrame.Invalid(NullNode.instance, "Message is not valid JSON");
    }
    if (tree == null || !tree.isObject()) {
      return new ParsedFrame.Invalid(NullNode.instance, "Message is not a JSON-RPC request object");
    }
    JsonNode id = tree.get("id");
    JsonNode answerId = id != null && (id.isTextual() || id.isNumber()) ? id : NullNode.instance;
    if (id != null && !id.isNull() && answerId.isNull()) {
      return new ParsedFrame.Invalid(
          NullNode.instance, "Request 'id' must be a string or a number");
    }
    if (trailing) {
      return new ParsedFrame.Invalid(answerId, "Message has text after the request object");
    }
    JsonNode method = tree.get("method");
    if (method == null || !method.isTextual()) {
      return new ParsedFrame.Invalid(answerId, "Request 'method' must be a string");
    }
    JsonNode params = tree.get("params");
    if (params != null && !params.isNull() && !params.isObject()) {
      return new ParsedFrame.Invalid(answerId, "Request 'params' must be an object");
    }
    ObjectNode paramsObject =
        params instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
    return new RpcRequest(id, method.asText(), paramsObject);
  }

  /** Whether anything but white space follows the first value (something unparsable counts). */
  private static boolean hasMore(JsonParser parser) {
    try {
      return parser.nextToken() != null;
    } catch (IOException e) {
      return true;
    }
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
