package io.openvidu.java.client;

import java.util.Objects;

/**
 * How to create a session with {@link OpenVidu#createSession(SessionProperties)}; also what {@link
 * Session#getProperties()} reports about an existing one.
 *
 * <p>Defaults: {@link MediaMode#ROUTED}, {@link RecordingMode#MANUAL}, default recording properties
 * of {@link RecordingProperties.Builder}, no custom session id ({@code ""}), no media node, {@link
 * VideoCodec#VP8}, no transcoding. Like the official client, every member is sent explicitly, so
 * the server's configured codec defaults never apply to sessions created through this client.
 *
 * <p>Immutable and thread-safe.
 */
public class SessionProperties {

  private final MediaMode mediaMode;
  private final RecordingMode recordingMode;
  private final RecordingProperties defaultRecordingProperties;
  private final String customSessionId;
  private final String mediaNode;
  private final VideoCodec forcedVideoCodec;
  private final Boolean allowTranscoding;

  /** Builds {@link SessionProperties}. Not thread-safe. */
  public static class Builder {

    private MediaMode mediaMode = MediaMode.ROUTED;
    private RecordingMode recordingMode = RecordingMode.MANUAL;
    private RecordingProperties defaultRecordingProperties =
        new RecordingProperties.Builder().build();
    private String customSessionId = "";
    private String mediaNode;
    private VideoCodec forcedVideoCodec = VideoCodec.VP8;
    private Boolean allowTranscoding = false;

    /** A builder with the defaults. */
    public Builder() {}

    /**
     * @return the properties set so far
     */
    public SessionProperties build() {
      return new SessionProperties(this);
    }

    /**
     * @param mediaMode how media travels
     * @return this builder
     */
    public Builder mediaMode(MediaMode mediaMode) {
      this.mediaMode = mediaMode;
      return this;
    }

    /**
     * @param recordingMode when the session is recorded
     * @return this builder
     */
    public Builder recordingMode(RecordingMode recordingMode) {
      this.recordingMode = recordingMode;
      return this;
    }

    /**
     * @param defaultRecordingProperties what automatic recordings use, and what a recording started
     *     without properties would use on the server
     * @return this builder
     */
    public Builder defaultRecordingProperties(RecordingProperties defaultRecordingProperties) {
      this.defaultRecordingProperties = defaultRecordingProperties;
      return this;
    }

    /**
     * @param customSessionId the session id to use, matching {@code [a-zA-Z0-9_-]+}; {@code ""} or
     *     {@code null} lets the client choose one in OpenVidu's format
     * @return this builder
     */
    public Builder customSessionId(String customSessionId) {
      this.customSessionId = customSessionId;
      return this;
    }

    /**
     * @param mediaNode id of the media node to host the session (OpenVidu Pro/Enterprise)
     * @return this builder
     */
    public Builder mediaNode(String mediaNode) {
      this.mediaNode = mediaNode;
      return this;
    }

    /**
     * @param forcedVideoCodec the codec every publisher must use
     * @return this builder
     */
    public Builder forcedVideoCodec(VideoCodec forcedVideoCodec) {
      this.forcedVideoCodec = forcedVideoCodec;
      return this;
    }

    /**
     * @param allowTranscoding whether the media server may transcode streams that do not use the
     *     forced codec
     * @return this builder
     */
    public Builder allowTranscoding(Boolean allowTranscoding) {
      this.allowTranscoding = allowTranscoding;
      return this;
    }
  }

  private SessionProperties(Builder builder) {
    this.mediaMode = builder.mediaMode;
    this.recordingMode = builder.recordingMode;
    this.defaultRecordingProperties = builder.defaultRecordingProperties;
    this.customSessionId = builder.customSessionId;
    this.mediaNode = builder.mediaNode;
    this.forcedVideoCodec = builder.forcedVideoCodec;
    this.allowTranscoding = builder.allowTranscoding;
  }

  /**
   * @return how media travels
   */
  public MediaMode mediaMode() {
    return mediaMode;
  }

  /**
   * @return when the session is recorded
   */
  public RecordingMode recordingMode() {
    return recordingMode;
  }

  /**
   * @return the session's default recording properties
   */
  public RecordingProperties defaultRecordingProperties() {
    return defaultRecordingProperties;
  }

  /**
   * @return the session id the caller asked for; {@code ""} or {@code null} when the caller let the
   *     client choose (the chosen id is {@link Session#getSessionId()})
   */
  public String customSessionId() {
    return customSessionId;
  }

  /**
   * @return the media node id, or {@code null} when not set
   */
  public String mediaNode() {
    return mediaNode;
  }

  /**
   * @return the forced video codec
   */
  public VideoCodec forcedVideoCodec() {
    return forcedVideoCodec;
  }

  /**
   * @return whether transcoding is allowed
   */
  public Boolean isTranscodingAllowed() {
    return allowTranscoding;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SessionProperties)) {
      return false;
    }
    SessionProperties that = (SessionProperties) o;
    return mediaMode == that.mediaMode
        && recordingMode == that.recordingMode
        && Objects.equals(defaultRecordingProperties, that.defaultRecordingProperties)
        && Objects.equals(customSessionId, that.customSessionId)
        && Objects.equals(mediaNode, that.mediaNode)
        && forcedVideoCodec == that.forcedVideoCodec
        && Objects.equals(allowTranscoding, that.allowTranscoding);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        mediaMode,
        recordingMode,
        defaultRecordingProperties,
        customSessionId,
        mediaNode,
        forcedVideoCodec,
        allowTranscoding);
  }

  @Override
  public String toString() {
    return "SessionProperties{mediaMode="
        + mediaMode
        + ", recordingMode="
        + recordingMode
        + ", defaultRecordingProperties="
        + defaultRecordingProperties
        + ", customSessionId="
        + customSessionId
        + ", mediaNode="
        + mediaNode
        + ", forcedVideoCodec="
        + forcedVideoCodec
        + ", allowTranscoding="
        + allowTranscoding
        + "}";
  }
}
