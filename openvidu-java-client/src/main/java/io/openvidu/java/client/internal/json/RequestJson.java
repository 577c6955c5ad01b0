package io.openvidu.java.client.internal.json;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.openvidu.java.client.ConnectionProperties;
import io.openvidu.java.client.ConnectionType;
import io.openvidu.java.client.KurentoOptions;
import io.openvidu.java.client.Recording;
import io.openvidu.java.client.RecordingLayout;
import io.openvidu.java.client.RecordingProperties;
import io.openvidu.java.client.SessionProperties;
import io.openvidu.java.client.TokenOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON bodies the client sends, member for member what the official 2.20 client sends (see the
 * [SDK] notes of the REST contract): explicit {@code null} for what the caller did not set, so the
 * server applies its defaults (on creation) or keeps the current value (on update). Members are
 * written in a fixed order.
 */
public final class RequestJson {

  private RequestJson() {}

  /** Body of {@code POST /openvidu/api/sessions}, creating the session with the given id. */
  public static byte[] session(SessionProperties properties, String sessionId) {
    return write(
        json -> {
          json.text("mediaMode", nameOf(properties.mediaMode()));
          json.text("recordingMode", nameOf(properties.recordingMode()));
          json.text("customSessionId", sessionId);
          json.startObject("defaultRecordingProperties");
          recordingProperties(json, properties.defaultRecordingProperties());
          json.end();
          json.text("forcedVideoCodec", nameOf(properties.forcedVideoCodec()));
          json.bool("allowTranscoding", properties.isTranscodingAllowed());
          mediaNode(json, properties.mediaNode());
        });
  }

  /** Body of {@code POST/PATCH /openvidu/api/sessions/{id}/connection[/{connectionId}]}. */
  public static byte[] connection(String sessionId, ConnectionProperties properties) {
    return write(
        json -> {
          json.text("session", sessionId);
          json.text("type", nameOf(properties.getType()));
          json.text("data", properties.getData());
          json.bool("record", properties.record());
          json.text("role", nameOf(properties.getRole()));
          kurentoOptions(json, properties.getKurentoOptions());
          json.text("rtspUri", properties.getRtspUri());
          json.bool("adaptativeBitrate", properties.adaptativeBitrate());
          json.bool("onlyPlayWithSubscribers", properties.onlyPlayWithSubscribers());
          json.number("networkCache", properties.getNetworkCache());
        });
  }

  /** Body of the {@code POST /openvidu/api/sessions/{id}/connection} that creates a token. */
  public static byte[] token(String sessionId, TokenOptions options) {
    return write(
        json -> {
          json.text("session", sessionId);
          json.text("type", ConnectionType.WEBRTC.name());
          json.text("data", options.getData());
          json.text("role", nameOf(options.getRole()));
          kurentoOptions(json, options.getKurentoOptions());
        });
  }

  /** Body of {@code POST /openvidu/api/recordings/start}. */
  public static byte[] startRecording(String sessionId, RecordingProperties properties) {
    return write(
        json -> {
          json.text("session", sessionId);
          recordingProperties(json, properties);
        });
  }

  /**
   * The members that apply to the output mode: layout, resolution, frame rate and shared memory
   * only for composed recordings with video, the custom layout only with the CUSTOM layout,
   * ignoreFailedStreams only for INDIVIDUAL recordings. None at all for {@code null} properties.
   */
  private static void recordingProperties(JsonObjectWriter json, RecordingProperties properties)
      throws IOException {
    if (properties == null) {
      return;
    }
    Recording.OutputMode outputMode = properties.outputMode();
    json.text("name", properties.name());
    json.bool("hasAudio", properties.hasAudio());
    json.bool("hasVideo", properties.hasVideo());
    json.text("outputMode", nameOf(outputMode));
    boolean composed =
        outputMode == Recording.OutputMode.COMPOSED
            || outputMode == Recording.OutputMode.COMPOSED_QUICK_START;
    if (composed && !Boolean.FALSE.equals(properties.hasVideo())) {
      json.text("recordingLayout", nameOf(properties.recordingLayout()));
      json.text("resolution", properties.resolution());
      json.number("frameRate", properties.frameRate());
      json.number("shmSize", properties.shmSize());
      if (properties.recordingLayout() == RecordingLayout.CUSTOM) {
        json.text("customLayout", properties.customLayout());
      }
    }
    if (outputMode == Recording.OutputMode.INDIVIDUAL) {
      json.bool("ignoreFailedStreams", properties.ignoreFailedStreams());
    }
    mediaNode(json, properties.mediaNode());
  }

  /** Only the members that were set; {@code null} for no options at all. */
  private static void kurentoOptions(JsonObjectWriter json, KurentoOptions options)
      throws IOException {
    if (options == null) {
      json.nullMember("kurentoOptions");
      return;
    }
    json.startObject("kurentoOptions");
    numberIfSet(json, "videoMaxRecvBandwidth", options.getVideoMaxRecvBandwidth());
    numberIfSet(json, "videoMinRecvBandwidth", options.getVideoMinRecvBandwidth());
    numberIfSet(json, "videoMaxSendBandwidth", options.getVideoMaxSendBandwidth());
    numberIfSet(json, "videoMinSendBandwidth", options.getVideoMinSendBandwidth());
    String[] filters = options.getAllowedFilters();
    if (filters != null && filters.length > 0) {
      json.textArray("allowedFilters", filters);
    }
    json.end();
  }

  private static void numberIfSet(JsonObjectWriter json, String name, Integer value)
      throws IOException {
    if (value != null) {
      json.number(name, value);
    }
  }

  /** {@code "mediaNode": {"id": ...}}, only when a media node is named. */
  private static void mediaNode(JsonObjectWriter json, String mediaNode) throws IOException {
    if (mediaNode != null) {
      json.startObject("mediaNode");
      json.text("id", mediaNode);
      json.end();
    }
  }

  private static String nameOf(Enum<?> value) {
    return value == null ? null : value.name();
  }

  /**
   * @return a body as Gson's tree, for the official API's Gson-typed members
   */
  @SuppressWarnings("deprecation") // JsonParser.parseString exists only from Gson 2.8.6 on
  public static JsonObject toGson(byte[] body) {
    return new JsonParser().parse(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
  }

  /** The members of one body, written in order. */
  private interface Members {
    void writeTo(JsonObjectWriter json) throws IOException;
  }

  private static byte[] write(Members members) {
    try {
      JsonObjectWriter json = new JsonObjectWriter();
      members.writeTo(json);
      return json.finish();
    } catch (IOException e) {
      // Strings, numbers and booleans written into memory: cannot happen short of a bug.
      throw new UncheckedIOException("cannot write a request body", e);
    }
  }
}
