package io.openvidu.java.client.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;

/**
 * Writes one JSON object straight to bytes, member by member, in the order the members are given; a
 * {@code null} value is written as JSON {@code null}. Used instead of building a Jackson tree and
 * serialising it, which cost a map entry and a node per member of every request. Writing into
 * memory does not fail in practice; the {@link IOException}s are the generator's signature.
 *
 * <p>Not thread-safe: one writer per body, used by one thread.
 */
final class JsonObjectWriter {

  private final ByteArrayBuilder bytes = new ByteArrayBuilder();
  private final JsonGenerator json;

  JsonObjectWriter() throws IOException {
    this.json = JsonMapper.MAPPER.getFactory().createGenerator(bytes);
    json.writeStartObject();
  }

  void text(String name, String value) throws IOException {
    json.writeStringField(name, value);
  }

  void bool(String name, Boolean value) throws IOException {
    if (value == null) {
      json.writeNullField(name);
    } else {
      json.writeBooleanField(name, value);
    }
  }

  void number(String name, Long value) throws IOException {
    if (value == null) {
      json.writeNullField(name);
    } else {
      json.writeNumberField(name, value.longValue());
    }
  }

  void number(String name, Integer value) throws IOException {
    if (value == null) {
      json.writeNullField(name);
    } else {
      json.writeNumberField(name, value.intValue());
    }
  }

  void nullMember(String name) throws IOException {
    json.writeNullField(name);
  }

  /**
   * Starts an object member: the members written next are the nested object's, until {@link
   * #end()}.
   */
  void startObject(String name) throws IOException {
    json.writeObjectFieldStart(name);
  }

  /** Ends the object started last. */
  void end() throws IOException {
    json.writeEndObject();
  }

  void textArray(String name, String[] values) throws IOException {
    json.writeArrayFieldStart(name);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  /** Ends the top-level object. @return the body */
  byte[] finish() throws IOException {
    json.writeEndObject();
    json.close();
    return bytes.toByteArray();
  }
}
