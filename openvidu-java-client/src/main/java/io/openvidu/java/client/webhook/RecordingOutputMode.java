package io.openvidu.java.client.webhook;

/**
 * How a recording is made, the {@code outputMode} member of {@code recordingStatusChanged}.
 *
 * <p>Tolerates values this client does not know: they map to {@link #UNKNOWN_TO_SDK_VERSION}, and
 * the event's {@code ...AsString()} accessor keeps the text.
 */
public enum RecordingOutputMode {
  /** {@code COMPOSED} */
  COMPOSED("COMPOSED"),
  /** {@code COMPOSED_QUICK_START} */
  COMPOSED_QUICK_START("COMPOSED_QUICK_START"),
  /** {@code INDIVIDUAL} */
  INDIVIDUAL("INDIVIDUAL"),
  /** A value this version of the client does not know; the event keeps its text. */
  UNKNOWN_TO_SDK_VERSION(null);

  private final String value;

  RecordingOutputMode(String value) {
    this.value = value;
  }

  /**
   * @param value the text OpenVidu sends
   * @return the constant whose text is {@code value}, or {@link #UNKNOWN_TO_SDK_VERSION}
   */
  public static RecordingOutputMode fromValue(String value) {
    for (RecordingOutputMode constant : values()) {
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
