package io.openvidu.java.client.internal.transport.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The ejection state machine of one endpoint, on a clock the test sets. */
class EndpointHealthTest {

  private static final long SECOND = Duration.ofSeconds(1).toNanos();

  private final EndpointHealth health = new EndpointHealth();

  @Test
  void aHealthyEndpointAdmitsEveryCall() {
    assertThat(health.admit(0)).isNotNull();
    assertThat(health.admit(0)).isNotNull();
  }

  @Test
  void failuresOfAttemptsAdmittedBeforeAnEjectionDoNotLengthenIt() {
    EndpointHealth.Ticket a = health.admit(0);
    EndpointHealth.Ticket b = health.admit(0);
    EndpointHealth.Ticket c = health.admit(0);

    EndpointHealth.Ejection first = health.failed(a, 0, -1);
    EndpointHealth.Ejection second = health.failed(b, 0, -1);
    EndpointHealth.Ejection third = health.failed(c, 0, -1);

    assertThat(first.period).isEqualTo(Duration.ofSeconds(1));
    assertThat(second).isNull();
    assertThat(third).isNull();
  }

  @Test
  void onlyOneCallProbesAnEndpointWhoseEjectionEnded() {
    health.failed(health.admit(0), 0, -1);

    EndpointHealth.Ticket probe = health.admit(SECOND);
    EndpointHealth.Ticket other = health.admit(SECOND);

    assertThat(probe.isProbe()).isTrue();
    assertThat(other).isNull();
  }

  @Test
  void anAnsweredProbeRestoresTheEndpoint() {
    health.failed(health.admit(0), 0, -1);

    boolean restored = health.succeeded(health.admit(SECOND));

    assertThat(restored).isTrue();
    assertThat(health.admit(SECOND).isProbe()).isFalse();
  }

  @Test
  void anAnsweredProbeKeepsTheFailureCountUntilACallIsAnswered() {
    health.failed(health.admit(0), 0, -1);
    health.succeeded(health.admit(SECOND));

    EndpointHealth.Ejection again = health.failed(health.admit(SECOND), SECOND, -1);

    assertThat(again.period).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void anAnsweredCallResetsTheFailureCount() {
    health.failed(health.admit(0), 0, -1);
    health.succeeded(health.force());

    EndpointHealth.Ejection again = health.failed(health.admit(0), 0, -1);

    assertThat(again.period).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aRetryAfterLongerThanTheEjectionPeriodExtendsIt() {
    EndpointHealth.Ejection ejection = health.failed(health.admit(0), 0, 5 * SECOND);

    assertThat(ejection.period).isEqualTo(Duration.ofSeconds(5));
    assertThat(health.admit(4 * SECOND)).isNull();
    assertThat(health.notBefore(0)).isEqualTo(5 * SECOND);
  }
}
