package io.openvidu.java.client.webhook;

import io.openvidu.java.client.internal.json.ResponseJson;

/**
 * The settings of an IP camera's stream, carried by the OUTBOUND WebRTC connection events of an IP
 * camera. Immutable and thread-safe.
 */
public final class IpCamera {

  private final String rtspUri;
  private final boolean adaptativeBitrate;
  private final int networkCache;
  private final boolean onlyPlayWithSubscribers;

  IpCamera(ResponseJson body) {
    this.rtspUri = body.requireText("rtspUri");
    this.adaptativeBitrate = body.requireBoolean("adaptativeBitrate");
    this.networkCache = body.requireInt("networkCache");
    this.onlyPlayWithSubscribers = body.requireBoolean("onlyPlayWithSubscribers");
  }

  /**
   * @return the camera's RTSP URI ({@code rtspUri})
   */
  public String rtspUri() {
    return rtspUri;
  }

  /**
   * @return whether the media server adapts the bitrate ({@code adaptativeBitrate})
   */
  public boolean adaptativeBitrate() {
    return adaptativeBitrate;
  }

  /**
   * @return the media server's buffer for the camera, in milliseconds ({@code networkCache})
   */
  public int networkCache() {
    return networkCache;
  }

  /**
   * @return whether the camera is only played while someone subscribes ({@code
   *     onlyPlayWithSubscribers})
   */
  public boolean onlyPlayWithSubscribers() {
    return onlyPlayWithSubscribers;
  }

  /** Leaves the RTSP URI out: it often carries the camera's user name and password. */
  @Override
  public String toString() {
    return "IpCamera{adaptativeBitrate="
        + adaptativeBitrate
        + ", networkCache="
        + networkCache
        + ", onlyPlayWithSubscribers="
        + onlyPlayWithSubscribers
        + "}";
  }
}
