package io.openvidu.java.client.webhook;

/**
 * The kind of node that crashed, the {@code nodeRole} member of {@code nodeCrashed}.
 *
 * <p>Tolerates values this client does not know: they map to {@link #UNKNOWN_TO_SDK_VERSION}, and
 * the event's {@code ...AsString()} accessor keeps the text.
 */
public enum NodeRole {
  /** {@code medianode} */
  MEDIANODE("medianode"),
  /** {@code masternode} */
  MASTERNODE("masternode"),
  /** A value this version of the client does not know; the event keeps its text. */
  UNKNOWN_TO_SDK_VERSION(null);

  private final String value;

  NodeRole(String value) {
    this.value = value;
  }

  /**
   * @param value the text OpenVidu sends
   * @return the constant whose text is {@code value}, or {@link #UNKNOWN_TO_SDK_VERSION}
   */
  public static NodeRole fromValue(String value) {
    for (NodeRole constant : values()) {
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
