package io.openvidu.ha.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Which {@code io.openvidu.java.client} is on the class path at run time: the scenarios are compiled against ours and
 * run against either, in two surefire executions of this module that each name their client in the system property
 * {@code it.client} (see the pom).
 */
public enum ClientUnderTest {
  /** {@code io.openvidu.ha:openvidu-java-client}, this project's SDK. */
  OURS,
  /** {@code io.openvidu:openvidu-java-client:2.20.0}, the official client. */
  OFFICIAL;

  /** The client whose classes were loaded; {@code OpenVidu.Builder} exists in ours only. */
  public static ClientUnderTest onClassPath() {
    try {
      Class.forName("io.openvidu.java.client.OpenVidu$Builder", false, ClientUnderTest.class.getClassLoader());
      return OURS;
    } catch (ClassNotFoundException e) {
      return OFFICIAL;
    }
  }

  /**
   * For a test class written for this client: skips it in the execution meant for the other client (a
   * {@code -Dtest=...} filter runs both executions), and fails when this execution's class path does not hold the
   * client it names, so that a broken pom cannot run the same client twice unnoticed.
   */
  public void requireForThisExecution() {
    String execution = System.getProperty("it.client", OURS.name());
    assumeTrue(name().equals(execution), () -> "this surefire execution runs the " + execution + " client");
    assertThat(onClassPath()).as("the client on the class path of the %s execution", execution).isEqualTo(this);
  }
}
