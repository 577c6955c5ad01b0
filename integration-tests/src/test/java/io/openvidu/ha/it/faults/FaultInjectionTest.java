package io.openvidu.ha.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openvidu.ha.it.processes.ChildProcess;
import io.openvidu.ha.it.processes.MasterProcess;
import io.openvidu.ha.it.processes.ProcessCluster;
import io.openvidu.ha.it.rest.RestClient;
import io.openvidu.ha.it.scenarios.ClientUnderTest;
import io.openvidu.ha.it.scenarios.ForClient;
import io.openvidu.ha.server.testing.SimulatedParticipant;
import io.openvidu.java.client.Connection;
import io.openvidu.java.client.OpenVidu;
import io.openvidu.java.client.OpenViduHttpException;
import io.openvidu.java.client.OpenViduJavaClientException;
import io.openvidu.java.client.Recording;
import io.openvidu.java.client.RecordingProperties;
import io.openvidu.java.client.Session;
import io.openvidu.java.client.SessionProperties;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The promise users buy, tested: "a master dies and my backend does not notice, and nothing is lost
 * or done twice". Three master processes over a persistent Redis; 8 threads of mixed SDK calls; one
 * fault per test, injected mid-load. Each test prints one line of the fault report ({@link
 * FaultReport}) and asserts what the design promises: no failed call, nothing lost, nothing
 * duplicated when a master fails, with the client's default settings where the test says so (with
 * idempotency keys never trusted, as against a real OpenVidu that ignores them, only the POSTs a
 * killed master was working on may fail, with their outcome unknown); nothing lost or duplicated,
 * and only clean failures after the call timeout, when Redis does.
 *
 * <p>Every test starts from a whole cluster (dead masters are restarted first) and may run alone;
 * the order only saves time, the kills coming last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ForClient(ClientUnderTest.OURS)
class FaultInjectionTest {
  @RegisterExtension static final ProcessCluster CLUSTER = new ProcessCluster(3, 2);

  private static final FaultReport REPORT = FaultReport.fromSystemProperty();

  /** Calls before the fault: enough for a median latency. */
  private static final int BASELINE_CALLS = 200;

  /**
   * Calls after the fault (or after the repair): enough to see its whole effect, a few seconds of
   * load.
   */
  private static final int CALLS_AFTER = 400;

  private static final int VICTIM = 0;

  /** How long the frozen master stays frozen. */
  private static final long FROZEN_SECONDS = 10;

  private final List<SimulatedParticipant> participants = new ArrayList<>();

  @BeforeEach
  void wholeCluster() {
    CLUSTER.redis().start();
    CLUSTER.restartDeadMasters();
    for (String url : CLUSTER.urlList()) {
      await().atMost(Duration.ofSeconds(30)).until(() -> health(url) == 200);
    }
  }

  @AfterEach
  void leave() {
    participants.forEach(SimulatedParticipant::close);
  }

  /**
   * A master frozen for {@value #FROZEN_SECONDS} s under load, with the client's DEFAULT settings:
   * its silence is seen within a second and the calls it holds are hedged (the cluster announces
   * that it honours idempotency keys); when it resumes, the POSTs it held get the answers stored
   * for their keys, its DELETEs find nothing. The worst call latency is reported, not asserted.
   */
  @Test
  @Order(1)
  void masterFrozenWithSigstopThenResumedLosesNothingAndFailsNoCallWithDefaultSettings()
      throws Exception {
    String victim = CLUSTER.urlList().get(VICTIM);
    List<SimulatedParticipant> onVictim = joinParticipants(victim, 2);
    ChildProcess frozen = CLUSTER.master(VICTIM).process();
    try (FaultRun run =
        FaultRun.withDefaultSettings(
            "master-sigstop-defaults", CLUSTER.urlList(), CLUSTER.secret())) {
      run.startLoad(BASELINE_CALLS, spared(VICTIM));

      run.faultInjected();
      long frozenAt = System.nanoTime();
      frozen.suspend();
      try {
        run.awaitEjected(victim);
        run.awaitCallsSinceFault(CALLS_AFTER / 2);
        // The fault lasts this long: no call may wait it out.
        await()
            .atMost(Duration.ofSeconds(FROZEN_SECONDS + 30))
            .until(() -> System.nanoTime() - frozenAt >= FROZEN_SECONDS * 1_000_000_000L);
      } finally {
        frozen.resume();
      }
      long frozenMillis = (System.nanoTime() - frozenAt) / 1_000_000;
      run.awaitRestored(victim);
      run.awaitCallsSinceFault(CALLS_AFTER);
      run.stopLoad();

      FaultRun.Outcome outcome =
          run.audit(
              victim,
              CLUSTER.secret(),
              REPORT,
              "frozen="
                  + frozenMillis
                  + "ms worst-latency="
                  + run.worstMillisSinceFault()
                  + "ms retry-policy=default");
      assertNoFailureLossOrDuplicate(outcome);
      assertThat(onVictim).allMatch(SimulatedParticipant::isConnected);
      assertStillActive(onVictim, victim);
    }
  }

  @Test
  @Order(2)
  void redisRestartedLosesNothingAcknowledgedAndFailsOnlyCleanly() throws Exception {
    String master = CLUSTER.urlList().get(1);
    try (FaultRun run = new FaultRun("redis-restart", CLUSTER.urlList(), CLUSTER.secret())) {
      run.startLoad(BASELINE_CALLS, CLUSTER.urlList());

      run.faultInjected();
      CLUSTER.redis().restart();
      run.awaitCallsSinceFault(CALLS_AFTER);
      run.stopLoad();

      FaultRun.Outcome outcome = run.audit(master, CLUSTER.secret(), REPORT, "");
      assertOnlyCleanFailures(outcome);
      assertNothingLostOrDuplicated(outcome);
    }
  }

  @Test
  @Order(3)
  void redisDownForAFewSecondsFailsCallsCleanlyAndLosesNothingAcknowledged() throws Exception {
    redisOutage("redis-down", () -> CLUSTER.redis().stop(), () -> CLUSTER.redis().start());
  }

  @Test
  @Order(4)
  void redisFrozenForAFewSecondsFailsCallsCleanlyAndLosesNothingAcknowledged() throws Exception {
    ChildProcess redis = CLUSTER.redis().process();
    redisOutage("redis-sigstop", redis::suspend, redis::resume);
  }

  @Test
  @Order(5)
  void masterRestartedLosesNothingAndFailsNoCall() throws Exception {
    String victim = CLUSTER.urlList().get(VICTIM);
    String survivor = CLUSTER.urlList().get(1);
    List<SimulatedParticipant> onVictim = joinParticipants(victim, 2);
    try (FaultRun run = new FaultRun("master-restart", CLUSTER.urlList(), CLUSTER.secret())) {
      run.startLoad(BASELINE_CALLS, spared(VICTIM));

      run.faultInjected();
      CLUSTER.master(VICTIM).process().terminate();
      CompletableFuture<MasterProcess> restarting = CLUSTER.startMasterAgain(VICTIM);
      int reconnected = reconnect(onVictim, survivor);
      restarting.join();
      run.awaitCallsSinceFault(CALLS_AFTER);
      run.stopLoad();

      FaultRun.Outcome outcome =
          run.audit(
              victim,
              CLUSTER.secret(),
              REPORT,
              "participants-reconnected=" + reconnected + "/" + onVictim.size());
      assertNoFailureLossOrDuplicate(outcome);
      assertThat(reconnected).isEqualTo(onVictim.size());
      assertStillActive(onVictim, victim);
    }
  }

  /**
   * With idempotency keys never trusted (as against a real OpenVidu, which ignores them): the only
   * calls that may fail are POSTs the victim was working on when it died, whose outcome is unknown.
   * The pooled connections the kill left behind fail nothing.
   */
  @Test
  @Order(6)
  void masterKilledWithSigkillLosesNothingAndFailsOnlyCallsInFlight() throws Exception {
    String victim = CLUSTER.urlList().get(VICTIM);
    String survivor = CLUSTER.urlList().get(1);
    List<SimulatedParticipant> onVictim = joinParticipants(victim, 2);
    String recordingId = startRecordingThrough(victim, onVictim.get(0).sessionId());
    try (FaultRun run =
        new FaultRun("master-sigkill", CLUSTER.urlList(), CLUSTER.secret(), false)) {
      run.startLoad(BASELINE_CALLS, spared(VICTIM));

      run.faultInjected();
      CompletableFuture<Long> refusing = firstRefusal(victim);
      CLUSTER.master(VICTIM).process().kill();
      long deadNanos = refusing.get(10, TimeUnit.SECONDS);
      int reconnected = reconnect(onVictim, survivor);
      run.awaitCallsSinceFault(CALLS_AFTER);
      run.stopLoad();
      Recording.Status recording = stopRecordingThrough(survivor, recordingId);

      FaultRun.Outcome outcome =
          run.audit(
              survivor,
              CLUSTER.secret(),
              REPORT,
              "participants-reconnected="
                  + reconnected
                  + "/"
                  + onVictim.size()
                  + " recording-across-kill="
                  + recording
                  + " retry-policy=never-trust-keys");
      assertOnlyInFlightPostsFailed(outcome, deadNanos);
      assertNothingLostOrDuplicated(outcome);
      assertThat(reconnected).isEqualTo(onVictim.size());
      assertStillActive(onVictim, survivor);
      assertThat(recording)
          .as("a recording started through the killed master")
          .isEqualTo(Recording.Status.ready);
    }
  }

  /**
   * What the design promises when the masters honour idempotency keys and say so (the reference
   * cluster does), with the client's DEFAULT settings: even the POSTs the victim was working on
   * when it died are repeated on a survivor with their keys, so no call fails, and none acts twice.
   */
  @Test
  @Order(7)
  void masterKilledWithSigkillFailsNoCallWithDefaultSettings() throws Exception {
    String survivor = CLUSTER.urlList().get(1);
    try (FaultRun run =
        FaultRun.withDefaultSettings(
            "master-sigkill-defaults", CLUSTER.urlList(), CLUSTER.secret())) {
      run.startLoad(BASELINE_CALLS, spared(VICTIM));

      run.faultInjected();
      CLUSTER.master(VICTIM).process().kill();
      run.awaitCallsSinceFault(CALLS_AFTER);
      run.stopLoad();

      FaultRun.Outcome outcome =
          run.audit(
              survivor,
              CLUSTER.secret(),
              REPORT,
              "worst-latency=" + run.worstMillisSinceFault() + "ms retry-policy=default");
      assertNoFailureLossOrDuplicate(outcome);
    }
  }

  // ----------------------------------------------------------------------------------------------------- helpers

  /**
   * Redis goes away ({@code outage}) until every thread has seen a call fail, each after waiting
   * out the call timeout, then comes back ({@code repair}). Calls fail cleanly meanwhile, and
   * nothing acknowledged is lost.
   */
  private void redisOutage(String fault, Runnable outage, Runnable repair) throws Exception {
    String master = CLUSTER.urlList().get(1);
    try (FaultRun run = new FaultRun(fault, CLUSTER.urlList(), CLUSTER.secret())) {
      run.startLoad(BASELINE_CALLS, CLUSTER.urlList());

      run.faultInjected();
      long downAt = System.nanoTime();
      outage.run();
      try {
        run.awaitFailures(FaultRun.THREADS);
      } finally {
        repair.run();
      }
      long downMillis = (System.nanoTime() - downAt) / 1_000_000;
      run.awaitCallsSinceFault(CALLS_AFTER);
      run.stopLoad();

      FaultRun.Outcome outcome =
          run.audit(master, CLUSTER.secret(), REPORT, "down=" + downMillis + "ms");
      assertThat(outcome.calls().failed()).as(outcome.diagnosis()).isPositive();
      assertOnlyCleanFailures(outcome);
      assertNothingLostOrDuplicated(outcome);
    }
  }

  /** What the design promises when a master fails: the backend does not notice. */
  private static void assertNoFailureLossOrDuplicate(FaultRun.Outcome outcome) {
    assertThat(outcome.calls().failed()).as(outcome.diagnosis()).isZero();
    assertNothingLostOrDuplicated(outcome);
  }

  /**
   * Only calls already started when the victim's sockets were closed failed, each because the
   * request had reached the victim and nobody can know whether it acted on it. A call started later
   * met only connections the victim had closed (FIN or RST): it must not have written anything on
   * them.
   */
  private static void assertOnlyInFlightPostsFailed(FaultRun.Outcome outcome, long deadNanos) {
    assertThat(outcome.calls().failures())
        .as(outcome.diagnosis())
        .allSatisfy(
            call -> {
              assertThat(call.startNanos() - deadNanos)
                  .as("started before the victim's sockets closed")
                  .isNegative();
              assertThat(call.failure())
                  .isInstanceOf(OpenViduJavaClientException.class)
                  .hasMessageContaining("outcome unknown");
            });
  }

  /**
   * Watches the port of the master at {@code url} from now on (a connection attempt every
   * millisecond or so) and completes with the {@link System#nanoTime()} at which it first refused
   * one: by then the process's sockets are closed. A kill's own instant is not that: the kernel
   * tears a JVM's memory down before it closes its sockets.
   */
  private static CompletableFuture<Long> firstRefusal(String url) {
    URI uri = URI.create(url);
    InetSocketAddress address = new InetSocketAddress(uri.getHost(), uri.getPort());
    return CompletableFuture.supplyAsync(
        () -> {
          while (true) {
            try (Socket socket = new Socket()) {
              socket.connect(address, 1_000);
            } catch (ConnectException refused) {
              return System.nanoTime();
            } catch (IOException other) {
              // a timeout or a reset of a dying listener: not a refusal yet
            }
            LockSupport.parkNanos(1_000_000);
          }
        });
  }

  /** Nothing acknowledged is missing afterwards, and nothing was done twice. */
  static void assertNothingLostOrDuplicated(FaultRun.Outcome outcome) {
    assertThat(outcome.audit().lost()).as(outcome.diagnosis()).isZero();
    assertThat(outcome.audit().duplicated()).as(outcome.diagnosis()).isZero();
  }

  /**
   * A failure while Redis is away must say so: a transport failure after the call timeout (every
   * master answering 503 or not in time), or the 503 itself; never a 4xx or 500 that would blame
   * the caller or hide the cause, but for the "already done" answer that an earlier call of unknown
   * outcome explains.
   */
  static void assertOnlyCleanFailures(FaultRun.Outcome outcome) {
    List<CallLog.Call> failures = outcome.calls().failures();
    assertThat(failures)
        .as(outcome.diagnosis())
        .allSatisfy(
            call -> {
              Throwable failure = call.failure();
              if (failure instanceof OpenViduHttpException http
                  && !alreadyDoneByAnEarlierUnknownCall(call, failures)) {
                assertThat(http.getStatus()).isIn(502, 503, 504);
              } else if (!(failure instanceof OpenViduHttpException)) {
                assertThat(failure).isInstanceOf(OpenViduJavaClientException.class);
              }
            });
  }

  /**
   * An "already done" answer (a start answered 409, a stop answered 404) to a call whose earlier
   * twin on the same target failed with its outcome unknown: the earlier call took effect once the
   * store came back, after the workload's list in between had read the old state. The server is
   * right, and nothing is lost or done twice.
   */
  private static boolean alreadyDoneByAnEarlierUnknownCall(
      CallLog.Call call, List<CallLog.Call> failures) {
    int alreadyDone =
        switch (call.operation()) {
          case "startRecording" -> 409;
          case "stopRecording" -> 404;
          default -> 0;
        };
    return call.failure() instanceof OpenViduHttpException http
        && http.getStatus() == alreadyDone
        && failures.stream()
            .anyMatch(
                earlier ->
                    earlier.operation().equals(call.operation())
                        && target(earlier).equals(target(call))
                        && earlier.startNanos() < call.startNanos()
                        && !(earlier.failure() instanceof OpenViduHttpException));
  }

  /**
   * What a call acted on: the session of a start ({@code session/tag}), the recording of a stop.
   */
  private static String target(CallLog.Call call) {
    int slash = call.subject().indexOf('/');
    return slash < 0 ? call.subject() : call.subject().substring(0, slash);
  }

  /** Starts recording the session through {@code master} alone; returns the recording's id. */
  private static String startRecordingThrough(String master, String sessionId) throws Exception {
    try (OpenVidu backend = new OpenVidu(master, CLUSTER.secret())) {
      return backend
          .startRecording(sessionId, new RecordingProperties.Builder().name("across-fault").build())
          .getId();
    }
  }

  /**
   * Stops the recording through {@code master} alone and returns its status once processing is
   * over.
   */
  private static Recording.Status stopRecordingThrough(String master, String recordingId)
      throws Exception {
    try (OpenVidu backend = new OpenVidu(master, CLUSTER.secret())) {
      backend.stopRecording(recordingId);
      return await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> backend.getRecording(recordingId).getStatus(),
              status -> status != Recording.Status.stopped && status != Recording.Status.started);
    }
  }

  /** The masters but {@code victim}. */
  private static List<String> spared(int victim) {
    List<String> others = new ArrayList<>(CLUSTER.urlList());
    others.remove(victim);
    return others;
  }

  /** {@code count} participants of a new session of their own, joined through {@code master}. */
  private List<SimulatedParticipant> joinParticipants(String master, int count) throws Exception {
    try (OpenVidu backend = new OpenVidu(master, CLUSTER.secret())) {
      Session session = backend.createSession(new SessionProperties.Builder().build());
      List<SimulatedParticipant> joined = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Connection connection = session.createConnection();
        SimulatedParticipant participant =
            SimulatedParticipant.builder(connection.getToken())
                .via(URI.create(master))
                .platform("participant-" + i)
                .timeout(Duration.ofSeconds(10))
                .join();
        participant.publish();
        participants.add(participant);
        joined.add(participant);
      }
      return joined;
    }
  }

  /**
   * What openvidu-browser does when its master goes away: notices that the socket closed, then
   * comes back through another master with its RPC session id. A reconnection counts once a signal
   * the backend sends to the connection id the participant joined with reaches it through its new
   * socket.
   *
   * @return how many came back under their connection id
   */
  private static int reconnect(List<SimulatedParticipant> lost, String survivor) {
    RestClient rest = RestClient.of(survivor, CLUSTER.secret());
    int reconnected = 0;
    for (SimulatedParticipant participant : lost) {
      participant.awaitDisconnected();
      participant.reconnect(URI.create(survivor));
      String probe = "back-" + participant.connectionId();
      int status =
          rest.post(
                  "/openvidu/api/signal",
                  "{\"session\":\""
                      + participant.sessionId()
                      + "\",\"type\":\"probe\",\"data\":\""
                      + probe
                      + "\",\"to\":[\""
                      + participant.connectionId()
                      + "\"]}")
              .status();
      if (status == 200) {
        participant.awaitNotification("sendMessage", Map.of("data", probe));
        reconnected++;
      }
    }
    return reconnected;
  }

  /**
   * Every participant is still an active connection of its session, under the id it joined with.
   */
  private static void assertStillActive(List<SimulatedParticipant> expected, String master) {
    RestClient rest = RestClient.of(master, CLUSTER.secret());
    for (SimulatedParticipant participant : expected) {
      assertThat(
              rest.get(
                      "/openvidu/api/sessions/"
                          + participant.sessionId()
                          + "/connection/"
                          + participant.connectionId())
                  .json()
                  .path("status")
                  .asText())
          .as("status of %s", participant.connectionId())
          .isEqualTo("active");
    }
  }

  private static int health(String url) {
    try {
      return RestClient.of(url, CLUSTER.secret()).get("/openvidu/health").status();
    } catch (RuntimeException e) {
      return -1;
    }
  }
}
