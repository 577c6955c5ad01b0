package io.openvidu.java.client;

import io.openvidu.java.client.internal.json.PublisherDocument;

/**
 * A stream that a {@link Connection} publishes, as last reported by the server.
 *
 * <p>Immutable and thread-safe: a refresh ({@link Session#fetch()}) replaces a connection's
 * publishers with new objects rather than changing these.
 */
public class Publisher {

  private final transient PublisherDocument document;

  // The official client's fields, under its names and in its order: what an application's Gson
  // writes when it serializes a publisher (it reads fields, not getters).
  private final String streamId;
  private final long createdAt;
  private final boolean hasVideo;
  private final boolean hasAudio;
  private final Boolean audioActive;
  private final Boolean videoActive;
  private final Integer frameRate;
  private final String typeOfVideo;
  private final String videoDimensions;

  Publisher(PublisherDocument document) {
    this.document = document;
    this.streamId = document.streamId();
    this.createdAt = document.createdAt();
    this.hasVideo = document.hasVideo();
    this.hasAudio = document.hasAudio();
    this.audioActive = document.audioActive();
    this.videoActive = document.videoActive();
    this.frameRate = document.frameRate();
    this.typeOfVideo = document.typeOfVideo();
    this.videoDimensions = document.videoDimensions();
  }

  /**
   * @return the stream id, e.g. {@code str_CAM_NhxL_con_Xnxg19tonh}; what {@link
   *     Session#forceUnpublish(String)} takes
   */
  public String getStreamId() {
    return document.streamId();
  }

  /**
   * @return when publishing started, in UTC milliseconds
   */
  public long createdAt() {
    return document.createdAt();
  }

  /**
   * @return whether the stream has a video track
   */
  public boolean hasVideo() {
    return document.hasVideo();
  }

  /**
   * @return whether the stream has an audio track
   */
  public boolean hasAudio() {
    return document.hasAudio();
  }

  /**
   * @return whether the audio is unmuted, or {@code null} when the stream has no audio
   */
  public Boolean isAudioActive() {
    return document.audioActive();
  }

  /**
   * @return whether the video is enabled, or {@code null} when the stream has no video
   */
  public Boolean isVideoActive() {
    return document.videoActive();
  }

  /**
   * @return the frame rate the publisher declared ({@code -1} when it declared none), or {@code
   *     null} when the stream has no video
   */
  public Integer getFrameRate() {
    return document.frameRate();
  }

  /**
   * @return {@code CAMERA}, {@code SCREEN}, {@code CUSTOM} or {@code IPCAM}; {@code null} without
   *     video
   */
  public String getTypeOfVideo() {
    return document.typeOfVideo();
  }

  /**
   * @return the video size as a JSON string such as {@code {"width":640,"height":480}}, or {@code
   *     null}
   */
  public String getVideoDimensions() {
    return document.videoDimensions();
  }

  @Override
  public String toString() {
    return document.toString();
  }
}
