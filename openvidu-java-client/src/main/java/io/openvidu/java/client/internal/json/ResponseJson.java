package io.openvidu.java.client.internal.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One JSON object of a response body, read strictly: every accessor checks the member's JSON type
 * and throws {@link MalformedResponseException} naming the member and where it is (for example
 * {@code session.connections.content[1].createdAt}) when the member is missing or of the wrong
 * type. Unknown members are ignored. "Optional" accessors accept an absent member and JSON {@code
 * null} alike.
 *
 * <p>Immutable and thread-safe.
 */
public final class ResponseJson {

  private final JsonNode object;

  // Where the object is, kept as links and built into a string only for a message: most answers
  // are never wrong, and the path strings of every nested object were a share of what reading one
  // allocated.
  private final ResponseJson parent; // null at the root
  private final String name; // the root's kind ("session"), else the member's name
  private final int index; // the position in the member's array, or -1

  private ResponseJson(JsonNode object, ResponseJson parent, String name, int index) {
    this.object = object;
    this.parent = parent;
    this.name = name;
    this.index = index;
  }

  /**
   * @param body the response body
   * @param what what the body should be, used as the root of member paths in messages (e.g. {@code
   *     session})
   * @return the body's top-level object
   * @throws MalformedResponseException when the body is empty, not JSON, truncated or not an object
   */
  public static ResponseJson parse(byte[] body, String what) {
    if (body == null || body.length == 0) {
      throw new MalformedResponseException("the body is empty, expected a " + what + " object");
    }
    JsonNode root;
    try {
      root = JsonMapper.MAPPER.readTree(body);
    } catch (JsonEOFException e) {
      throw new MalformedResponseException("the body is truncated: it ends inside a JSON value");
    } catch (JsonProcessingException e) {
      // Jackson's own message may quote part of the body (a token, say): keep only the position.
      JsonLocation at = e.getLocation();
      throw new MalformedResponseException(
          "the body is not valid JSON"
              + (at == null
                  ? ""
                  : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
    } catch (IOException e) {
      throw new MalformedResponseException(
          "the body cannot be read: " + e.getClass().getSimpleName());
    }
    if (root == null || !root.isObject()) {
      throw new MalformedResponseException(
          "the body is not a JSON object, expected a " + what + " object");
    }
    return new ResponseJson(root, null, what, -1);
  }

  /**
   * @return where this object is in the body, for messages
   */
  public String path() {
    String own = index < 0 ? name : name + "[" + index + "]";
    return parent == null ? own : parent.path() + "." + own;
  }

  /**
   * @return whether the member is present and not JSON {@code null}
   */
  public boolean has(String name) {
    JsonNode member = object.get(name);
    return member != null && !member.isNull();
  }

  /**
   * @return whether the member is present and a JSON object
   */
  public boolean isObject(String name) {
    JsonNode member = object.get(name);
    return member != null && member.isObject();
  }

  public String requireText(String name) {
    return textOf(name, require(name));
  }

  public String optionalText(String name) {
    JsonNode member = optional(name);
    return member == null ? null : textOf(name, member);
  }

  public long requireLong(String name) {
    return longOf(name, require(name));
  }

  public Long optionalLong(String name) {
    JsonNode member = optional(name);
    return member == null ? null : longOf(name, member);
  }

  public int requireInt(String name) {
    JsonNode member = require(name);
    if (!member.isIntegralNumber() || !member.canConvertToInt()) {
      throw wrongType(name, "a 32-bit integer", member);
    }
    return member.intValue();
  }

  public Integer optionalInt(String name) {
    JsonNode member = optional(name);
    if (member == null) {
      return null;
    }
    if (!member.isIntegralNumber() || !member.canConvertToInt()) {
      throw wrongType(name, "a 32-bit integer", member);
    }
    return member.intValue();
  }

  public double requireDouble(String name) {
    JsonNode member = require(name);
    if (!member.isNumber()) {
      throw wrongType(name, "a number", member);
    }
    return member.doubleValue();
  }

  public boolean requireBoolean(String name) {
    return booleanOf(name, require(name));
  }

  public Boolean optionalBoolean(String name) {
    JsonNode member = optional(name);
    return member == null ? null : booleanOf(name, member);
  }

  /** An enum member whose JSON string is the constant's exact name. */
  public <E extends Enum<E>> E requireEnum(String name, Class<E> type) {
    return enumOf(name, requireText(name), type);
  }

  public <E extends Enum<E>> E optionalEnum(String name, Class<E> type) {
    String text = optionalText(name);
    return text == null ? null : enumOf(name, text, type);
  }

  public ResponseJson requireObject(String name) {
    return objectOf(name, -1, require(name));
  }

  public ResponseJson optionalObject(String name) {
    JsonNode member = optional(name);
    return member == null ? null : objectOf(name, -1, member);
  }

  /**
   * @return the objects of an array member that must be present
   */
  public List<ResponseJson> requireObjects(String name) {
    require(name);
    return optionalObjects(name);
  }

  /**
   * @return the objects of an array member; an absent or {@code null} member is an empty list
   */
  public List<ResponseJson> optionalObjects(String name) {
    JsonNode array = optionalArray(name);
    if (array == null) {
      return Collections.emptyList();
    }
    List<ResponseJson> objects = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      objects.add(objectOf(name, i, array.get(i)));
    }
    return objects;
  }

  /**
   * @return this object as plain Java values (maps, lists, strings, numbers, booleans, nulls), for
   *     free-form members that the client passes on without reading
   */
  public java.util.Map<String, Object> asPlainMap() {
    return PlainJson.toMap(object);
  }

  /**
   * @return the strings of an array member, or {@code null} when absent or {@code null}
   */
  public List<String> optionalTexts(String name) {
    JsonNode array = optionalArray(name);
    if (array == null) {
      return null;
    }
    List<String> texts = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      texts.add(textOf(name + "[" + i + "]", array.get(i)));
    }
    return texts;
  }

  /**
   * @return the strings of an array member that must be present
   */
  public List<String> requireTexts(String name) {
    require(name);
    return optionalTexts(name);
  }

  private JsonNode optionalArray(String name) {
    JsonNode member = optional(name);
    if (member != null && !member.isArray()) {
      throw wrongType(name, "an array", member);
    }
    return member;
  }

  private JsonNode require(String name) {
    JsonNode member = object.get(name);
    if (member == null || member.isNull()) {
      throw new MalformedResponseException(
          "member '" + path() + "." + name + "' is " + (member == null ? "missing" : "null"));
    }
    return member;
  }

  private JsonNode optional(String name) {
    JsonNode member = object.get(name);
    return member == null || member.isNull() ? null : member;
  }

  private String textOf(String name, JsonNode member) {
    if (!member.isTextual()) {
      throw wrongType(name, "a string", member);
    }
    return member.textValue();
  }

  private long longOf(String name, JsonNode member) {
    if (!member.isIntegralNumber() || !member.canConvertToLong()) {
      throw wrongType(name, "an integer", member);
    }
    return member.longValue();
  }

  private boolean booleanOf(String name, JsonNode member) {
    if (!member.isBoolean()) {
      throw wrongType(name, "a boolean", member);
    }
    return member.booleanValue();
  }

  private <E extends Enum<E>> E enumOf(String name, String text, Class<E> type) {
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException e) {
      throw new MalformedResponseException(
          "member '"
              + path()
              + "."
              + name
              + "' has the unknown value '"
              + text
              + "' (expected one of "
              + Arrays.toString(type.getEnumConstants())
              + ")");
    }
  }

  private ResponseJson objectOf(String name, int index, JsonNode member) {
    if (!member.isObject()) {
      throw wrongType(index < 0 ? name : name + "[" + index + "]", "an object", member);
    }
    return new ResponseJson(member, this, name, index);
  }

  private MalformedResponseException wrongType(String name, String expected, JsonNode actual) {
    return new MalformedResponseException(
        "member '"
            + path()
            + "."
            + name
            + "' should be "
            + expected
            + " but is "
            + actual.getNodeType().name().toLowerCase(Locale.ROOT));
  }
}
