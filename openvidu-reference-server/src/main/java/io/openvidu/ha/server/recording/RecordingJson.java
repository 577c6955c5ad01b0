package io.openvidu.ha.server.recording;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvidu.ha.server.store.RecordingProperties;
import io.openvidu.ha.server.store.RecordingState;
import io.openvidu.ha.server.store.RecordingStatus;

/**
 * The JSON forms of a recording: the REST object of rest-api.md §3.5 and the on-disk metadata of
 * recordings.md §3.1 (the same plus {@code uniqueSessionId}). The {@code url} is computed from the
 * current public URL whenever the recording is {@code ready} or {@code failed}, as OpenVidu does
 * when it reads a stored recording. Stateless.
 */
final class RecordingJson {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private RecordingJson() {}

  /**
   * @param publicUrl the cluster's public URL with a trailing slash
   */
  static ObjectNode rest(RecordingState recording, String publicUrl) {
    RecordingProperties properties = recording.properties();
    ObjectNode json = MAPPER.createObjectNode();
    json.put("id", recording.id());
    json.put("object", "recording");
    json.put("name", properties.name());
    json.put("outputMode", properties.outputMode().name());
    if (properties.isComposedWithVideo()) {
      json.put("resolution", properties.resolution());
      json.put("frameRate", properties.frameRate());
      json.put("recordingLayout", properties.recordingLayout().name());
      if (properties.customLayout() != null) {
        json.put("customLayout", properties.customLayout());
      }
    }
    json.put("sessionId", recording.sessionId());
    if (recording.mediaNodeId() != null) {
      json.put("mediaNode", recording.mediaNodeId());
    }
    json.put("createdAt", recording.createdAt());
    json.put("size", recording.size());
    json.put("duration", recording.duration());
    json.put("url", url(recording, publicUrl));
    json.put("hasAudio", properties.hasAudio());
    json.put("hasVideo", properties.hasVideo());
    json.put("status", recording.status().wireName());
    return json;
  }

  /** The content of {@code .recording.<id>}: the REST form plus {@code uniqueSessionId}. */
  static ObjectNode metadata(RecordingState recording, String publicUrl) {
    ObjectNode json = rest(recording, publicUrl);
    json.put("uniqueSessionId", recording.uniqueSessionId());
    return json;
  }

  /**
   * {@code <publicUrl>openvidu/recordings/<id>/<name>.<ext>} once final, else null; plain
   * concatenation.
   */
  static String url(RecordingState recording, String publicUrl) {
    boolean isFinal =
        recording.status() == RecordingStatus.READY || recording.status() == RecordingStatus.FAILED;
    if (!isFinal) {
      return null;
    }
    return publicUrl + "openvidu/recordings/" + recording.id() + "/" + mediaFileName(recording);
  }

  /** The name of the file the url points at, known from the properties alone. */
  static String mediaFileName(RecordingState recording) {
    RecordingProperties properties = recording.properties();
    String extension =
        switch (properties.outputMode()) {
          case INDIVIDUAL -> "zip";
          case COMPOSED, COMPOSED_QUICK_START -> properties.hasVideo() ? "mp4" : "webm";
        };
    return properties.name() + "." + extension;
  }
}
