package io.openvidu.java.client.webhook;

/**
 * What a stream's video comes from, the {@code videoSource} member of the WebRTC connection events.
 *
 * <p>Tolerates values this client does not know: they map to {@link #UNKNOWN_TO_SDK_VERSION}, and
 * the event's {@code ...AsString()} accessor keeps the text.
 */
public enum VideoSource {
  /** {@code CAMERA} */
  CAMERA("CAMERA"),
  /** {@code SCREEN} */
  SCREEN("SCREEN"),
  /** {@code CUSTOM} */
  CUSTOM("CUSTOM"),
  /** {@code IPCAM} */
  IPCAM("IPCAM"),
  /** A value this version of the client does not know; the event keeps its text. */
  UNKNOWN_TO_SDK_VERSION(null);

  private final String value;

  VideoSource(String value) {
    this.value = value;
  }

  /**
   * @param value the text OpenVidu sends
   * @return the constant whose text is {@code value}, or {@link #UNKNOWN_TO_SDK_VERSION}
   */
  public static VideoSource fromValue(String value) {
    for (VideoSource constant : values()) {
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
