package io.openvidu.java.client.webhook;

/**
 * Why something ended: the {@code reason} member of {@code sessionDestroyed}, {@code
 * participantLeft}, {@code webrtcConnectionDestroyed} and {@code recordingStatusChanged} (OpenVidu
 * 2.20's reasons; which reason can appear in which event is listed in the README).
 *
 * <p>Tolerates values this client does not know: they map to {@link #UNKNOWN_TO_SDK_VERSION}, and
 * the event's {@code ...AsString()} accessor keeps the text.
 */
public enum EndReason {
  /** {@code disconnect} */
  DISCONNECT("disconnect"),
  /** {@code forceDisconnectByUser} */
  FORCE_DISCONNECT_BY_USER("forceDisconnectByUser"),
  /** {@code forceDisconnectByServer} */
  FORCE_DISCONNECT_BY_SERVER("forceDisconnectByServer"),
  /** {@code networkDisconnect} */
  NETWORK_DISCONNECT("networkDisconnect"),
  /** {@code unsubscribe} */
  UNSUBSCRIBE("unsubscribe"),
  /** {@code unpublish} */
  UNPUBLISH("unpublish"),
  /** {@code forceUnpublishByUser} */
  FORCE_UNPUBLISH_BY_USER("forceUnpublishByUser"),
  /** {@code forceUnpublishByServer} */
  FORCE_UNPUBLISH_BY_SERVER("forceUnpublishByServer"),
  /** {@code sessionClosedByServer} */
  SESSION_CLOSED_BY_SERVER("sessionClosedByServer"),
  /** {@code lastParticipantLeft} */
  LAST_PARTICIPANT_LEFT("lastParticipantLeft"),
  /** {@code recordingStoppedByServer} */
  RECORDING_STOPPED_BY_SERVER("recordingStoppedByServer"),
  /** {@code automaticStop} */
  AUTOMATIC_STOP("automaticStop"),
  /** {@code mediaServerDisconnect} */
  MEDIA_SERVER_DISCONNECT("mediaServerDisconnect"),
  /** {@code mediaServerReconnect} */
  MEDIA_SERVER_RECONNECT("mediaServerReconnect"),
  /** {@code nodeCrashed} */
  NODE_CRASHED("nodeCrashed"),
  /** {@code openviduServerStopped} */
  OPENVIDU_SERVER_STOPPED("openviduServerStopped"),
  /** A value this version of the client does not know; the event keeps its text. */
  UNKNOWN_TO_SDK_VERSION(null);

  private final String value;

  EndReason(String value) {
    this.value = value;
  }

  /**
   * @param value the text OpenVidu sends
   * @return the constant whose text is {@code value}, or {@link #UNKNOWN_TO_SDK_VERSION}
   */
  public static EndReason fromValue(String value) {
    for (EndReason constant : values()) {
      if (constant.value != null && constant.value.equals(value)) {
        return constant;
      }
    }
    return UNKNOWN_TO_SDK_VERSION;
  }

  /**
   * @return the text OpenVidu sends for this constant; the constant's name for {@link
   *     #UNKNOWN_TO_SDK_VERSION}
   */
  @Override
  public String toString() {
    return value == null ? name() : value;
  }
}
