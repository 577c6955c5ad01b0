package io.openvidu.java.client.internal.json;

import io.openvidu.java.client.Recording;
import io.openvidu.java.client.RecordingLayout;
import java.util.Objects;

/**
 * A recording as the server described it (REST Recording object). Immutable and thread-safe.
 *
 * <p>Members the server leaves out get the client's defaults: no name means the recording id, audio
 * and video default to present, the output mode to COMPOSED; layout, resolution and frame rate are
 * read only for composed recordings.
 */
public final class RecordingDocument {

  private final String id;
  private final String sessionId;
  private final Recording.Status status;
  private final long createdAt;
  private final long size;
  private final double duration;
  private final String url;
  private final String name;
  private final boolean hasAudio;
  private final boolean hasVideo;
  private final Recording.OutputMode outputMode;
  private final RecordingLayout recordingLayout;
  private final String resolution;
  private final Integer frameRate;
  private final String customLayout;
  private final boolean ignoreFailedStreams;
  private final String mediaNode;

  private RecordingDocument(ResponseJson json) {
    this.id = json.requireText("id");
    this.sessionId = json.requireText("sessionId");
    this.status = json.requireEnum("status", Recording.Status.class);
    this.createdAt = json.requireLong("createdAt");
    this.size = json.requireLong("size");
    this.duration = json.requireDouble("duration");
    this.url = json.optionalText("url");
    String givenName = json.optionalText("name");
    this.name = givenName != null ? givenName : id;
    this.hasAudio = orTrue(json.optionalBoolean("hasAudio"));
    this.hasVideo = orTrue(json.optionalBoolean("hasVideo"));
    Recording.OutputMode mode = json.optionalEnum("outputMode", Recording.OutputMode.class);
    this.outputMode = mode != null ? mode : Recording.OutputMode.COMPOSED;
    boolean composed = outputMode != Recording.OutputMode.INDIVIDUAL;
    this.recordingLayout =
        composed ? json.optionalEnum("recordingLayout", RecordingLayout.class) : null;
    this.resolution = composed ? json.optionalText("resolution") : null;
    this.frameRate = composed ? json.optionalInt("frameRate") : null;
    this.customLayout = json.optionalText("customLayout");
    Boolean ignore = json.optionalBoolean("ignoreFailedStreams");
    this.ignoreFailedStreams = ignore != null && ignore;
    // Pro/Enterprise name the media node whatever the output mode; the official client keeps it.
    ResponseJson node = json.isObject("mediaNode") ? json.optionalObject("mediaNode") : null;
    this.mediaNode = node != null ? node.optionalText("id") : json.optionalText("mediaNode");
  }

  private static boolean orTrue(Boolean value) {
    return value == null || value;
  }

  /**
   * @throws MalformedResponseException when a member the client needs ({@code id}, {@code
   *     sessionId}, {@code status}, {@code createdAt}, {@code size}, {@code duration}) is missing
   *     or any member has the wrong type or an unknown value
   */
  public static RecordingDocument parse(ResponseJson json) {
    return new RecordingDocument(json);
  }

  public String id() {
    return id;
  }

  public String sessionId() {
    return sessionId;
  }

  public Recording.Status status() {
    return status;
  }

  public long createdAt() {
    return createdAt;
  }

  public long size() {
    return size;
  }

  public double duration() {
    return duration;
  }

  public String url() {
    return url;
  }

  public String name() {
    return name;
  }

  public boolean hasAudio() {
    return hasAudio;
  }

  public boolean hasVideo() {
    return hasVideo;
  }

  public Recording.OutputMode outputMode() {
    return outputMode;
  }

  public RecordingLayout recordingLayout() {
    return recordingLayout;
  }

  public String resolution() {
    return resolution;
  }

  public Integer frameRate() {
    return frameRate;
  }

  public String customLayout() {
    return customLayout;
  }

  /**
   * @return the id of the media node that hosts the recording, or null when the answer names none
   */
  public String mediaNode() {
    return mediaNode;
  }

  public boolean ignoreFailedStreams() {
    return ignoreFailedStreams;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RecordingDocument)) {
      return false;
    }
    RecordingDocument that = (RecordingDocument) o;
    return createdAt == that.createdAt
        && size == that.size
        && Double.compare(duration, that.duration) == 0
        && hasAudio == that.hasAudio
        && hasVideo == that.hasVideo
        && ignoreFailedStreams == that.ignoreFailedStreams
        && id.equals(that.id)
        && sessionId.equals(that.sessionId)
        && status == that.status
        && Objects.equals(url, that.url)
        && name.equals(that.name)
        && outputMode == that.outputMode
        && recordingLayout == that.recordingLayout
        && Objects.equals(resolution, that.resolution)
        && Objects.equals(frameRate, that.frameRate)
        && Objects.equals(customLayout, that.customLayout)
        && Objects.equals(mediaNode, that.mediaNode);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        id,
        sessionId,
        status,
        createdAt,
        size,
        duration,
        url,
        name,
        hasAudio,
        hasVideo,
        outputMode,
        recordingLayout,
        resolution,
        frameRate,
        customLayout,
        ignoreFailedStreams,
        mediaNode);
  }

  @Override
  public String toString() {
    return "Recording{id="
        + id
        + ", sessionId="
        + sessionId
        + ", status="
        + status
        + ", outputMode="
        + outputMode
        + ", name="
        + name
        + ", createdAt="
        + createdAt
        + ", size="
        + size
        + ", duration="
        + duration
        + ", url="
        + url
        + "}";
  }
}
