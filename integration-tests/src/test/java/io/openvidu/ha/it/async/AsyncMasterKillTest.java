package io.openvidu.ha.it.async;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvidu.ha.it.scenarios.ClientUnderTest;
import io.openvidu.ha.it.scenarios.ForClient;
import io.openvidu.ha.server.testing.OpenViduClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The async API's promise under a master's death: 1,000 {@code createSession} futures in flight
 * from one thread, with the client's default settings, while one of three masters is killed (its
 * port closed and its connections dropped, as {@code SIGKILL} does) once a third have answered: no
 * future fails, and the cluster holds exactly one session per future.
 */
@ForClient(ClientUnderTest.OURS)
@Timeout(120) // a guard against hangs, not a speed requirement
class AsyncMasterKillTest {

  @RegisterExtension
  static final OpenViduClusterExtension CLUSTER =
      OpenViduClusterExtension.builder().masters(3).mediaNodes(1).build();

  @Test
  void aThousandAsyncCallsInFlightWhileAMasterIsKilledFailNoneAndDuplicateNothing()
      throws Exception {
    KillDuringAsyncLoad.Outcome outcome;
    try {
      outcome = KillDuringAsyncLoad.run(CLUSTER, 1000);
    } finally {
      CLUSTER.master(0).start();
    }

    assertThat(outcome.attemptsFailedOnVictim()).as("attempts the kill met").isPositive();
    assertThat(outcome.failures()).as("failed calls").isEmpty();
    assertThat(outcome.created()).hasSize(1000);
    assertThat(outcome.onCluster())
        .as("one session per call, none twice")
        .isEqualTo(outcome.created());
  }
}
