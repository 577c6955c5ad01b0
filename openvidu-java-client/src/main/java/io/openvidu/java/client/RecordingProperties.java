package io.openvidu.java.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Objects;

/**
 * How to record a session: given to {@link OpenVidu#startRecording(String, RecordingProperties)}
 * and used as a session's {@link SessionProperties#defaultRecordingProperties()}.
 *
 * <p>Which members apply depends on the output mode: {@code recordingLayout}, {@code resolution},
 * {@code frameRate}, {@code shmSize} and {@code mediaNode} only to COMPOSED and
 * COMPOSED_QUICK_START recordings with video; {@code customLayout} only with the {@link
 * RecordingLayout#CUSTOM} layout; {@code ignoreFailedStreams} only to INDIVIDUAL recordings. {@link
 * Builder#build()} fills the applicable ones that were not set with {@link DefaultValues}; members
 * that do not apply are not sent.
 *
 * <p>Immutable and thread-safe.
 */
public class RecordingProperties {

  private final String name;
  private final Boolean hasAudio;
  private final Boolean hasVideo;
  private final Recording.OutputMode outputMode;
  private final RecordingLayout recordingLayout;
  private final String resolution;
  private final Integer frameRate;
  private final Long shmSize;
  private final String customLayout;
  private final Boolean ignoreFailedStreams;
  private final String mediaNode;

  /**
   * The values a recording gets for the members that were not set, the same as the server's
   * defaults.
   */
  public static class DefaultValues {
    /** Audio is recorded. */
    public static final Boolean hasAudio = true;

    /** Video is recorded. */
    public static final Boolean hasVideo = true;

    /** One file mixing every participant. */
    public static final Recording.OutputMode outputMode = Recording.OutputMode.COMPOSED;

    /** A grid. */
    public static final RecordingLayout recordingLayout = RecordingLayout.BEST_FIT;

    /** 1280x720 pixels. */
    public static final String resolution = "1280x720";

    /** 25 frames per second. */
    public static final Integer frameRate = 25;

    /** 512 MiB of shared memory for the composing browser. */
    public static final Long shmSize = 536870912L;

    /** An INDIVIDUAL recording fails when one of its streams fails. */
    public static final Boolean ignoreFailedStreams = false;

    /** Exists for source compatibility with the official client; every member is static. */
    public DefaultValues() {}
  }

  /** Builds {@link RecordingProperties}. Not thread-safe. */
  public static class Builder {

    private String name = "";
    private Boolean hasAudio = DefaultValues.hasAudio;
    private Boolean hasVideo = DefaultValues.hasVideo;
    private Recording.OutputMode outputMode = DefaultValues.outputMode;
    private RecordingLayout recordingLayout;
    private String resolution;
    private Integer frameRate;
    private Long shmSize;
    private String customLayout;
    private Boolean ignoreFailedStreams;
    private String mediaNode;

    /**
     * A builder with the defaults: name {@code ""} (the recording id), audio and video, COMPOSED.
     */
    public Builder() {}

    /**
     * @param props properties to start from
     */
    public Builder(RecordingProperties props) {
      this.name = props.name;
      this.hasAudio = props.hasAudio;
      this.hasVideo = props.hasVideo;
      this.outputMode = props.outputMode;
      this.recordingLayout = props.recordingLayout;
      this.resolution = props.resolution;
      this.frameRate = props.frameRate;
      this.shmSize = props.shmSize;
      this.customLayout = props.customLayout;
      this.ignoreFailedStreams = props.ignoreFailedStreams;
      this.mediaNode = props.mediaNode;
    }

    /**
     * @return the properties, with the defaults of the members that apply to the output mode filled
     *     in
     */
    public RecordingProperties build() {
      return new RecordingProperties(this);
    }

    /**
     * @param name the recording's file name without extension; {@code ""} means the recording id
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * @param hasAudio whether to record audio
     * @return this builder
     */
    public Builder hasAudio(boolean hasAudio) {
      this.hasAudio = hasAudio;
      return this;
    }

    /**
     * @param hasVideo whether to record video
     * @return this builder
     */
    public Builder hasVideo(boolean hasVideo) {
      this.hasVideo = hasVideo;
      return this;
    }

    /**
     * @param outputMode one mixed file, or one file per stream
     * @return this builder
     */
    public Builder outputMode(Recording.OutputMode outputMode) {
      this.outputMode = outputMode;
      return this;
    }

    /**
     * @param recordingLayout how a composed recording arranges the videos
     * @return this builder
     */
    public Builder recordingLayout(RecordingLayout recordingLayout) {
      this.recordingLayout = recordingLayout;
      return this;
    }

    /**
     * @param resolution a composed recording's size, {@code "<width>x<height>"}, each 100 to 1999
     * @return this builder
     */
    public Builder resolution(String resolution) {
      this.resolution = resolution;
      return this;
    }

    /**
     * @param frameRate a composed recording's frames per second, 1 to 120
     * @return this builder
     */
    public Builder frameRate(int frameRate) {
      this.frameRate = frameRate;
      return this;
    }

    /**
     * @param shmSize shared memory in bytes for the browser that composes the recording, at least
     *     134217728
     * @return this builder
     */
    public Builder shmSize(long shmSize) {
      this.shmSize = shmSize;
      return this;
    }

    /**
     * @param customLayout path of the custom layout, relative to the deployment's custom layouts
     *     folder
     * @return this builder
     */
    public Builder customLayout(String customLayout) {
      this.customLayout = customLayout;
      return this;
    }

    /**
     * @param ignoreFailedStreams whether an INDIVIDUAL recording continues when one of its streams
     *     fails
     * @return this builder
     */
    public Builder ignoreFailedStreams(boolean ignoreFailedStreams) {
      this.ignoreFailedStreams = ignoreFailedStreams;
      return this;
    }

    /**
     * @param mediaNode id of the media node that composes the recording (OpenVidu Pro/Enterprise)
     * @return this builder
     */
    public Builder mediaNode(String mediaNode) {
      this.mediaNode = mediaNode;
      return this;
    }
  }

  private RecordingProperties(Builder builder) {
    this.name = builder.name;
    this.hasAudio = builder.hasAudio;
    this.hasVideo = builder.hasVideo;
    this.outputMode = builder.outputMode;
    this.mediaNode = builder.mediaNode;
    boolean composed =
        outputMode == Recording.OutputMode.COMPOSED
            || outputMode == Recording.OutputMode.COMPOSED_QUICK_START;
    if (composed) {
      this.recordingLayout = orDefault(builder.recordingLayout, DefaultValues.recordingLayout);
      this.resolution = orDefault(builder.resolution, DefaultValues.resolution);
      this.frameRate = orDefault(builder.frameRate, DefaultValues.frameRate);
      this.shmSize = orDefault(builder.shmSize, DefaultValues.shmSize);
      this.customLayout =
          recordingLayout == RecordingLayout.CUSTOM
              ? orDefault(builder.customLayout, "")
              : builder.customLayout;
    } else {
      this.recordingLayout = builder.recordingLayout;
      this.resolution = builder.resolution;
      this.frameRate = builder.frameRate;
      this.shmSize = builder.shmSize;
      this.customLayout = builder.customLayout;
    }
    this.ignoreFailedStreams =
        outputMode == Recording.OutputMode.INDIVIDUAL
            ? orDefault(builder.ignoreFailedStreams, DefaultValues.ignoreFailedStreams)
            : builder.ignoreFailedStreams;
  }

  private static <T> T orDefault(T value, T fallback) {
    return value != null ? value : fallback;
  }

  /**
   * @return the file name without extension; {@code ""} means the recording id
   */
  public String name() {
    return name;
  }

  /**
   * @return whether audio is recorded
   */
  public Boolean hasAudio() {
    return hasAudio;
  }

  /**
   * @return whether video is recorded
   */
  public Boolean hasVideo() {
    return hasVideo;
  }

  /**
   * @return the output mode
   */
  public Recording.OutputMode outputMode() {
    return outputMode;
  }

  /**
   * @return the layout of a composed recording, or {@code null} when not set for another mode
   */
  public RecordingLayout recordingLayout() {
    return recordingLayout;
  }

  /**
   * @return the resolution of a composed recording, or {@code null} when not set for another mode
   */
  public String resolution() {
    return resolution;
  }

  /**
   * @return the frame rate of a composed recording, or {@code null} when not set for another mode
   */
  public Integer frameRate() {
    return frameRate;
  }

  /**
   * @return the shared memory size of a composed recording, or {@code null} when not set for
   *     another mode
   */
  public Long shmSize() {
    return shmSize;
  }

  /**
   * @return the custom layout, {@code ""} for the CUSTOM layout when not set, otherwise possibly
   *     {@code null}
   */
  public String customLayout() {
    return customLayout;
  }

  /**
   * @return whether an INDIVIDUAL recording ignores failed streams, or {@code null} when not set
   */
  public Boolean ignoreFailedStreams() {
    return ignoreFailedStreams;
  }

  /**
   * @return the media node id, or {@code null} when not set
   */
  public String mediaNode() {
    return mediaNode;
  }

  /**
   * @return the properties as the official client writes them: name, audio, video and output mode;
   *     layout, resolution, frame rate and shared memory for a composed recording with video (the
   *     custom layout with the CUSTOM layout); ignoreFailedStreams for an INDIVIDUAL one; the media
   *     node id when set
   */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    json.addProperty("name", name);
    json.addProperty("hasAudio", hasAudio);
    json.addProperty("hasVideo", hasVideo);
    json.addProperty("outputMode", outputMode == null ? null : outputMode.name());
    boolean composed =
        outputMode == Recording.OutputMode.COMPOSED
            || outputMode == Recording.OutputMode.COMPOSED_QUICK_START;
    if (composed && !Boolean.FALSE.equals(hasVideo)) {
      json.addProperty("recordingLayout", recordingLayout == null ? null : recordingLayout.name());
      json.addProperty("resolution", resolution);
      json.addProperty("frameRate", frameRate);
      json.addProperty("shmSize", shmSize);
      if (recordingLayout == RecordingLayout.CUSTOM) {
        json.addProperty("customLayout", customLayout);
      }
    }
    if (outputMode == Recording.OutputMode.INDIVIDUAL) {
      json.addProperty("ignoreFailedStreams", ignoreFailedStreams);
    }
    if (mediaNode != null) {
      json.addProperty("mediaNode", mediaNode);
    }
    return json;
  }

  /**
   * Reads properties written by {@link #toJson()} or by the server (where {@code mediaNode} is an
   * object with an {@code id}); members absent or {@code null} get the builder's defaults.
   *
   * @param json the properties
   * @return the properties
   * @throws IllegalArgumentException an output mode or layout that does not exist
   * @throws IllegalStateException a member of the wrong JSON type
   */
  public static RecordingProperties fromJson(JsonObject json) {
    Builder builder = new Builder();
    if (present(json, "name")) {
      builder.name(json.get("name").getAsString());
    }
    if (present(json, "hasAudio")) {
      builder.hasAudio(json.get("hasAudio").getAsBoolean());
    }
    if (present(json, "hasVideo")) {
      builder.hasVideo(json.get("hasVideo").getAsBoolean());
    }
    if (present(json, "outputMode")) {
      builder.outputMode(Recording.OutputMode.valueOf(json.get("outputMode").getAsString()));
    }
    if (present(json, "recordingLayout")) {
      builder.recordingLayout(RecordingLayout.valueOf(json.get("recordingLayout").getAsString()));
    }
    if (present(json, "resolution")) {
      builder.resolution(json.get("resolution").getAsString());
    }
    if (present(json, "frameRate")) {
      builder.frameRate(json.get("frameRate").getAsInt());
    }
    if (present(json, "shmSize")) {
      builder.shmSize(json.get("shmSize").getAsLong());
    }
    if (present(json, "customLayout")) {
      builder.customLayout(json.get("customLayout").getAsString());
    }
    if (present(json, "ignoreFailedStreams")) {
      builder.ignoreFailedStreams(json.get("ignoreFailedStreams").getAsBoolean());
    }
    if (present(json, "mediaNode")) {
      JsonElement mediaNode = json.get("mediaNode");
      if (mediaNode.isJsonObject()) {
        JsonElement id = mediaNode.getAsJsonObject().get("id");
        if (id != null && !id.isJsonNull()) {
          builder.mediaNode(id.getAsString());
        }
      } else {
        builder.mediaNode(mediaNode.getAsString());
      }
    }
    return builder.build();
  }

  private static boolean present(JsonObject json, String member) {
    return json.has(member) && !json.get(member).isJsonNull();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RecordingProperties)) {
      return false;
    }
    RecordingProperties that = (RecordingProperties) o;
    return Objects.equals(name, that.name)
        && Objects.equals(hasAudio, that.hasAudio)
        && Objects.equals(hasVideo, that.hasVideo)
        && outputMode == that.outputMode
        && recordingLayout == that.recordingLayout
        && Objects.equals(resolution, that.resolution)
        && Objects.equals(frameRate, that.frameRate)
        && Objects.equals(shmSize, that.shmSize)
        && Objects.equals(customLayout, that.customLayout)
        && Objects.equals(ignoreFailedStreams, that.ignoreFailedStreams)
        && Objects.equals(mediaNode, that.mediaNode);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        name,
        hasAudio,
        hasVideo,
        outputMode,
        recordingLayout,
        resolution,
        frameRate,
        shmSize,
        customLayout,
        ignoreFailedStreams,
        mediaNode);
  }

  @Override
  public String toString() {
    return "RecordingProperties{name="
        + name
        + ", hasAudio="
        + hasAudio
        + ", hasVideo="
        + hasVideo
        + ", outputMode="
        + outputMode
        + ", recordingLayout="
        + recordingLayout
        + ", resolution="
        + resolution
        + ", frameRate="
        + frameRate
        + ", shmSize="
        + shmSize
        + ", customLayout="
        + customLayout
        + ", ignoreFailedStreams="
        + ignoreFailedStreams
        + ", mediaNode="
        + mediaNode
        + "}";
  }
}
