package io.openvidu.java.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The example documents of the REST contract ({@code spec/rest-api.md} §3), as fresh mutable JSON
 * trees, so a test states only how its answer differs from the specification's example.
 */
final class SpecExamples {

  static final ObjectMapper JSON = new ObjectMapper();

  private SpecExamples() {}

  /** §3.1: session {@code ses_YnDaGYNcd7}, defaults, no connections. */
  static ObjectNode session() {
    return load("session.json");
  }

  /** §3.2: the pending WebRTC connection {@code con_Xnxg19tonh}. */
  static ObjectNode pendingConnection() {
    return load("connection-pending.json");
  }

  /**
   * §3.2: {@code con_Xnxg19tonh} once active, publishing a camera and receiving the other's
   * microphone.
   */
  static ObjectNode activeConnection() {
    return load("connection-active.json");
  }

  /**
   * A second active participant {@code con_OV0CsFsykJ}: microphone only, receiving the first's
   * camera.
   */
  static ObjectNode secondActiveConnection() {
    return load("connection-second-active.json");
  }

  /** §3.2: an IP camera connection. */
  static ObjectNode ipCameraConnection() {
    return load("connection-ipcam.json");
  }

  /** §3.5: a ready COMPOSED recording. */
  static ObjectNode readyRecording() {
    return load("recording-ready.json");
  }

  /** A started INDIVIDUAL recording (no layout, resolution or frame rate). */
  static ObjectNode startedIndividualRecording() {
    return load("recording-individual-started.json");
  }

  /** §2.2: the JSON error of a bad custom session id. */
  static ObjectNode customSessionIdError() {
    return load("error-custom-session-id.json");
  }

  /**
   * @return the session with exactly these connections
   */
  static ObjectNode sessionWith(ObjectNode... connections) {
    ObjectNode session = session();
    ObjectNode list = session.putObject("connections");
    list.put("numberOfElements", connections.length);
    ArrayNode content = list.putArray("content");
    for (ObjectNode connection : connections) {
      content.add(connection);
    }
    return session;
  }

  /** §4.3: {@code {"numberOfElements": n, "content": [...]}}. */
  static ObjectNode sessionList(ObjectNode... sessions) {
    ObjectNode list = JSON.createObjectNode();
    list.put("numberOfElements", sessions.length);
    ArrayNode content = list.putArray("content");
    for (ObjectNode session : sessions) {
      content.add(session);
    }
    return list;
  }

  /** §5.10: {@code {"count": n, "items": [...]}}. */
  static ObjectNode recordingList(ObjectNode... recordings) {
    ObjectNode list = JSON.createObjectNode();
    list.put("count", recordings.length);
    ArrayNode items = list.putArray("items");
    for (ObjectNode recording : recordings) {
      items.add(recording);
    }
    return list;
  }

  private static ObjectNode load(String name) {
    try (InputStream in = SpecExamples.class.getResourceAsStream("responses/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource responses/" + name);
      }
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
