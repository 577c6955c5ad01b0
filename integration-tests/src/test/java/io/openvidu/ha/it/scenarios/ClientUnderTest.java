package io.openvidu.ha.it.scenarios;

/**
 * Which {@code io.openvidu.java.client} is on the class path at run time: the scenarios are
 * compiled against ours and run against either, in two surefire executions of this module (see
 * {@link ForClient}).
 */
public enum ClientUnderTest {
  /** {@code io.openvidu.ha:openvidu-java-client}, this project's SDK. */
  OURS,
  /** {@code io.openvidu:openvidu-java-client:2.20.0}, the official client. */
  OFFICIAL;

  /** The client whose classes were loaded; {@code OpenVidu.Builder} exists in ours only. */
  public static ClientUnderTest onClassPath() {
    try {
      Class.forName(
          "io.openvidu.java.client.OpenVidu$Builder",
          false,
          ClientUnderTest.class.getClassLoader());
      return OURS;
    } catch (ClassNotFoundException e) {
      return OFFICIAL;
    }
  }
}
