package io.openvidu.ha.server.rpc;

import io.openvidu.ha.server.testing.SimulatedParticipant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Prints how long participants take to join across masters, to hear a broadcast signal, and to come
 * back after their master is killed. A program, not a test: it measures and never fails on a
 * number.
 *
 * <pre>
 * mvn -q -pl openvidu-reference-server test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.openvidu.ha.server.rpc.SignalingBenchmark -Dexec.args="60"
 * </pre>
 */
public final class SignalingBenchmark {

  private SignalingBenchmark() {}

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    SignalingCluster cluster =
        SignalingCluster.withMasters(3)
            .settings(
                s ->
                    s.reconnectionGrace(Duration.ofSeconds(3))
                        .masterLeaseTtl(Duration.ofSeconds(1)));
    cluster.beforeEach(null);
    try {
      run(cluster, count);
    } finally {
      cluster.afterEach(null);
    }
  }

  private static void run(SignalingCluster cluster, int count) {
    String sessionId = cluster.createSession();
    List<SimulatedParticipant> participants = new ArrayList<>();
    List<Long> joins = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      participants.add(cluster.joinSession(sessionId, i % 3));
      joins.add(System.nanoTime() - start);
    }
    print("join (socket + joinRoom), " + count + " participants over 3 masters", joins);

    List<Long> fanOuts = new ArrayList<>();
    SimulatedParticipant sender = participants.get(0);
    for (int round = 0; round < 20; round++) {
      String data = "round-" + round;
      long start = System.nanoTime();
      sender.signal("bench", data);
      for (SimulatedParticipant participant : participants) {
        participant.awaitNotification("sendMessage", Map.of("data", data));
      }
      fanOuts.add(System.nanoTime() - start);
    }
    print("broadcast signal until all " + count + " received it", fanOuts);

    List<SimulatedParticipant> onKilled = new ArrayList<>();
    for (int i = 1; i < participants.size(); i += 3) {
      onKilled.add(participants.get(i));
    }
    SimulatedParticipant abandoned = onKilled.remove(onKilled.size() - 1);
    long killedAt = System.nanoTime();
    cluster.killMaster(1);
    List<Long> reconnections = new ArrayList<>();
    for (SimulatedParticipant participant : onKilled) {
      participant.awaitDisconnected();
      long start = System.nanoTime();
      participant.reconnect(cluster.master(0));
      reconnections.add(System.nanoTime() - start);
    }
    long allBack = System.nanoTime() - killedAt;
    print("reconnect (socket + connect) through a survivor", reconnections);
    System.out.printf(
        "all %d participants of the killed master back after %.1f ms%n",
        onKilled.size(), allBack / 1e6);
    // Longer than a participant's call timeout: poll.
    while (sender.notifications("participantLeft").stream()
        .noneMatch(n -> abandoned.connectionId().equals(n.param("connectionId")))) {
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
    System.out.printf(
        "one that did not come back evicted %.0f ms after the kill (lease 1000 ms + grace 3000 ms)%n",
        (System.nanoTime() - killedAt) / 1e6);
  }

  private static void print(String what, List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    System.out.printf(
        "%-62s p50 %7.2f ms  p90 %7.2f ms  max %7.2f ms  (n=%d)%n",
        what,
        sorted.get(sorted.size() / 2) / 1e6,
        sorted.get((int) (sorted.size() * 0.9)) / 1e6,
        sorted.get(sorted.size() - 1) / 1e6,
        sorted.size());
  }
}
