package io.openvidu.examples.failover;

import io.openvidu.examples.Deployment;
import io.openvidu.ha.server.cluster.Master;
import io.openvidu.ha.server.cluster.OpenViduCluster;
import io.openvidu.java.client.OpenVidu;
import io.openvidu.java.client.Session;
import io.openvidu.java.client.transport.BalancingPolicy;
import io.openvidu.java.client.transport.OpenViduEventListener;
import io.openvidu.java.client.transport.RetryPolicy;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * A client configured for a cluster of several masters, every failover setting spelled out: which
 * masters, how long to wait for each, how to spread calls, when to repeat them, and a listener that
 * logs each failover.
 *
 * <p>{@link #main} runs it against an embedded cluster, stops one master while calls go on, then
 * starts it again: the log shows the failovers and the master coming back, and no call fails.
 *
 * <pre>
 * mvn -B -q -Pdemo -pl openvidu-java-client-examples -am compile -Ddemo.main=io.openvidu.examples.failover.FailoverConfiguration
 * </pre>
 */
public final class FailoverConfiguration {
  private FailoverConfiguration() {}

  /**
   * A client for the given masters.
   *
   * @param masters every master's base URL, e.g. {@code https://m1.example.com:4443}
   * @param secret the deployment's {@code OPENVIDU_SECRET}
   * @param honoursIdempotencyKeys true only when every master honours the {@code Idempotency-Key}
   *     header (the reference cluster does, real OpenVidu does not): the client then repeats on
   *     another master a POST whose answer was lost
   * @param listener told about each failover
   */
  public static OpenVidu client(
      List<String> masters,
      String secret,
      boolean honoursIdempotencyKeys,
      OpenViduEventListener listener) {
    return new OpenVidu.Builder()
        .endpoints(masters.toArray(String[]::new))
        .secret(secret)
        // A master that does not accept the connection within a second is left for the next one.
        .connectTimeout(Duration.ofSeconds(1))
        // One attempt may take this long before the call moves on; longer than your slowest call
        // (starting a
        // COMPOSED recording waits for the recorder), since a POST cut short is repeated only when
        // safe.
        .attemptTimeout(Duration.ofSeconds(8))
        // The whole call, every attempt and pause included.
        .callTimeout(Duration.ofSeconds(20))
        // Masters share their state: any may serve any call, so spread them.
        .balancingPolicy(BalancingPolicy.ROUND_ROBIN)
        .retryPolicy(
            RetryPolicy.builder()
                .maxAttempts(4)
                .backoff(Duration.ofMillis(50), Duration.ofSeconds(1))
                .trustIdempotencyKeys(honoursIdempotencyKeys)
                .build())
        .eventListener(listener)
        .build();
  }

  /** How long each phase of {@link #createSessionsThroughAMasterOutage} lasts. */
  public record OutagePlan(Duration before, Duration down, Duration after) {}

  /**
   * Creates and closes sessions, one after the other, before, during and after an outage of one
   * master: it is stopped (its port refuses connections) and then started again. The time after
   * must outlast the master's ejection (1 s after its first failure) for the client to take it
   * back.
   *
   * @return how many sessions were created and closed
   */
  public static int createSessionsThroughAMasterOutage(
      OpenVidu openVidu, Master master, OutagePlan plan) throws Exception {
    int done = createAndClose(openVidu, plan.before());
    master.stop();
    done += createAndClose(openVidu, plan.down());
    master.start();
    done += createAndClose(openVidu, plan.after());
    return done;
  }

  private static int createAndClose(OpenVidu openVidu, Duration during) throws Exception {
    long end = System.nanoTime() + during.toNanos();
    int count = 0;
    while (System.nanoTime() - end < 0) {
      Session session = openVidu.createSession();
      session.close();
      count++;
    }
    return count;
  }

  /**
   * Creates and closes sessions through an outage of master 2 of an embedded cluster, logging each
   * failover, and tells on {@code out} how many it made.
   *
   * @return how many sessions were created and closed
   * @throws IllegalArgumentException when the deployment is not a cluster of this JVM (its masters
   *     cannot be stopped)
   */
  public static int run(Deployment deployment, OutagePlan plan, PrintStream out) throws Exception {
    OpenViduCluster cluster =
        deployment
            .cluster()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "this example stops a master: it needs a cluster running in this JVM, not "
                            + deployment.urls()));
    Master second = cluster.master(1);
    try (OpenVidu openVidu =
        client(
            deployment.urls(),
            deployment.secret(),
            deployment.honoursIdempotencyKeys(),
            new FailoverLog())) {
      int sessions = createSessionsThroughAMasterOutage(openVidu, second, plan);
      out.println(
          sessions
              + " sessions created and closed while "
              + second.url()
              + " was stopped and started again; none failed");
      return sessions;
    }
  }

  public static void main(String[] args) throws Exception {
    try (Deployment deployment = Deployment.embedded()) {
      run(
          deployment,
          new OutagePlan(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3)),
          System.out);
    }
  }
}
