package io.openvidu.ha.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request's JSON object body with strictly typed access: a member of the wrong JSON type is a 400
 * with a message naming it, never a coercion; an explicit {@code null} reads as absent (the
 * official client sends nulls for unset members). Unknown members are ignored. Immutable.
 *
 * <p>Every string is bounded, so that what a request stores can be used afterwards: a string
 * anywhere in the body longer than {@link #MAX_TEXT_CHARS}, or a name read with {@link
 * #name(String)} longer than {@link #MAX_NAME_CHARS}, is a 400 that says the limit.
 */
public final class JsonRequestBody {
  /**
   * The longest id or name that becomes a URL path segment or part of a file name (a custom session
   * id, a recording name, an IP camera's URI): short enough for a file name of 255 bytes with the
   * suffixes the cluster adds ({@code -N} recording ids, {@code .recording.} metadata, extensions,
   * stream-id prefixes) and for a request line well inside Jetty's 8 KiB.
   */
  public static final int MAX_NAME_CHARS = 200;

  /** The longest string accepted anywhere in a body (client data, signal data, settings). */
  public static final int MAX_TEXT_CHARS = 65_536;

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private final ObjectNode object;
  private final String typeErrorPrefix;

  private JsonRequestBody(ObjectNode object, String typeErrorPrefix) {
    this.object = object;
    this.typeErrorPrefix = typeErrorPrefix;
  }

  /**
   * Parses a required body: absent, not JSON or not an object is a 400 (framework shape, as
   * OpenVidu's web framework answers).
   */
  public static JsonRequestBody parse(String body) {
    return optional(body)
        .orElseThrow(() -> ApiException.framework(400, "Required request body is missing"));
  }

  /** Parses an optional body: empty when there is none (or it is JSON {@code null}). */
  public static Optional<JsonRequestBody> optional(String body) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiException.framework(400, "JSON parse error: the request body is not valid JSON");
    }
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isObject()) {
      throw ApiException.framework(400, "JSON parse error: the request body must be a JSON object");
    }
    requireBoundedStrings("", node);
    return Optional.of(new JsonRequestBody((ObjectNode) node, "Type error in some parameter: "));
  }

  /** An empty body (all members absent). */
  public static JsonRequestBody empty() {
    return new JsonRequestBody(
        JsonNodeFactory.instance.objectNode(), "Type error in some parameter: ");
  }

  /** The same members, with type errors reported with another message prefix. */
  public JsonRequestBody withTypeErrorPrefix(String prefix) {
    return new JsonRequestBody(object, prefix);
  }

  /** Whether the member is present and not null. */
  public boolean has(String name) {
    JsonNode value = object.get(name);
    return value != null && !value.isNull();
  }

  /** A string member. */
  public Optional<String> string(String name) {
    return present(name).map(v -> require(v.isTextual(), name, "a string", v).asText());
  }

  /**
   * A string member that names something (an id, a file name): at most {@link #MAX_NAME_CHARS}
   * characters.
   */
  public Optional<String> name(String name) {
    Optional<String> value = string(name);
    if (value.isPresent() && value.get().length() > MAX_NAME_CHARS) {
      throw ApiException.json(
          400, "Parameter '" + name + "' is longer than " + MAX_NAME_CHARS + " characters");
    }
    return value;
  }

  /** A boolean member. */
  public Optional<Boolean> bool(String name) {
    return present(name).map(v -> require(v.isBoolean(), name, "a boolean", v).asBoolean());
  }

  /** An integer member (a JSON number without fraction that fits an {@code int}). */
  public Optional<Integer> integer(String name) {
    return present(name)
        .map(
            v ->
                require(v.isIntegralNumber() && v.canConvertToInt(), name, "an integer", v)
                    .asInt());
  }

  /** A long integer member. */
  public Optional<Long> longInteger(String name) {
    return present(name)
        .map(
            v ->
                require(v.isIntegralNumber() && v.canConvertToLong(), name, "an integer", v)
                    .asLong());
  }

  /** An object member, itself read strictly. */
  public Optional<JsonRequestBody> object(String name) {
    return present(name)
        .map(
            v ->
                new JsonRequestBody(
                    (ObjectNode) require(v.isObject(), name, "an object", v), typeErrorPrefix));
  }

  /** An array member whose elements are all strings (a null element is a type error). */
  public Optional<List<String>> stringList(String name) {
    return present(name)
        .map(
            v -> {
              require(v.isArray(), name, "an array of strings", v);
              List<String> values = new ArrayList<>();
              for (JsonNode element : v) {
                require(element.isTextual(), name, "an array of strings", v);
                values.add(element.asText());
              }
              return values;
            });
  }

  /** The raw member, for members with several accepted types. */
  public Optional<JsonNode> raw(String name) {
    return present(name);
  }

  /** The whole body as a JSON object (a copy). */
  public ObjectNode toObjectNode() {
    return object.deepCopy();
  }

  private static void requireBoundedStrings(String where, JsonNode node) {
    if (node.isTextual() && node.textValue().length() > MAX_TEXT_CHARS) {
      throw ApiException.json(
          400, "Parameter '" + where + "' is longer than " + MAX_TEXT_CHARS + " characters");
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        if (member.getKey().length() > MAX_TEXT_CHARS) {
          throw ApiException.json(
              400, "A member name is longer than " + MAX_TEXT_CHARS + " characters");
        }
        requireBoundedStrings(member.getKey(), member.getValue());
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        requireBoundedStrings(where, element);
      }
    }
  }

  private Optional<JsonNode> present(String name) {
    JsonNode value = object.get(name);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  private JsonNode require(boolean condition, String name, String expected, JsonNode actual) {
    if (!condition) {
      throw ApiException.json(
          400,
          typeErrorPrefix + "'" + name + "' must be " + expected + ", not " + describe(actual));
    }
    return actual;
  }

  private static String describe(JsonNode value) {
    return switch (value.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
