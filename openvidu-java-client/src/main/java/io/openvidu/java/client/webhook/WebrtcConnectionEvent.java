package io.openvidu.java.client.webhook;

import io.openvidu.java.client.internal.json.ResponseJson;
import java.util.Optional;

/**
 * An event about one WebRTC media connection: a participant publishing a stream (OUTBOUND) or
 * receiving one (INBOUND). The media members describe the published stream as it was when it was
 * published. Immutable and thread-safe.
 */
public abstract class WebrtcConnectionEvent extends SessionEvent {

  private final String streamId;
  private final String connectionId;
  private final String direction;
  private final String receivingFrom;
  private final String videoSource;
  private final Integer videoFramerate;
  private final String videoDimensions;
  private final boolean audioEnabled;
  private final boolean videoEnabled;
  private final IpCamera ipCamera;

  WebrtcConnectionEvent(ResponseJson body, String json) {
    super(body, json);
    this.streamId = body.requireText("streamId");
    this.connectionId = body.requireText("connectionId");
    this.direction = body.requireText("connection");
    this.receivingFrom = body.optionalText("receivingFrom");
    this.videoSource = body.optionalText("videoSource");
    this.videoFramerate = body.optionalInt("videoFramerate");
    this.videoDimensions = body.optionalText("videoDimensions");
    this.audioEnabled = body.requireBoolean("audioEnabled");
    this.videoEnabled = body.requireBoolean("videoEnabled");
    this.ipCamera = body.has("rtspUri") ? new IpCamera(body) : null;
  }

  /**
   * @return the published stream's id; for INBOUND, the stream being received ({@code streamId})
   */
  public String streamId() {
    return streamId;
  }

  /**
   * @return the publishing (OUTBOUND) or receiving (INBOUND) participant's connection id ({@code
   *     connectionId})
   */
  public String connectionId() {
    return connectionId;
  }

  /**
   * @return whether the participant publishes (OUTBOUND) or receives (INBOUND) ({@code connection})
   */
  public WebrtcDirection direction() {
    return WebrtcDirection.fromValue(direction);
  }

  /**
   * @return the {@code connection} member's text, also when {@link #direction()} does not know it
   */
  public String directionAsString() {
    return direction;
  }

  /**
   * @return for INBOUND, the publisher's connection id; empty for OUTBOUND ({@code receivingFrom})
   */
  public Optional<String> receivingFrom() {
    return Optional.ofNullable(receivingFrom);
  }

  /**
   * @return what the video comes from; empty when the stream has no video ({@code videoSource})
   */
  public Optional<VideoSource> videoSource() {
    return videoSource == null
        ? Optional.<VideoSource>empty()
        : Optional.of(VideoSource.fromValue(videoSource));
  }

  /**
   * @return the {@code videoSource} member's text, also when {@link #videoSource()} does not know
   *     it
   */
  public Optional<String> videoSourceAsString() {
    return Optional.ofNullable(videoSource);
  }

  /**
   * @return the frame rate the publisher declared ({@code -1} when the application set none); empty
   *     when the stream has no video or the value is {@code null} ({@code videoFramerate})
   */
  public Optional<Integer> videoFramerate() {
    return Optional.ofNullable(videoFramerate);
  }

  /**
   * @return the dimensions the publisher declared, as OpenVidu sends them: a JSON text such as
   *     {@code {"width":1280,"height":720}}; empty when the stream has no video ({@code
   *     videoDimensions})
   */
  public Optional<String> videoDimensions() {
    return Optional.ofNullable(videoDimensions);
  }

  /**
   * @return whether the stream has audio ({@code audioEnabled})
   */
  public boolean audioEnabled() {
    return audioEnabled;
  }

  /**
   * @return whether the stream has video ({@code videoEnabled})
   */
  public boolean videoEnabled() {
    return videoEnabled;
  }

  /**
   * @return the IP camera's settings, for the OUTBOUND connection of an IP camera; empty otherwise
   */
  public Optional<IpCamera> ipCamera() {
    return Optional.ofNullable(ipCamera);
  }
}
