package io.openvidu.java.client.internal.json;

import java.util.Objects;

/**
 * A stream published by a connection, as the server described it (an element of a connection's
 * {@code publishers}). Immutable and thread-safe.
 */
public final class PublisherDocument {

  private final String streamId;
  private final long createdAt;
  private final boolean hasAudio;
  private final boolean hasVideo;
  private final Boolean audioActive;
  private final Boolean videoActive;
  private final Integer frameRate;
  private final String typeOfVideo;
  private final String videoDimensions;

  private PublisherDocument(ResponseJson json) {
    this.streamId = json.requireText("streamId");
    this.createdAt = json.requireLong("createdAt");
    ResponseJson media = json.optionalObject("mediaOptions");
    if (media == null) {
      this.hasAudio = false;
      this.hasVideo = false;
      this.audioActive = null;
      this.videoActive = null;
      this.frameRate = null;
      this.typeOfVideo = null;
      this.videoDimensions = null;
    } else {
      this.hasAudio = media.requireBoolean("hasAudio");
      this.hasVideo = media.requireBoolean("hasVideo");
      this.audioActive = media.optionalBoolean("audioActive");
      this.videoActive = media.optionalBoolean("videoActive");
      this.frameRate = media.optionalInt("frameRate");
      this.typeOfVideo = media.optionalText("typeOfVideo");
      this.videoDimensions = media.optionalText("videoDimensions");
    }
  }

  /**
   * @throws MalformedResponseException when {@code streamId} or {@code createdAt} is missing, or
   *     {@code mediaOptions} lacks {@code hasAudio}/{@code hasVideo}
   */
  public static PublisherDocument parse(ResponseJson json) {
    return new PublisherDocument(json);
  }

  public String streamId() {
    return streamId;
  }

  public long createdAt() {
    return createdAt;
  }

  public boolean hasAudio() {
    return hasAudio;
  }

  public boolean hasVideo() {
    return hasVideo;
  }

  public Boolean audioActive() {
    return audioActive;
  }

  public Boolean videoActive() {
    return videoActive;
  }

  public Integer frameRate() {
    return frameRate;
  }

  public String typeOfVideo() {
    return typeOfVideo;
  }

  public String videoDimensions() {
    return videoDimensions;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PublisherDocument)) {
      return false;
    }
    PublisherDocument that = (PublisherDocument) o;
    return createdAt == that.createdAt
        && hasAudio == that.hasAudio
        && hasVideo == that.hasVideo
        && streamId.equals(that.streamId)
        && Objects.equals(audioActive, that.audioActive)
        && Objects.equals(videoActive, that.videoActive)
        && Objects.equals(frameRate, that.frameRate)
        && Objects.equals(typeOfVideo, that.typeOfVideo)
        && Objects.equals(videoDimensions, that.videoDimensions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        streamId,
        createdAt,
        hasAudio,
        hasVideo,
        audioActive,
        videoActive,
        frameRate,
        typeOfVideo,
        videoDimensions);
  }

  @Override
  public String toString() {
    return "Publisher{streamId="
        + streamId
        + ", createdAt="
        + createdAt
        + ", hasAudio="
        + hasAudio
        + ", hasVideo="
        + hasVideo
        + ", audioActive="
        + audioActive
        + ", videoActive="
        + videoActive
        + ", frameRate="
        + frameRate
        + ", typeOfVideo="
        + typeOfVideo
        + ", videoDimensions="
        + videoDimensions
        + "}";
  }
}
