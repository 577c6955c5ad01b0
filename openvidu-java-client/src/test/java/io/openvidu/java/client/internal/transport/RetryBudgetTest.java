package io.openvidu.java.client.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.openvidu.java.client.OpenViduJavaClientException;
import io.openvidu.java.client.internal.transport.policy.RetryBudget;
import io.openvidu.java.client.transport.RetryPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The retry budget stops a dead cluster from being hammered, and refills as calls are answered. */
class RetryBudgetTest {

  @RegisterExtension final TransportFixture fixture = new TransportFixture();

  @Test
  void retriesAreAllowedWhileMoreThanHalfTheTokensRemain() {
    RetryBudget budget = new RetryBudget(10, 0.1);
    for (int i = 0; i < 4; i++) {
      budget.onFailure();
    }
    assertThat(budget.allowsRetry()).isTrue();

    budget.onFailure();

    assertThat(budget.allowsRetry()).isFalse();
  }

  @Test
  void answeredCallsRefillTheBudget() {
    RetryBudget budget = new RetryBudget(10, 0.5);
    for (int i = 0; i < 5; i++) {
      budget.onFailure();
    }

    budget.onSuccess();

    assertThat(budget.allowsRetry()).isTrue();
  }

  @Test
  void onceTheBudgetIsSpentACallToADeadClusterMakesASingleAttempt() {
    Transport transport =
        fixture.transport(
            fixture
                .settings(fixture.closedPort(), fixture.closedPort())
                .retryPolicy(RetryPolicy.builder().retryBudget(4, 0.1).build()));

    OpenViduJavaClientException first =
        catchThrowableOfType(
            OpenViduJavaClientException.class, () -> transport.execute(Responses.get()));
    OpenViduJavaClientException second =
        catchThrowableOfType(
            OpenViduJavaClientException.class, () -> transport.execute(Responses.get()));

    assertThat(first.getAttemptFailures()).hasSize(2);
    assertThat(second.getAttemptFailures()).hasSize(1);
    assertThat(second).hasMessageContaining("Gave up: retry budget exhausted");
  }

  @Test
  void withBudgetLeftACallToADeadClusterGoesOnUntilItsMaximumAttempts() {
    Transport transport =
        fixture.transport(
            fixture
                .settings(fixture.closedPort(), fixture.closedPort())
                .retryPolicy(RetryPolicy.builder().maxAttempts(4).build()));

    OpenViduJavaClientException e =
        catchThrowableOfType(
            OpenViduJavaClientException.class, () -> transport.execute(Responses.get()));

    assertThat(e.getAttemptFailures()).hasSize(4);
    assertThat(e).hasMessageEndingWith("Gave up: at most 4 attempts per call");
    assertThat(fixture.time().sleeps()).hasSize(2);
  }
}
