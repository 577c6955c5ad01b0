package io.openvidu.java.client.webhook;

/**
 * A media node's status, the {@code newStatus} and {@code oldStatus} members of {@code
 * mediaNodeStatusChanged} and the {@code status} of the nodes of {@code autoscaling}.
 *
 * <p>Tolerates values this client does not know: they map to {@link #UNKNOWN_TO_SDK_VERSION}, and
 * the event's {@code ...AsString()} accessor keeps the text.
 */
public enum MediaNodeStatus {
  /** {@code launching} */
  LAUNCHING("launching"),
  /** {@code canceled} */
  CANCELED("canceled"),
  /** {@code failed} */
  FAILED("failed"),
  /** {@code running} */
  RUNNING("running"),
  /** {@code waiting-idle-to-terminate} */
  WAITING_IDLE_TO_TERMINATE("waiting-idle-to-terminate"),
  /** {@code terminating} */
  TERMINATING("terminating"),
  /** {@code terminated} */
  TERMINATED("terminated"),
  /** A value this version of the client does not know; the event keeps its text. */
  UNKNOWN_TO_SDK_VERSION(null);

  private final String value;

  MediaNodeStatus(String value) {
    this.value = value;
  }

  /**
   * @param value the text OpenVidu sends
   * @return the constant whose text is {@code value}, or {@link #UNKNOWN_TO_SDK_VERSION}
   */
  public static MediaNodeStatus fromValue(String value) {
    for (MediaNodeStatus constant : values()) {
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
