package io.openvidu.ha.it.faults;

import static org.awaitility.Awaitility.await;

import io.openvidu.ha.server.testing.SimulatedParticipant;
import io.openvidu.java.client.OpenVidu;
import io.openvidu.java.client.OpenViduException;
import io.openvidu.java.client.Recording;
import io.openvidu.java.client.Session;
import io.openvidu.java.client.SessionProperties;
import io.openvidu.java.client.transport.OpenViduEventListener;
import io.openvidu.java.client.transport.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One fault under load, from the backend's side: an SDK client over every master (trusting the
 * reference cluster's idempotency keys unless told not to, with short timeouts so that a dead or
 * frozen master is left quickly), {@value #THREADS} threads of {@link MixedLoad} each with a
 * session to record (a participant in it), and, once the load has stopped, the {@link ClusterAudit}
 * and the report line.
 *
 * <p>Phases are ended by conditions, not by the clock: the load runs until it has made a number of
 * calls (before the fault, to measure normal latency; after it, to show what the fault did), so a
 * slow machine lengthens the run rather than shortening what is measured. Not thread-safe: drive it
 * from the test thread.
 */
final class FaultRun implements AutoCloseable {
  static final int THREADS = 8;

  /** The load's call timeout: during a Redis outage, calls fail after this at the latest. */
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(8);

  private static final Duration AWAIT_PROGRESS = Duration.ofSeconds(90);

  private final String fault;
  private final String runTag;
  private final Ledger ledger = new Ledger();
  private final CallLog log = new CallLog();
  private final Set<String> ejected = ConcurrentHashMap.newKeySet();
  private final Set<String> restored = ConcurrentHashMap.newKeySet();
  private final OpenVidu client;
  private final List<SimulatedParticipant> participants = new ArrayList<>();
  private MixedLoad load;
  private long faultNanos;
  private int callsBeforeFault;

  /**
   * A run named {@code fault} (the report's name) against the masters at {@code urls}, trusting
   * idempotency keys.
   */
  FaultRun(String fault, List<String> urls, String secret) {
    this(fault, urls, secret, true);
  }

  /**
   * @param trustIdempotencyKeys false to never trust idempotency keys, as against a real OpenVidu,
   *     which ignores them: then a POST whose outcome is unknown is not repeated and its call fails
   */
  FaultRun(String fault, List<String> urls, String secret, boolean trustIdempotencyKeys) {
    this(
        fault,
        urls,
        secret,
        RetryPolicy.builder()
            .trustIdempotencyKeys(trustIdempotencyKeys)
            .retryBudget(40, 0.2)
            .build());
  }

  /**
   * A run whose client keeps every default setting (timeouts, retry policy: idempotency keys
   * trusted where the masters announce it, as the reference cluster does), as a user's would.
   */
  static FaultRun withDefaultSettings(String fault, List<String> urls, String secret) {
    return new FaultRun(fault, urls, secret, null);
  }

  /**
   * @param tunedPolicy the retry policy of a client with this class's tuned timeouts, or {@code
   *     null} for a client with every default setting
   */
  private FaultRun(String fault, List<String> urls, String secret, RetryPolicy tunedPolicy) {
    this.fault = fault;
    this.runTag =
        "f-"
            + fault.replaceAll("[^A-Za-z0-9]", "")
            + "-"
            + Long.toString(System.nanoTime() % 46656, 36);
    OpenVidu.Builder builder =
        new OpenVidu.Builder().endpoints(urls.toArray(String[]::new)).secret(secret);
    if (tunedPolicy != null) {
      builder
          // A frozen master is left after the attempt timeout. On this shared 2-core machine a
          // healthy master sometimes
          // takes seconds to answer (a master JVM starting, other builds): the attempt timeout
          // and the retry budget
          // (8 threads share it; the default suits fewer) are sized so that such stalls are
          // retried, not failed.
          .connectTimeout(Duration.ofSeconds(1))
          .attemptTimeout(Duration.ofSeconds(3))
          .callTimeout(CALL_TIMEOUT)
          .retryPolicy(tunedPolicy);
    }
    this.client =
        builder
            .eventListener(
                new OpenViduEventListener() {
                  @Override
                  public void endpointEjected(
                      String endpoint, Duration ejectedFor, int consecutiveFailures) {
                    ejected.add(endpoint);
                  }

                  @Override
                  public void endpointRestored(String endpoint) {
                    restored.add(endpoint);
                  }
                })
            .build();
  }

  /**
   * Prepares one recordable session per thread, its participant joined through one of {@code
   * participantMasters} in turn (masters the fault spares, so that no participant has to
   * reconnect), starts the load and waits until it has made {@code calls} calls, the baseline.
   */
  void startLoad(int calls, List<String> participantMasters) throws OpenViduException {
    List<String> recordable = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      String tag = runTag + "-rec" + i;
      Session session =
          client.createSession(new SessionProperties.Builder().customSessionId(tag).build());
      ledger.sessionCreated(tag, session.getSessionId());
      SimulatedParticipant participant =
          SimulatedParticipant.builder(session.createConnection().getToken())
              .via(URI.create(participantMasters.get(i % participantMasters.size())))
              .platform("recorded")
              .timeout(Duration.ofSeconds(10))
              .join();
      participants.add(participant);
      participant.publish();
      recordable.add(session.getSessionId());
    }
    load = new MixedLoad(client, ledger, log, runTag, recordable);
    load.start();
    awaitCalls(calls);
  }

  /**
   * Marks the instant the fault is injected: calls from now on count as "during or after the
   * fault".
   */
  void faultInjected() {
    faultNanos = System.nanoTime();
    callsBeforeFault = log.completed();
    restored.clear();
  }

  /** Waits until the load has made {@code calls} more calls since the fault. */
  void awaitCallsSinceFault(int calls) {
    awaitCalls(callsBeforeFault + calls);
  }

  /**
   * Waits until at least {@code failures} calls have failed (each after the call timeout when
   * nothing answers).
   */
  void awaitFailures(int failures) {
    await().atMost(AWAIT_PROGRESS).until(() -> log.failed() >= failures);
  }

  /** Waits until the SDK has ejected the endpoint {@code url}. */
  void awaitEjected(String url) {
    await().atMost(AWAIT_PROGRESS).until(() -> ejected.contains(url));
  }

  /** Waits until the SDK has taken the endpoint {@code url} back since the fault. */
  void awaitRestored(String url) {
    await().atMost(AWAIT_PROGRESS).until(() -> restored.contains(url));
  }

  /** Stops the load (every call in flight ends, within the call timeout). */
  void stopLoad() throws Exception {
    load.stop();
  }

  /**
   * Audits the cluster through the master at {@code url} (with a client of its own, default
   * settings) and adds the report line.
   *
   * @param extra further {@code key=value} pairs for the report line
   */
  Outcome audit(String url, String secret, FaultReport report, String extra)
      throws OpenViduException {
    ClusterAudit.Result audit;
    try (OpenVidu auditor = new OpenVidu(url, secret)) {
      // Stopped recordings are processed for a moment before they are ready: wait for that to be
      // over.
      await()
          .atMost(AWAIT_PROGRESS)
          .until(
              () ->
                  auditor.listRecordings().stream()
                      .noneMatch(
                          r ->
                              r.getStatus() == Recording.Status.stopped
                                  && ledger.isStopped(r.getId())));
      auditor.fetch();
      audit =
          ClusterAudit.compare(
              ledger, runTag, auditor.getActiveSessions(), auditor.listRecordings());
    }
    long extraLatency =
        Math.max(0, log.worstMillisFrom(faultNanos) - log.medianMillisBefore(faultNanos));
    List<String> notes = new ArrayList<>();
    notes.add("baseline median latency: " + log.medianMillisBefore(faultNanos) + " ms");
    log.failureKinds().forEach((kind, count) -> notes.add("failed " + count + "x " + kind));
    log.failures()
        .forEach(
            call ->
                notes.add(
                    "failure: "
                        + call.operation()
                        + " "
                        + call.subject()
                        + " after "
                        + call.durationNanos() / 1_000_000
                        + " ms, started "
                        + (call.startNanos() - faultNanos) / 1_000_000
                        + " ms from the fault: "
                        + call.failure()));
    log.slowest(3, faultNanos).forEach(slow -> notes.add("slow: " + slow));
    audit.details().forEach(detail -> notes.add("audit: " + detail));
    String line =
        report.add(
            fault,
            log.completed(),
            log.failed(),
            audit.lost(),
            audit.duplicated(),
            extraLatency,
            ("orphans=" + audit.orphans() + " " + extra).trim(),
            notes);
    return new Outcome(line, log, audit);
  }

  /** The longest a call that started at or after the fault, or was running then, took, in ms. */
  long worstMillisSinceFault() {
    return log.worstMillisFrom(faultNanos);
  }

  @Override
  public void close() {
    if (load != null) {
      load.close();
    }
    participants.forEach(SimulatedParticipant::close);
    client.close();
  }

  /** What a run found, for the test's assertions. */
  record Outcome(String line, CallLog calls, ClusterAudit.Result audit) {
    /**
     * A description for assertion messages: the report line, the failures by kind, the audit's
     * details.
     */
    String diagnosis() {
      return line + "\nfailures: " + calls.failureKinds() + "\naudit: " + audit.details();
    }
  }

  private void awaitCalls(int calls) {
    await().atMost(AWAIT_PROGRESS).until(() -> log.completed() >= calls);
  }
}
