package io.openvidu.java.client.internal.api;

import java.nio.charset.StandardCharsets;

/**
 * The paths of the OpenVidu REST API, with every identifier percent-encoded as one path segment, so
 * an id containing {@code /}, {@code ?} or spaces can never address another resource.
 */
final class ApiPaths {

  static final String SESSIONS = "/openvidu/api/sessions";
  static final String RECORDINGS = "/openvidu/api/recordings";
  static final String RECORDINGS_START = RECORDINGS + "/start";
  static final String SIGNAL = "/openvidu/api/signal";
  static final String CONFIG = "/openvidu/api/config";
  static final String HEALTH = "/openvidu/api/health";
  static final String MEDIA_NODES = "/openvidu/api/media-nodes";

  private static final String HEX = "0123456789ABCDEF";

  private ApiPaths() {}

  static String session(String sessionId) {
    return SESSIONS + "/" + segment("sessionId", sessionId);
  }

  static String connections(String sessionId) {
    return session(sessionId) + "/connection";
  }

  static String connection(String sessionId, String connectionId) {
    return connections(sessionId) + "/" + segment("connectionId", connectionId);
  }

  static String stream(String sessionId, String streamId) {
    return session(sessionId) + "/stream/" + segment("streamId", streamId);
  }

  static String recording(String recordingId) {
    return RECORDINGS + "/" + segment("recordingId", recordingId);
  }

  static String mediaNode(String mediaNodeId) {
    return MEDIA_NODES + "/" + segment("mediaNodeId", mediaNodeId);
  }

  static String stopRecording(String recordingId) {
    return RECORDINGS + "/stop/" + segment("recordingId", recordingId);
  }

  /**
   * @throws IllegalArgumentException when the id is null or empty: it would address the collection
   *     instead
   */
  static String segment(String what, String id) {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be null or empty");
    }
    StringBuilder encoded = new StringBuilder(id.length());
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (isUnreserved(c)) {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
      }
    }
    return encoded.toString();
  }

  /** RFC 3986 unreserved characters, the only ones safe in a segment without encoding. */
  private static boolean isUnreserved(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}
