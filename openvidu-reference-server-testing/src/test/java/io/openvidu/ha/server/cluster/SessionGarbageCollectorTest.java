package io.openvidu.ha.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvidu.ha.server.api.ApiClient;
import io.openvidu.ha.server.cluster.SessionGarbageCollector.Outcome;
import io.openvidu.ha.server.cluster.SessionGarbageCollector.Round;
import io.openvidu.ha.server.store.ClusterEvent;
import io.openvidu.ha.server.store.ClusterStore;
import io.openvidu.ha.server.store.EventOperations;
import io.openvidu.ha.server.store.Subscription;
import io.openvidu.ha.server.testing.ManualClock;
import io.openvidu.ha.server.testing.SimulatedParticipant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The session garbage collector of rest-api.md §6.1, its rounds run at chosen instants. */
class SessionGarbageCollectorTest {
  private static final Duration INTERVAL = Duration.ofSeconds(900);
  private static final Duration THRESHOLD = Duration.ofSeconds(3600);

  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void closeEverything() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  @Test
  void aSessionNobodyJoinedIsRemovedOnceOlderThanTheThreshold() {
    ManualClock clock = new ManualClock(0);
    OpenViduCluster cluster =
        start(OpenViduCluster.builder().sessionsGarbageTimer(false).clock(clock));
    ApiClient api = api(cluster);
    JsonNode session = api.post("/openvidu/api/sessions", null).json();
    long createdAt = session.get("createdAt").asLong();

    clock.set(createdAt + THRESHOLD.toMillis() - 1);
    Round young = cluster.sessionGarbageCollector().collectIfDue();
    clock.set(createdAt + THRESHOLD.toMillis() + INTERVAL.toMillis());
    Round old = cluster.sessionGarbageCollector().collectIfDue();

    assertThat(young.outcome()).isEqualTo(Outcome.RAN);
    assertThat(young.closed()).isEmpty();
    assertThat(old.closed()).containsExactly(session.get("id").asText());
    assertThat(api.get("/openvidu/api/sessions/" + session.get("id").asText()).status())
        .isEqualTo(404);
  }

  @Test
  void aSessionSomebodyJoinedIsKept() {
    ManualClock clock = new ManualClock(0);
    OpenViduCluster cluster =
        start(OpenViduCluster.builder().sessionsGarbageTimer(false).clock(clock));
    ApiClient api = api(cluster);
    String sessionId = api.post("/openvidu/api/sessions", null).json().get("id").asText();
    String token =
        api.post("/openvidu/api/sessions/" + sessionId + "/connection", "{}")
            .json()
            .get("token")
            .asText();
    SimulatedParticipant participant = SimulatedParticipant.builder(token).join();
    opened.add(participant);

    clock.set(System.currentTimeMillis() + 10 * THRESHOLD.toMillis());
    Round round = cluster.sessionGarbageCollector().collectIfDue();

    assertThat(round.outcome()).isEqualTo(Outcome.RAN);
    assertThat(round.closed()).isEmpty();
    assertThat(api.get("/openvidu/api/sessions/" + sessionId).status()).isEqualTo(200);
  }

  @Test
  void anOldSessionWithAFreshTokenIsKeptForItsParticipant() {
    ManualClock clock = new ManualClock(0);
    OpenViduCluster cluster =
        start(OpenViduCluster.builder().sessionsGarbageTimer(false).clock(clock));
    ApiClient api = api(cluster);
    JsonNode session = api.post("/openvidu/api/sessions", null).json();
    String sessionId = session.get("id").asText();
    long sessionCreatedAt = session.get("createdAt").asLong();
    await().until(() -> System.currentTimeMillis() > sessionCreatedAt);
    long tokenCreatedAt =
        api.post("/openvidu/api/sessions/" + sessionId + "/connection", "{}")
            .json()
            .get("createdAt")
            .asLong();

    clock.set(tokenCreatedAt + THRESHOLD.toMillis() - 1); // the session is older than that
    Round whileTheTokenIsFresh = cluster.sessionGarbageCollector().collectIfDue();
    clock.set(tokenCreatedAt + THRESHOLD.toMillis() + INTERVAL.toMillis());
    Round afterwards = cluster.sessionGarbageCollector().collectIfDue();

    assertThat(sessionCreatedAt).isLessThan(tokenCreatedAt); // so the session was old already
    assertThat(whileTheTokenIsFresh.closed()).isEmpty();
    assertThat(afterwards.closed()).containsExactly(sessionId);
  }

  @Test
  void eachRoundIsRunByOneProcessOnlyAndEachSessionRemovedOnceWhenProcessesRace() throws Exception {
    ClusterStore store = ClusterStore.inMemory();
    opened.add(store);
    ManualClock[] clocks = new ManualClock[3];
    OpenViduCluster[] processes = new OpenViduCluster[3];
    for (int i = 0; i < processes.length; i++) {
      clocks[i] = new ManualClock(0);
      processes[i] =
          start(
              OpenViduCluster.builder().sessionsGarbageTimer(false).store(store).clock(clocks[i]));
    }
    Map<String, AtomicInteger> closeEvents = new ConcurrentHashMap<>();
    Subscription subscription =
        store.subscribe(
            EventOperations.BROADCAST,
            event -> {
              if (event.type().equals(ClusterEvent.SESSION_CLOSED)) {
                closeEvents
                    .computeIfAbsent(event.sessionId(), id -> new AtomicInteger())
                    .incrementAndGet();
              }
            });
    opened.add(subscription);
    List<String> sessions = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      sessions.add(
          api(processes[i % 3]).post("/openvidu/api/sessions", null).json().get("id").asText());
    }
    long later = System.currentTimeMillis() + THRESHOLD.toMillis() + INTERVAL.toMillis();
    // Two processes agree on the time, the third runs one interval ahead (clocks differ).
    clocks[0].set(later);
    clocks[1].set(later);
    clocks[2].set(later + INTERVAL.toMillis());

    List<Round> rounds = raceRounds(processes);

    Map<Long, Long> ranPerRound =
        rounds.stream()
            .filter(r -> r.outcome() == Outcome.RAN)
            .collect(Collectors.groupingBy(Round::number, Collectors.counting()));
    assertThat(ranPerRound).isNotEmpty();
    assertThat(ranPerRound.values()).containsOnly(1L);
    List<String> removed = rounds.stream().flatMap(r -> r.closed().stream()).toList();
    assertThat(removed).containsExactlyInAnyOrderElementsOf(sessions);
    await().until(() -> closeEvents.size() == sessions.size());
    assertThat(closeEvents.values()).allMatch(count -> count.get() == 1);
  }

  @Test
  void anIntervalOfZeroTurnsTheCollectorOff() {
    ManualClock clock = new ManualClock(0);
    OpenViduCluster cluster =
        start(
            OpenViduCluster.builder()
                .sessionsGarbageTimer(false)
                .clock(clock)
                .sessionsGarbage(Duration.ZERO, THRESHOLD));
    String sessionId = api(cluster).post("/openvidu/api/sessions", null).json().get("id").asText();

    clock.set(System.currentTimeMillis() + 10 * THRESHOLD.toMillis());

    assertThat(cluster.sessionGarbageCollector().collectIfDue().outcome()).isEqualTo(Outcome.OFF);
    assertThat(api(cluster).get("/openvidu/api/sessions/" + sessionId).status()).isEqualTo(200);
  }

  @Test
  void restartChangesTheIntervalAndConfigShowsIt() {
    ManualClock clock = new ManualClock(0);
    OpenViduCluster cluster =
        start(
            OpenViduCluster.builder()
                .sessionsGarbageTimer(false)
                .clock(clock)
                .sessionsGarbage(Duration.ofSeconds(60), Duration.ofSeconds(120)));
    ApiClient api = api(cluster);
    JsonNode before = api.get("/openvidu/api/config").json();

    api.post("/openvidu/api/restart", "{\"OPENVIDU_SESSIONS_GARBAGE_INTERVAL\":0}");

    assertThat(before.get("OPENVIDU_SESSIONS_GARBAGE_INTERVAL").asLong()).isEqualTo(60);
    assertThat(before.get("OPENVIDU_SESSIONS_GARBAGE_THRESHOLD").asLong()).isEqualTo(120);
    assertThat(cluster.sessionGarbageCollector().collectIfDue().outcome()).isEqualTo(Outcome.OFF);
  }

  @Test
  void theCollectorRunsByItselfEveryInterval() {
    OpenViduCluster cluster =
        start(
            OpenViduCluster.builder()
                .sessionsGarbage(Duration.ofMillis(50), Duration.ofMillis(100)));
    ApiClient api = api(cluster);
    String sessionId = api.post("/openvidu/api/sessions", null).json().get("id").asText();

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> api.get("/openvidu/api/sessions/" + sessionId).status() == 404);
  }

  private static List<Round> raceRounds(OpenViduCluster[] processes) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(processes.length);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Round>> futures = new ArrayList<>();
      for (OpenViduCluster process : processes) {
        futures.add(
            threads.submit(
                () -> {
                  go.await();
                  return process.sessionGarbageCollector().collectIfDue();
                }));
      }
      go.countDown();
      List<Round> rounds = new ArrayList<>();
      for (Future<Round> future : futures) {
        rounds.add(future.get(30, TimeUnit.SECONDS));
      }
      return rounds;
    } finally {
      threads.shutdownNow();
    }
  }

  private OpenViduCluster start(OpenViduCluster.Builder builder) {
    OpenViduCluster cluster = builder.start();
    opened.add(cluster);
    return cluster;
  }

  private static ApiClient api(OpenViduCluster cluster) {
    return ApiClient.of(cluster.urlList().get(0), cluster.secret());
  }
}
