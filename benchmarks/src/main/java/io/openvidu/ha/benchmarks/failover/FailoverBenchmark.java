package io.openvidu.ha.benchmarks.failover;

import io.openvidu.ha.benchmarks.client.BackendClient;
import io.openvidu.ha.benchmarks.client.ClientSettings;
import io.openvidu.ha.benchmarks.isolation.ClientKind;
import io.openvidu.ha.benchmarks.isolation.IsolatedClients;
import io.openvidu.ha.benchmarks.load.Call;
import io.openvidu.ha.benchmarks.load.MixLoad;
import io.openvidu.ha.benchmarks.load.Pause;
import io.openvidu.ha.benchmarks.report.Progress;
import io.openvidu.ha.server.cluster.Master;
import io.openvidu.ha.server.cluster.OpenViduCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Section 3: a steady load on a fresh 3-master cluster (in-memory store, in this JVM), then one
 * master dies: killed (its port closes, as after {@code kill -9}) or hung (it accepts connections
 * and never answers, as a frozen process). Our SDK knows the three masters; the official client,
 * which takes one URL, is pointed at the master that dies: the anchor, what a backend without
 * client-side failover lives through until something outside it (a load balancer's health check, an
 * operator) reacts.
 *
 * <p>The load is paced (each caller thread starts one mix per period), so both clients are offered
 * the same calls whatever happens to them.
 *
 * <p>TODO(#8): the faults are those of the embedded cluster ({@link Master#kill()} stops Jetty,
 * which takes 5 to 370 ms under load, and {@link Master#hang()} holds requests). {@code kill -9}
 * and {@code SIGSTOP} of master processes over Redis would cut the calls in flight as a real crash
 * does.
 */
public final class FailoverBenchmark {
  /** Which master dies: the first one, where our SDK's round robin begins. */
  private static final int FAULTY_MASTER = 0;

  /**
   * How long the official client's callers are given, after the load stops, before counting them
   * blocked.
   */
  private static final Duration BLOCKED_PATIENCE = Duration.ofSeconds(2);

  private static final String OURS = "ours, 3 masters";
  private static final String OFFICIAL = "official 2.20.0, the dying master's URL";
  private static final String TRUSTED_KEYS = "trustIdempotencyKeys";

  /**
   * A call that meets the faulty master this close to the end of the observation means it still
   * happens.
   */
  private static final Duration SETTLE = Duration.ofSeconds(1);

  /**
   * @param threads caller threads of the steady load
   * @param mixPeriod each thread starts one mix (4 calls) per period
   * @param beforeFault steady load before the fault (its first third warms up, the rest is the
   *     baseline)
   * @param afterKill observation after a kill
   * @param afterHangTimeout observation after a hang, beyond our SDK's attempt timeout
   * @param hangAttemptTimeouts the attempt timeouts our SDK is run with against a hung master
   *     (empty: its default)
   * @param trustedKeysToo whether our SDK also runs trusting idempotency keys (against the kill,
   *     and against the hang with the last attempt timeout)
   */
  public record Settings(
      int threads,
      Duration mixPeriod,
      Duration beforeFault,
      Duration afterKill,
      Duration afterHangTimeout,
      List<Optional<Duration>> hangAttemptTimeouts,
      boolean trustedKeysToo) {}

  /** How the master dies. */
  public enum Fault {
    KILL("killed (port closed)"),
    HANG("hung (accepts, never answers)");

    private final String label;

    Fault(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * One run: a client, a fault, and how long to watch.
   *
   * @param name how the table names it
   * @param client which client
   * @param onlyFaultyMaster whether the client is given the faulty master's URL alone
   * @param attemptTimeout our SDK's attempt timeout, if not its default
   * @param trustKeys whether our SDK trusts idempotency keys (repeats any POST)
   * @param observe how long the load runs after the fault
   */
  public record Scenario(
      String name,
      ClientKind client,
      Fault fault,
      boolean onlyFaultyMaster,
      Optional<Duration> attemptTimeout,
      boolean trustKeys,
      Duration observe) {}

  private final IsolatedClients clients;
  private final Settings settings;
  private final Duration defaultAttemptTimeout;
  private final Progress progress;

  /**
   * @param defaultAttemptTimeout our SDK's default attempt timeout (read from the SDK itself by the
   *     caller)
   */
  public FailoverBenchmark(
      IsolatedClients clients,
      Settings settings,
      Duration defaultAttemptTimeout,
      Progress progress) {
    this.clients = clients;
    this.settings = settings;
    this.defaultAttemptTimeout = defaultAttemptTimeout;
    this.progress = progress;
  }

  /** The scenarios these settings run, in order. */
  public List<Scenario> scenarios() {
    List<Scenario> scenarios = new ArrayList<>();
    scenarios.add(
        new Scenario(
            OURS,
            ClientKind.OURS_OBSERVED,
            Fault.KILL,
            false,
            Optional.empty(),
            false,
            settings.afterKill()));
    if (settings.trustedKeysToo()) {
      scenarios.add(
          new Scenario(
              OURS + ", " + TRUSTED_KEYS,
              ClientKind.OURS_OBSERVED,
              Fault.KILL,
              false,
              Optional.empty(),
              true,
              settings.afterKill()));
    }
    scenarios.add(
        new Scenario(
            OFFICIAL,
            ClientKind.OFFICIAL,
            Fault.KILL,
            true,
            Optional.empty(),
            false,
            settings.afterKill()));
    List<Optional<Duration>> timeouts = settings.hangAttemptTimeouts();
    for (Optional<Duration> timeout : timeouts) {
      scenarios.add(hang(timeout, false));
    }
    if (settings.trustedKeysToo() && !timeouts.isEmpty()) {
      scenarios.add(hang(timeouts.get(timeouts.size() - 1), true));
    }
    scenarios.add(
        new Scenario(
            OFFICIAL,
            ClientKind.OFFICIAL,
            Fault.HANG,
            true,
            Optional.empty(),
            false,
            settings.afterKill()));
    return scenarios;
  }

  private Scenario hang(Optional<Duration> timeout, boolean trustKeys) {
    Duration effective = timeout.orElse(defaultAttemptTimeout);
    String name =
        OURS
            + ", attemptTimeout "
            + effective.toMillis() / 1000.0
            + " s"
            + (timeout.isEmpty() ? " (default)" : "")
            + (trustKeys ? ", " + TRUSTED_KEYS : "");
    return new Scenario(
        name,
        ClientKind.OURS_OBSERVED,
        Fault.HANG,
        false,
        timeout,
        trustKeys,
        effective.plus(settings.afterHangTimeout()));
  }

  /** Runs every scenario. */
  public FailoverResult run() {
    List<FailoverResult.Outcome> outcomes = new ArrayList<>();
    for (Scenario scenario : scenarios()) {
      outcomes.add(run(scenario));
    }
    return new FailoverResult(settings, outcomes);
  }

  private FailoverResult.Outcome run(Scenario scenario) {
    try (OpenViduCluster cluster = OpenViduCluster.builder().masters(3).start()) {
      Master faulty = cluster.master(FAULTY_MASTER);
      ClientSettings clientSettings =
          ClientSettings.defaults(
              scenario.onlyFaultyMaster() ? faulty.url() : cluster.urls(), cluster.secret());
      if (scenario.attemptTimeout().isPresent()) {
        clientSettings = clientSettings.withAttemptTimeout(scenario.attemptTimeout().get());
      }
      if (scenario.trustKeys()) {
        clientSettings = clientSettings.trustingIdempotencyKeys();
      }
      try (BackendClient client = clients.open(scenario.client(), clientSettings)) {
        progress.line(
            "failover: %s, master %s: %d threads, one mix per %d ms each, %d s before the fault, %d s "
                + "after",
            scenario.name(),
            scenario.fault().label(),
            settings.threads(),
            settings.mixPeriod().toMillis(),
            settings.beforeFault().toSeconds(),
            scenario.observe().toSeconds());
        MixLoad load = MixLoad.paced(client, settings.threads(), settings.mixPeriod(), "failover");
        Pause.of(settings.beforeFault());
        long faultAt = System.nanoTime();
        inject(scenario.fault(), faulty);
        FaultImpact.Window fault = new FaultImpact.Window(faultAt, System.nanoTime());
        Pause.of(scenario.observe());
        long stopAt = System.nanoTime();
        load.stop();
        Duration patience =
            scenario.onlyFaultyMaster()
                ? BLOCKED_PATIENCE
                : scenario.attemptTimeout().orElse(defaultAttemptTimeout).multipliedBy(3);
        List<Call> calls = load.awaitCalls(patience);
        heal(scenario.fault(), faulty);
        load.awaitCalls(Duration.ofSeconds(30));
        FaultImpact impact =
            FaultImpact.analyse(
                calls,
                load.startedAt(),
                fault,
                stopAt,
                scenario.onlyFaultyMaster(),
                SETTLE.toNanos());
        progress.line(
            "failover: %s: %d calls after the fault, %d failed, %d met the faulty master",
            scenario.name(), impact.callsAfterFault(), impact.failedCount(), impact.met());
        return new FailoverResult.Outcome(
            scenario,
            impact,
            Optional.ofNullable(load.firstFailure()),
            client.firstFailedAttempt());
      }
    }
  }

  private static void inject(Fault fault, Master master) {
    switch (fault) {
      case KILL -> master.kill();
      case HANG -> master.hang();
    }
  }

  private static void heal(Fault fault, Master master) {
    switch (fault) {
      case KILL -> master.start();
      case HANG -> master.resume();
    }
  }
}
