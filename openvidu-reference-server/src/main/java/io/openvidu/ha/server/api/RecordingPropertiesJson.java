package io.openvidu.ha.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvidu.ha.server.store.OutputMode;
import io.openvidu.ha.server.store.RecordingLayout;
import io.openvidu.ha.server.store.RecordingProperties;
import java.util.Arrays;

/**
 * Recording properties in OpenVidu's "stored" JSON form (rest-api.md §3.8), and the lenient parsing
 * that {@code POST /sessions} applies to {@code defaultRecordingProperties}: only types and enum
 * values are checked, and the composed-only members are read only when {@code outputMode} is given
 * explicitly as a composed mode.
 */
public final class RecordingPropertiesJson {
  private RecordingPropertiesJson() {}

  /** The stored form: members that do not apply to the output mode are left out. */
  public static ObjectNode render(RecordingProperties properties) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("name", properties.name());
    json.put("hasAudio", properties.hasAudio());
    json.put("hasVideo", properties.hasVideo());
    json.put("outputMode", properties.outputMode().name());
    if (properties.isComposedWithVideo()) {
      json.put("recordingLayout", properties.recordingLayout().name());
      json.put("resolution", properties.resolution());
      json.put("frameRate", properties.frameRate());
      json.put("shmSize", properties.shmSize());
      if (properties.recordingLayout() == RecordingLayout.CUSTOM) {
        json.put(
            "customLayout", properties.customLayout() == null ? "" : properties.customLayout());
      }
    }
    if (properties.outputMode() == OutputMode.INDIVIDUAL) {
      json.put("ignoreFailedStreams", Boolean.TRUE.equals(properties.ignoreFailedStreams()));
    }
    if (properties.mediaNode() != null) {
      json.put("mediaNode", properties.mediaNode());
    }
    return json;
  }

  /**
   * Parses a session's {@code defaultRecordingProperties} (type and enum errors are 400s; no range
   * checks).
   */
  public static RecordingProperties parseSessionDefault(JsonRequestBody body) {
    RecordingProperties defaults = RecordingProperties.defaults();
    String name = body.name("name").orElse("");
    boolean hasAudio = body.bool("hasAudio").orElse(true);
    boolean hasVideo = body.bool("hasVideo").orElse(true);
    OutputMode outputMode =
        body.string("outputMode")
            .map(v -> parseEnum(OutputMode.class, v, "outputMode"))
            .orElse(null);
    boolean explicitComposed =
        outputMode == OutputMode.COMPOSED || outputMode == OutputMode.COMPOSED_QUICK_START;
    OutputMode finalMode = outputMode == null ? OutputMode.COMPOSED : outputMode;
    RecordingLayout layout = null;
    String resolution = null;
    Integer frameRate = null;
    Long shmSize = null;
    String customLayout = null;
    if (finalMode != OutputMode.INDIVIDUAL && hasVideo) {
      layout = defaults.recordingLayout();
      resolution = defaults.resolution();
      frameRate = defaults.frameRate();
      shmSize = defaults.shmSize();
      if (explicitComposed) {
        layout =
            body.string("recordingLayout")
                .map(v -> parseEnum(RecordingLayout.class, v, "recordingLayout"))
                .orElse(layout);
        resolution = body.string("resolution").orElse(resolution);
        frameRate = body.integer("frameRate").orElse(frameRate);
        shmSize = body.longInteger("shmSize").orElse(shmSize);
        if (layout == RecordingLayout.CUSTOM) {
          customLayout = body.string("customLayout").orElse("");
        }
      }
    }
    Boolean ignoreFailedStreams =
        finalMode == OutputMode.INDIVIDUAL ? body.bool("ignoreFailedStreams").orElse(false) : null;
    String mediaNode = parseMediaNode(body.raw("mediaNode").orElse(null));
    return new RecordingProperties(
        name,
        hasAudio,
        hasVideo,
        finalMode,
        layout,
        resolution,
        frameRate,
        shmSize,
        customLayout,
        ignoreFailedStreams,
        mediaNode);
  }

  /** A media node given as a string or as {@code {"id": "..."}}; an empty id counts as none. */
  public static String parseMediaNode(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    JsonNode id = value.isObject() ? value.get("id") : value;
    if (id == null || id.isNull()) {
      return null;
    }
    if (!id.isTextual()) {
      throw ApiException.json(
          400, "Type error in some parameter: 'mediaNode' must be a string or {\"id\": string}");
    }
    return id.asText().isEmpty() ? null : id.asText();
  }

  /**
   * Parses an enum constant by its exact name; anything else is a 400 naming the accepted values.
   */
  public static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String parameter) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(value)) {
        return constant;
      }
    }
    throw ApiException.json(
        400,
        "Some parameter is not valid. Parameter '"
            + parameter
            + "' "
            + value
            + " is not one of "
            + Arrays.toString(type.getEnumConstants()));
  }
}
