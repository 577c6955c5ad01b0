package io.openvidu.java.client.webhook;

import io.openvidu.java.client.internal.json.ResponseJson;
import java.util.Optional;

/**
 * {@code recordingStatusChanged}: a recording reached {@code started}, {@code stopped}, {@code
 * ready} or {@code failed}. For {@code started} the {@link #timestamp()} equals {@link
 * #startTime()}; for the others it is the time of the transition. Immutable and thread-safe.
 */
public final class RecordingStatusChangedEvent extends SessionEvent {

  /** The event's name, the value of its {@code event} member. */
  public static final String NAME = "recordingStatusChanged";

  private final Ending ending;
  private final double duration;
  private final String id;
  private final String recordingName;
  private final String outputMode;
  private final String resolution;
  private final Integer frameRate;
  private final String recordingLayout;
  private final String customLayout;
  private final String mediaNodeId;
  private final boolean hasAudio;
  private final boolean hasVideo;
  private final long size;
  private final String status;

  RecordingStatusChangedEvent(ResponseJson body, String json) {
    super(body, json);
    this.ending = new Ending(body);
    this.duration = body.requireDouble("duration");
    this.id = body.requireText("id");
    this.recordingName = body.requireText("name");
    this.outputMode = body.requireText("outputMode");
    this.resolution = body.optionalText("resolution");
    this.frameRate = body.optionalInt("frameRate");
    this.recordingLayout = body.optionalText("recordingLayout");
    this.customLayout = body.optionalText("customLayout");
    this.mediaNodeId = body.optionalText("media_node_id");
    this.hasAudio = body.requireBoolean("hasAudio");
    this.hasVideo = body.requireBoolean("hasVideo");
    this.size = body.requireLong("size");
    this.status = body.requireText("status");
  }

  /**
   * @return the status the recording reached ({@code status})
   */
  public RecordingStatus status() {
    return RecordingStatus.fromValue(status);
  }

  /**
   * @return the {@code status} member's text, also when {@link #status()} does not know it
   */
  public String statusAsString() {
    return status;
  }

  /**
   * @return the recording's id ({@code id})
   */
  public String id() {
    return id;
  }

  /**
   * @return the recording's name ({@code name}; not the event's {@link #name()})
   */
  public String recordingName() {
    return recordingName;
  }

  /**
   * @return when the recording was created, UTC milliseconds ({@code startTime})
   */
  public long startTime() {
    return ending.startTime;
  }

  /**
   * @return the recording's duration in seconds, fractional: {@code 0} for {@code started} and
   *     {@code stopped}, the final value for {@code ready} ({@code duration})
   */
  public double duration() {
    return duration;
  }

  /**
   * @return why the recording stopped; empty for {@code started} ({@code reason})
   */
  public Optional<EndReason> reason() {
    return ending.reason();
  }

  /**
   * @return the {@code reason} member's text, also when {@link #reason()} does not know it
   */
  public Optional<String> reasonAsString() {
    return ending.reasonAsString();
  }

  /**
   * @return how the recording is made ({@code outputMode})
   */
  public RecordingOutputMode outputMode() {
    return RecordingOutputMode.fromValue(outputMode);
  }

  /**
   * @return the {@code outputMode} member's text, also when {@link #outputMode()} does not know it
   */
  public String outputModeAsString() {
    return outputMode;
  }

  /**
   * @return the video's resolution, such as {@code 1280x720}; only for a composed recording with
   *     video ({@code resolution})
   */
  public Optional<String> resolution() {
    return Optional.ofNullable(resolution);
  }

  /**
   * @return the video's frame rate; only for a composed recording with video ({@code frameRate})
   */
  public Optional<Integer> frameRate() {
    return Optional.ofNullable(frameRate);
  }

  /**
   * @return the layout's name, such as {@code BEST_FIT}; only for a composed recording with video
   *     ({@code recordingLayout})
   */
  public Optional<String> recordingLayout() {
    return Optional.ofNullable(recordingLayout);
  }

  /**
   * @return the custom layout's path; only for a composed recording with video and a custom layout
   *     ({@code customLayout})
   */
  public Optional<String> customLayout() {
    return Optional.ofNullable(customLayout);
  }

  /**
   * @return the media node that records; only for a composed recording with video on a known node
   *     ({@code media_node_id})
   */
  public Optional<String> mediaNodeId() {
    return Optional.ofNullable(mediaNodeId);
  }

  /**
   * @return whether the recording has audio ({@code hasAudio})
   */
  public boolean hasAudio() {
    return hasAudio;
  }

  /**
   * @return whether the recording has video ({@code hasVideo})
   */
  public boolean hasVideo() {
    return hasVideo;
  }

  /**
   * @return the recording's size in bytes; {@code 0} until {@code ready} ({@code size})
   */
  public long size() {
    return size;
  }
}
