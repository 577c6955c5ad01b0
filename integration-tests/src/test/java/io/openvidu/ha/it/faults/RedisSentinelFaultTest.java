package io.openvidu.ha.it.faults;

import io.openvidu.ha.it.processes.ProcessCluster;
import io.openvidu.ha.it.scenarios.ClientUnderTest;
import io.openvidu.ha.it.scenarios.ForClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store itself highly available: three master processes over Redis with Sentinel (a primary, a
 * replica, three sentinels); the Redis primary is killed with SIGKILL mid-load. The masters follow
 * the failover by themselves, nothing acknowledged is lost, nothing is done twice, and a call that
 * fails says so cleanly. The report line gives the failed calls, the worst extra latency (how long
 * the cluster took to serve again) and when the sentinels promoted the replica.
 */
@ForClient(ClientUnderTest.OURS)
class RedisSentinelFaultTest {
  @RegisterExtension static final ProcessCluster CLUSTER = ProcessCluster.overSentinel(3, 2);

  private static final FaultReport REPORT = FaultReport.fromSystemProperty();

  private static final int BASELINE_CALLS = 100;

  private static final int CALLS_AFTER = 200;

  @Test
  void redisPrimaryKilledMidLoadIsFollowedWithNothingAcknowledgedLostOrDuplicated()
      throws Exception {
    String master = CLUSTER.urlList().get(1);
    try (FaultRun run =
        new FaultRun("redis-primary-sigkill", CLUSTER.urlList(), CLUSTER.secret())) {
      run.startLoad(BASELINE_CALLS, CLUSTER.urlList());

      run.faultInjected();
      long killedAt = System.nanoTime();
      int oldPrimary = CLUSTER.sentinel().killPrimary();
      CLUSTER.sentinel().awaitFailover(oldPrimary);
      long promotedMillis = (System.nanoTime() - killedAt) / 1_000_000;
      run.awaitCallsSinceFault(CALLS_AFTER);
      run.stopLoad();

      FaultRun.Outcome outcome =
          run.audit(master, CLUSTER.secret(), REPORT, "promoted=" + promotedMillis + "ms");
      FaultInjectionTest.assertOnlyCleanFailures(outcome);
      FaultInjectionTest.assertNothingLostOrDuplicated(outcome);
    }
  }
}
