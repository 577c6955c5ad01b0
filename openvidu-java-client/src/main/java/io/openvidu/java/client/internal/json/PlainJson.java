package io.openvidu.java.client.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as plain Java values, for members the client hands on without typing them (a deployment's
 * raw configuration, a media server's free-form information): objects as unmodifiable maps in the
 * document's order, arrays as unmodifiable lists, whole numbers as {@link Long}, other numbers as
 * {@link Double}, and strings, booleans and {@code null} as themselves. No Jackson type escapes.
 */
final class PlainJson {

  private PlainJson() {}

  static Map<String, Object> toMap(JsonNode object) {
    Map<String, Object> map = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      map.put(field.getKey(), toValue(field.getValue()));
    }
    return Collections.unmodifiableMap(map);
  }

  private static Object toValue(JsonNode node) {
    if (node.isObject()) {
      return toMap(node);
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      for (JsonNode element : node) {
        list.add(toValue(element));
      }
      return Collections.unmodifiableList(list);
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNull()) {
      return null;
    }
    return node.asText();
  }
}
