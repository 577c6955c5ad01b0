package io.openvidu.java.client.webhook;

/**
 * The status a recording reached, the {@code status} member of {@code recordingStatusChanged}
 * (never {@code starting}: OpenVidu posts no event for it).
 *
 * <p>Tolerates values this client does not know: they map to {@link #UNKNOWN_TO_SDK_VERSION}, and
 * the event's {@code ...AsString()} accessor keeps the text.
 */
public enum RecordingStatus {
  /** {@code started} */
  STARTED("started"),
  /** {@code stopped} */
  STOPPED("stopped"),
  /** {@code ready} */
  READY("ready"),
  /** {@code failed} */
  FAILED("failed"),
  /** A value this version of the client does not know; the event keeps its text. */
  UNKNOWN_TO_SDK_VERSION(null);

  private final String value;

  RecordingStatus(String value) {
    this.value = value;
  }

  /**
   * @param value the text OpenVidu sends
   * @return the constant whose text is {@code value}, or {@link #UNKNOWN_TO_SDK_VERSION}
   */
  public static RecordingStatus fromValue(String value) {
    for (RecordingStatus constant : values()) {
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
