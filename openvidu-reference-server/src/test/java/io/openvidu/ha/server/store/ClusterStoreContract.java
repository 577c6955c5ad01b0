package io.openvidu.ha.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ClusterStore} backend must show. Subclasses give a fresh, empty store
 * per test; two stores from {@link #newStoreSharingState()} see the same state, as two masters (or
 * two processes) would.
 */
abstract class ClusterStoreContract {
  private static final long NOW = 1_700_000_000_000L;

  private final List<ClusterStore> opened = new ArrayList<>();
  private ClusterStore store;

  /** A store over fresh, empty state for this test. */
  protected abstract ClusterStore newStore();

  /** Another store over the same state as the last {@link #newStore()}. */
  protected abstract ClusterStore newStoreSharingState();

  @BeforeEach
  void openStore() {
    store = track(newStore());
    store.atomically(tx -> tx.mediaNodes().add(node("media_a", 0)));
  }

  @AfterEach
  void closeStores() {
    opened.forEach(ClusterStore::close);
  }

  // ---- big sessions: connections kept apart from their session ----

  @Test
  void connectionsAddedFromSixteenThreadsIntoOneSessionAreAllKeptOnce() throws Exception {
    ClusterStore other = track(newStoreSharingState());
    store.atomically(tx -> tx.sessions().create(session("big")));

    List<Boolean> outcomes =
        race(
            16,
            i -> {
              ClusterStore through = i % 2 == 0 ? store : other;
              for (int n = 0; n < 25; n++) {
                String id = "con_" + i + "_" + n;
                through.atomically(tx -> tx.sessions().addConnection(pending("big", id, "t" + id)));
              }
              return true;
            });

    assertThat(outcomes).containsOnly(true);
    List<ConnectionState> connections =
        other.atomically(tx -> tx.sessions().get("big")).connections();
    assertThat(connections).hasSize(16 * 25);
    assertThat(connections.stream().map(ConnectionState::id).distinct()).hasSize(16 * 25);
  }

  @Test
  void sixteenParticipantsJoiningOneSessionAtOnceAreEachActiveOnce() throws Exception {
    ClusterStore other = track(newStoreSharingState());
    store.atomically(tx -> tx.sessions().create(session("big")));
    for (int i = 0; i < 16; i++) {
      String id = "con_" + i;
      store.atomically(tx -> tx.sessions().addConnection(pending("big", id, "tok" + id)));
    }

    List<Boolean> outcomes =
        race(
            32,
            i -> {
              ClusterStore through = i % 2 == 0 ? store : other;
              try {
                // two attempts per token: exactly one of them may win
                through.atomically(
                    tx ->
                        tx.sessions().activateConnection("big", "tokcon_" + i / 2, join("m" + i)));
                return true;
              } catch (TransitionRejectedException e) {
                return false;
              }
            });

    assertThat(outcomes.stream().filter(b -> b)).hasSize(16);
    for (int token = 0; token < 16; token++) {
      assertThat(List.of(outcomes.get(2 * token), outcomes.get(2 * token + 1)))
          .containsOnlyOnce(true);
    }
    SessionState session = store.atomically(tx -> tx.sessions().get("big"));
    assertThat(session.activeConnections()).hasSize(16);
    assertThat(session.mediaNodeId()).isEqualTo("media_a");
    assertThat(store.atomically(tx -> tx.mediaNodes().get("media_a")).sessionIds())
        .containsExactly("big");
  }

  @Test
  void aChangeToOneConnectionIsNotRedoneForAConcurrentChangeToAnother() {
    ClusterStore other = track(newStoreSharingState());
    activeSession("s1", "con_A", "con_B");
    AtomicInteger attempts = new AtomicInteger();

    store.atomically(
        tx -> {
          tx.sessions().addSubscriber("s1", "con_A", new SubscriberState("str_X", NOW));
          if (attempts.incrementAndGet() == 1) {
            other.atomically(
                o -> o.sessions().addSubscriber("s1", "con_B", new SubscriberState("str_Y", NOW)));
          }
          return null;
        });

    assertThat(attempts).hasValue(1);
    SessionState session = store.atomically(tx -> tx.sessions().get("s1"));
    assertThat(session.connection("con_A").orElseThrow().subscribers()).hasSize(1);
    assertThat(session.connection("con_B").orElseThrow().subscribers()).hasSize(1);
  }

  @Test
  void aJoinIsNotRedoneForAnotherParticipantJoiningTheSameSession() {
    ClusterStore other = track(newStoreSharingState());
    activeSession("s1", "con_A");
    for (String id : List.of("con_B", "con_C")) {
      store.atomically(tx -> tx.sessions().addConnection(pending("s1", id, "tok" + id)));
    }
    AtomicInteger attempts = new AtomicInteger();

    store.atomically(
        tx -> {
          tx.sessions().activateConnection("s1", "tokcon_B", join("m1"));
          if (attempts.incrementAndGet() == 1) {
            other.atomically(o -> o.sessions().activateConnection("s1", "tokcon_C", join("m2")));
          }
          return null;
        });

    assertThat(attempts).hasValue(1);
    assertThat(store.atomically(tx -> tx.sessions().get("s1")).activeConnections())
        .extracting(ConnectionState::id)
        .containsExactlyInAnyOrder("con_A", "con_B", "con_C");
  }

  @Test
  void aParticipantLeavingIsNotRedoneForAnotherJoining() {
    ClusterStore other = track(newStoreSharingState());
    activeSession("s1", "con_A", "con_B");
    store.atomically(tx -> tx.sessions().addConnection(pending("s1", "con_C", "tokcon_C")));
    AtomicInteger attempts = new AtomicInteger();

    store.atomically(
        tx -> {
          tx.sessions().evict("s1", "con_A", "disconnect", NOW);
          if (attempts.incrementAndGet() == 1) {
            other.atomically(o -> o.sessions().activateConnection("s1", "tokcon_C", join("m2")));
          }
          return null;
        });

    assertThat(attempts).hasValue(1);
    assertThat(store.atomically(tx -> tx.sessions().get("s1")).activeConnections())
        .extracting(ConnectionState::id)
        .containsExactlyInAnyOrder("con_B", "con_C");
  }

  @Test
  void theLastTwoParticipantsLeavingAtOnceCloseTheSession() {
    ClusterStore other = track(newStoreSharingState());
    activeSession("s1", "con_A", "con_B");
    AtomicInteger attempts = new AtomicInteger();

    boolean closedByA =
        store.atomically(
            tx -> {
              SessionOperations.Eviction eviction =
                  tx.sessions().evict("s1", "con_A", "disconnect", NOW);
              if (attempts.incrementAndGet() == 1) {
                // B leaves while A's leaving, which saw B still there, has not committed.
                SessionOperations.Eviction ofB =
                    other.atomically(o -> o.sessions().evict("s1", "con_B", "disconnect", NOW));
                assertThat(ofB.sessionClosed()).isFalse();
              }
              return eviction.sessionClosed();
            });

    assertThat(closedByA).isTrue();
    assertThat(attempts).hasValue(2);
    Optional<SessionState> session = store.atomically(tx -> tx.sessions().find("s1"));
    assertThat(session).isEmpty();
  }

  @Test
  void aSessionViewTellsWhichOfTheSessionsEventsItReflects() {
    ClusterStore other = track(newStoreSharingState());
    List<ClusterEvent> events = new CopyOnWriteArrayList<>();
    activeSession("s1", "con_A");
    store.atomically(tx -> tx.sessions().addConnection(pending("s1", "con_B", "tokcon_B")));
    try (Subscription ignored = other.subscribe(EventOperations.BROADCAST, events::add)) {
      store.atomically(tx -> joinAnnounced(tx, "tokcon_B"));
      SessionOperations.SessionView view = store.atomically(tx -> tx.sessions().view("s1"));
      store.atomically(tx -> tx.sessions().evict("s1", "con_A", "disconnect", NOW));

      await().until(() -> events.size() == 2);
      assertThat(view.session().orElseThrow().activeConnections())
          .extracting(ConnectionState::id)
          .containsExactlyInAnyOrder("con_A", "con_B");
      assertThat(events.get(0).position()).isLessThanOrEqualTo(view.position());
      assertThat(events.get(1).position()).isGreaterThan(view.position());
    }
  }

  private static Void joinAnnounced(Transaction tx, String token) {
    ConnectionState joined = tx.sessions().activateConnection("s1", token, join("m1"));
    tx.events()
        .publish(
            ClusterEvent.toSession(
                ClusterEvent.PARTICIPANT_JOINED, "s1", List.of(joined.id()), null));
    return null;
  }

  @Test
  void aTransactionThatReadTheWholeSessionIsRedoneWhenAConnectionChanges() {
    ClusterStore other = track(newStoreSharingState());
    activeSession("s1", "con_A", "con_B");
    AtomicInteger attempts = new AtomicInteger();

    int seen =
        store.atomically(
            tx -> {
              int active = tx.sessions().get("s1").activeConnections().size();
              tx.writeDocument("seen", active);
              if (attempts.incrementAndGet() == 1) {
                other.atomically(o -> o.sessions().removeConnection("s1", "con_B"));
              }
              return active;
            });

    assertThat(attempts).hasValue(2);
    assertThat(seen).isEqualTo(1);
  }

  @Test
  void closingASessionRemovesItsConnectionsWithIt() {
    activeSession("s1", "con_A");
    store.atomically(tx -> tx.sessions().addConnection(pending("s1", "con_B", "tokB")));

    store.atomically(tx -> tx.sessions().close("s1", "sessionClosedByServer", NOW));
    store.atomically(tx -> tx.sessions().create(session("s1")));

    assertThat(store.atomically(tx -> tx.sessions().get("s1")).connections()).isEmpty();
    assertThatThrownBy(
            () ->
                store.atomically(tx -> tx.sessions().activateConnection("s1", "tokB", join("m1"))))
        .isInstanceOfSatisfying(
            TransitionRejectedException.class,
            e -> assertThat(e.rejection()).isEqualTo(Rejection.TOKEN_INVALID));
  }

  @Test
  void aConnectionAddedWhileItsSessionClosesIsEitherRefusedOrClosedWithIt() throws Exception {
    ClusterStore other = track(newStoreSharingState());
    store.atomically(tx -> tx.sessions().create(session("s1")));

    List<Boolean> outcomes =
        race(
            16,
            i -> {
              if (i == 0) {
                store.atomically(tx -> tx.sessions().close("s1", "sessionClosedByServer", NOW));
                return true;
              }
              try {
                other.atomically(
                    tx -> tx.sessions().addConnection(pending("s1", "con_" + i, "tok" + i)));
                return true;
              } catch (TransitionRejectedException e) {
                assertThat(e.rejection()).isEqualTo(Rejection.SESSION_NOT_FOUND);
                return false;
              }
            });
    store.atomically(tx -> tx.sessions().create(session("s1")));

    assertThat(outcomes.get(0)).isTrue();
    assertThat(store.atomically(tx -> tx.sessions().get("s1")).connections()).isEmpty();
  }

  @Test
  void sessionsAreListedWithTheirConnections() {
    activeSession("s1", "con_A", "con_B");
    store.atomically(tx -> tx.sessions().create(session("s2")));

    List<SessionState> sessions = store.atomically(tx -> tx.sessions().list());

    assertThat(sessions)
        .extracting(SessionState::id, s -> s.connections().size())
        .containsExactlyInAnyOrder(Tuple.tuple("s1", 2), Tuple.tuple("s2", 0));
  }

  @Test
  void createdSessionIsReadBack() {
    store.atomically(tx -> tx.sessions().create(session("s1")));

    SessionState read = store.atomically(tx -> tx.sessions().get("s1"));

    assertThat(read).isEqualTo(session("s1"));
  }

  @Test
  void createSessionRejectsTakenId() {
    store.atomically(tx -> tx.sessions().create(session("s1")));

    assertThatThrownBy(() -> store.atomically(tx -> tx.sessions().create(session("s1"))))
        .isInstanceOfSatisfying(
            TransitionRejectedException.class,
            e -> assertThat(e.rejection()).isEqualTo(Rejection.SESSION_EXISTS));
  }

  @Test
  void concurrentCreationsOfOneSessionIdHaveExactlyOneWinner() throws Exception {
    ClusterStore other = track(newStoreSharingState());

    List<Boolean> outcomes =
        race(
            16,
            i -> {
              ClusterStore through = i % 2 == 0 ? store : other;
              try {
                through.atomically(tx -> tx.sessions().create(session("contended")));
                return true;
              } catch (TransitionRejectedException e) {
                return false;
              }
            });

    assertThat(outcomes).containsOnlyOnce(true);
  }

  @Test
  void stateWrittenThroughOneStoreIsReadThroughAnother() {
    ClusterStore other = track(newStoreSharingState());
    store.atomically(tx -> tx.sessions().create(session("s1")));

    assertThat(other.<Optional<SessionState>>atomically(tx -> tx.sessions().find("s1")))
        .isPresent();
  }

  @Test
  void listedSessionsAreAllExistingOnes() {
    store.atomically(tx -> tx.sessions().create(session("s1")));
    store.atomically(tx -> tx.sessions().create(session("s2")));
    store.atomically(tx -> tx.sessions().close("s1", "sessionClosedByServer", NOW));

    List<SessionState> sessions = store.atomically(tx -> tx.sessions().list());

    assertThat(sessions).extracting(SessionState::id).containsExactly("s2");
  }

  @Test
  void rejectedTransitionWritesNothingOfItsTransaction() {
    store.atomically(tx -> tx.sessions().create(session("s1")));

    assertThatThrownBy(
            () ->
                store.atomically(
                    tx -> {
                      tx.sessions().create(session("s2"));
                      return tx.sessions().create(session("s1"));
                    }))
        .isInstanceOf(TransitionRejectedException.class);

    assertThat(store.<Optional<SessionState>>atomically(tx -> tx.sessions().find("s2"))).isEmpty();
  }

  @Test
  void refusalBasedOnADocumentThatChangedMeanwhileIsRetried() {
    ClusterStore other = track(newStoreSharingState());
    java.util.concurrent.atomic.AtomicInteger attempts =
        new java.util.concurrent.atomic.AtomicInteger();

    String outcome =
        store.atomically(
            tx -> {
              boolean exists = tx.sessions().find("s2").isPresent();
              if (attempts.incrementAndGet() == 1) {
                other.atomically(tx2 -> tx2.sessions().create(session("s2")));
              }
              if (!exists) {
                throw new TransitionRejectedException(Rejection.SESSION_NOT_FOUND, "s2 not found");
              }
              return "found";
            });

    assertThat(outcome).isEqualTo("found");
    assertThat(attempts).hasValue(2);
  }

  @Test
  void tokenActivatesItsConnectionOnce() {
    store.atomically(tx -> tx.sessions().create(session("s1")));
    store.atomically(tx -> tx.sessions().addConnection(pending("s1", "con_A", "tokA")));

    ConnectionState active =
        store.atomically(tx -> tx.sessions().activateConnection("s1", "tokA", join("m1")));

    assertThat(active.status()).isEqualTo(ConnectionStatus.ACTIVE);
    assertThat(active.ip()).isEqualTo("127.0.0.1");
    assertThat(active.masterId()).isEqualTo("m1");
    assertThatThrownBy(
            () ->
                store.atomically(tx -> tx.sessions().activateConnection("s1", "tokA", join("m2"))))
        .isInstanceOfSatisfying(
            TransitionRejectedException.class,
            e -> assertThat(e.rejection()).isEqualTo(Rejection.TOKEN_INVALID));
  }

  @Test
  void concurrentActivationsWithOneTokenHaveExactlyOneWinner() throws Exception {
    ClusterStore other = track(newStoreSharingState());
    store.atomically(tx -> tx.sessions().create(session("s1")));
    store.atomically(tx -> tx.sessions().addConnection(pending("s1", "con_A", "tokA")));

    List<Boolean> outcomes =
        race(
            16,
            i -> {
              ClusterStore through = i % 2 == 0 ? store : other;
              try {
                through.atomically(
                    tx -> tx.sessions().activateConnection("s1", "tokA", join("m" + i)));
                return true;
              } catch (TransitionRejectedException e) {
                return false;
              }
            });

    assertThat(outcomes).containsOnlyOnce(true);
  }

  @Test
  void firstActivationMakesTheSessionActiveOnTheLeastLoadedRunningNode() {
    store.atomically(
        tx -> tx.mediaNodes().add(node("media_b", 0).withSessionIds(List.of("x", "y"))));
    store.atomically(
        tx -> tx.mediaNodes().add(node("media_c", 0).withStatus(MediaNodeStatus.TERMINATING)));
    store.atomically(tx -> tx.sessions().create(session("s1")));
    store.atomically(tx -> tx.sessions().addConnection(pending("s1", "con_A", "tokA")));

    store.atomically(tx -> tx.sessions().activateConnection("s1", "tokA", join("m1")));

    SessionState session = store.atomically(tx -> tx.sessions().get("s1"));
    assertThat(session.active()).isTrue();
    assertThat(session.mediaNodeId()).isEqualTo("media_a");
    assertThat(store.atomically(tx -> tx.mediaNodes().get("media_a")).sessionIds())
        .containsExactly("s1");
  }

  @Test
  void activationWithoutRunningNodeIsRejected() {
    store.atomically(
        tx -> tx.mediaNodes().update("media_a", n -> n.withStatus(MediaNodeStatus.TERMINATING)));
    store.atomically(tx -> tx.sessions().create(session("s1")));
    store.atomically(tx -> tx.sessions().addConnection(pending("s1", "con_A", "tokA")));

    assertThatThrownBy(
            () ->
                store.atomically(tx -> tx.sessions().activateConnection("s1", "tokA", join("m1"))))
        .isInstanceOfSatisfying(
            TransitionRejectedException.class,
            e -> assertThat(e.rejection()).isEqualTo(Rejection.NO_MEDIA_NODE_AVAILABLE));
  }

  @Test
  void removingAPublisherRemovesEverySubscriptionToIt() {
    activeSession("s1", "con_A", "con_B");
    store.atomically(tx -> tx.sessions().addPublisher("s1", "con_A", publisher("str_A")));
    store.atomically(
        tx -> tx.sessions().addSubscriber("s1", "con_B", new SubscriberState("str_A", NOW)));

    store.atomically(tx -> tx.sessions().removePublisher("s1", "str_A"));

    SessionState session = store.atomically(tx -> tx.sessions().get("s1"));
    assertThat(session.connection("con_A").orElseThrow().publishers()).isEmpty();
    assertThat(session.connection("con_B").orElseThrow().subscribers()).isEmpty();
  }

  @Test
  void closingASessionRemovesItFreesItsNodeStopsItsRecordingAndTellsTheMasters() throws Exception {
    activeSession("s1", "con_A");
    RecordingState recording =
        store.atomically(
            tx -> tx.recordings().start("s1", RecordingProperties.defaults(), NOW, NOW));
    store.atomically(tx -> tx.recordings().markStarted(recording.id()));
    List<ClusterEvent> events = new CopyOnWriteArrayList<>();
    try (Subscription ignored =
        track(newStoreSharingState()).subscribe(EventOperations.BROADCAST, events::add)) {

      store.atomically(tx -> tx.sessions().close("s1", "sessionClosedByServer", NOW));

      await().atMost(Duration.ofSeconds(5)).until(() -> !events.isEmpty());
    }
    assertThat(store.<Optional<SessionState>>atomically(tx -> tx.sessions().find("s1"))).isEmpty();
    assertThat(store.atomically(tx -> tx.mediaNodes().get("media_a")).sessionIds()).isEmpty();
    RecordingState stopped = store.atomically(tx -> tx.recordings().get(recording.id()));
    assertThat(stopped.status()).isEqualTo(RecordingStatus.STOPPED);
    assertThat(stopped.reason()).isEqualTo("sessionClosedByServer");
    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(ClusterEvent.SESSION_CLOSED);
              assertThat(e.connectionIds()).containsExactly("con_A");
              assertThat(e.data().get("reason").asText()).isEqualTo("sessionClosedByServer");
              assertThat(e.data().get("stoppedRecordingId").asText()).isEqualTo(recording.id());
            });
  }

  @Test
  void recordingIdsAreTheSessionIdThenSuffixedAndReusedAfterDeletion() {
    activeSession("s1", "con_A");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      RecordingState started =
          store.atomically(
              tx -> tx.recordings().start("s1", RecordingProperties.defaults(), NOW, NOW));
      store.atomically(tx -> tx.recordings().markStarted(started.id()));
      store.atomically(
          tx -> tx.recordings().stop(started.id(), "recordingStoppedByServer", true, NOW));
      ids.add(started.id());
    }
    store.atomically(tx -> tx.recordings().delete("s1"));

    RecordingState next =
        store.atomically(
            tx -> tx.recordings().start("s1", RecordingProperties.defaults(), NOW, NOW));

    assertThat(ids).containsExactly("s1", "s1-1", "s1-2");
    assertThat(next.id()).isEqualTo("s1");
    assertThat(next.properties().name()).isEqualTo("s1");
  }

  @Test
  void concurrentRecordingStartsOfOneSessionHaveExactlyOneWinner() throws Exception {
    ClusterStore other = track(newStoreSharingState());
    activeSession("s1", "con_A");

    List<Boolean> outcomes =
        race(
            8,
            i -> {
              ClusterStore through = i % 2 == 0 ? store : other;
              try {
                through.atomically(
                    tx -> tx.recordings().start("s1", RecordingProperties.defaults(), NOW, NOW));
                return true;
              } catch (TransitionRejectedException e) {
                return false;
              }
            });

    assertThat(outcomes).containsOnlyOnce(true);
    assertThat(store.<List<RecordingState>>atomically(tx -> tx.recordings().list())).hasSize(1);
  }

  @Test
  void startingRecordingOfInactiveSessionIsRejected() {
    store.atomically(tx -> tx.sessions().create(session("s1")));

    assertThatThrownBy(
            () ->
                store.atomically(
                    tx -> tx.recordings().start("s1", RecordingProperties.defaults(), NOW, NOW)))
        .isInstanceOfSatisfying(
            TransitionRejectedException.class,
            e -> assertThat(e.rejection()).isEqualTo(Rejection.SESSION_NOT_ACTIVE));
  }

  @Test
  void stoppingAStartingRecordingIsRejected() {
    activeSession("s1", "con_A");
    store.atomically(tx -> tx.recordings().start("s1", RecordingProperties.defaults(), NOW, NOW));

    assertThatThrownBy(
            () ->
                store.atomically(
                    tx -> tx.recordings().stop("s1", "recordingStoppedByServer", true, NOW)))
        .isInstanceOfSatisfying(
            TransitionRejectedException.class,
            e -> assertThat(e.rejection()).isEqualTo(Rejection.RECORDING_STARTING));
  }

  @Test
  void stoppingFreesTheSessionAndRemembersAManualStop() {
    activeSession("s1", "con_A");
    store.atomically(tx -> tx.recordings().start("s1", RecordingProperties.defaults(), NOW, NOW));
    store.atomically(tx -> tx.recordings().markStarted("s1"));

    RecordingState stopped =
        store.atomically(tx -> tx.recordings().stop("s1", "recordingStoppedByServer", true, NOW));

    SessionState session = store.atomically(tx -> tx.sessions().get("s1"));
    assertThat(stopped.status()).isEqualTo(RecordingStatus.STOPPED);
    assertThat(session.isBeingRecorded()).isFalse();
    assertThat(session.recordingManuallyStopped()).isTrue();
  }

  @Test
  void deletingAnActiveRecordingIsRejected() {
    activeSession("s1", "con_A");
    store.atomically(tx -> tx.recordings().start("s1", RecordingProperties.defaults(), NOW, NOW));

    assertThatThrownBy(() -> store.atomically(tx -> tx.recordings().delete("s1")))
        .isInstanceOfSatisfying(
            TransitionRejectedException.class,
            e -> assertThat(e.rejection()).isEqualTo(Rejection.RECORDING_ACTIVE));
  }

  @Test
  void finishingMovesAStoppedRecordingToReadyWithItsFigures() {
    activeSession("s1", "con_A");
    store.atomically(tx -> tx.recordings().start("s1", RecordingProperties.defaults(), NOW, NOW));
    store.atomically(tx -> tx.recordings().markStarted("s1"));
    store.atomically(tx -> tx.recordings().stop("s1", "recordingStoppedByServer", true, NOW));

    RecordingState ready =
        store.atomically(tx -> tx.recordings().finish("s1", RecordingStatus.READY, 1234, 2.5, "u"));

    assertThat(ready.status()).isEqualTo(RecordingStatus.READY);
    assertThat(ready.size()).isEqualTo(1234);
    assertThat(store.atomically(tx -> tx.recordings().get("s1")).url()).isEqualTo("u");
  }

  @Test
  void recordingKnowsItsUniqueSessionId() {
    activeSession("s1", "con_A");

    RecordingState recording =
        store.atomically(
            tx -> tx.recordings().start("s1", RecordingProperties.defaults(), NOW, NOW));

    assertThat(recording.uniqueSessionId()).isEqualTo("s1_" + NOW);
  }

  @Test
  void individualRecordingStartsWithAPeriodPerPublishedStream() {
    activeSession("s1", "con_A", "con_B");
    store.atomically(tx -> tx.sessions().addPublisher("s1", "con_A", publisher("str_A")));

    RecordingState recording =
        store.atomically(tx -> tx.recordings().start("s1", individual(), NOW + 10, NOW + 10));

    assertThat(recording.streams())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.fileName()).isEqualTo("str_A");
              assertThat(p.connectionId()).isEqualTo("con_A");
              assertThat(p.startTime()).isEqualTo(NOW + 10);
              assertThat(p.isOpen()).isTrue();
            });
  }

  @Test
  void composedRecordingKeepsNoStreamPeriods() {
    activeSession("s1", "con_A");
    store.atomically(tx -> tx.sessions().addPublisher("s1", "con_A", publisher("str_A")));

    RecordingState recording =
        store.atomically(
            tx -> tx.recordings().start("s1", RecordingProperties.defaults(), NOW, NOW));

    assertThat(recording.streams()).isEmpty();
  }

  @Test
  void streamPublishedDuringAnIndividualRecordingGetsAPeriodFromItsPublication() {
    activeSession("s1", "con_A");
    store.atomically(tx -> tx.recordings().start("s1", individual(), NOW, NOW));

    store.atomically(
        tx -> tx.sessions().addPublisher("s1", "con_A", publisher("str_A", NOW + 500)));

    RecordingState recording = store.atomically(tx -> tx.recordings().get("s1"));
    assertThat(recording.streams())
        .extracting(RecordedStreamState::streamId, RecordedStreamState::startTime)
        .containsExactly(Tuple.tuple("str_A", NOW + 500));
  }

  @Test
  void unpublishedStreamClosesItsPeriod() {
    activeSession("s1", "con_A");
    store.atomically(tx -> tx.recordings().start("s1", individual(), NOW, NOW));
    store.atomically(tx -> tx.sessions().addPublisher("s1", "con_A", publisher("str_A")));

    store.atomically(tx -> tx.sessions().removePublisher("s1", "str_A"));

    assertThat(store.atomically(tx -> tx.recordings().get("s1")).streams())
        .singleElement()
        .satisfies(p -> assertThat(p.isOpen()).isFalse());
  }

  @Test
  void connectionLeavingClosesThePeriodsOfItsStreams() {
    activeSession("s1", "con_A", "con_B");
    store.atomically(tx -> tx.sessions().addPublisher("s1", "con_A", publisher("str_A")));
    store.atomically(tx -> tx.recordings().start("s1", individual(), NOW, NOW));

    store.atomically(tx -> tx.sessions().removeConnection("s1", "con_A"));

    assertThat(store.atomically(tx -> tx.recordings().get("s1")).streams())
        .singleElement()
        .satisfies(p -> assertThat(p.isOpen()).isFalse());
  }

  @Test
  void streamOfAConnectionNotRecordedGetsNoPeriod() {
    activeSession("s1", "con_A");
    store.atomically(
        tx -> tx.sessions().updateConnection("s1", "con_A", c -> c.with(b -> b.record(false))));
    store.atomically(tx -> tx.recordings().start("s1", individual(), NOW, NOW));

    store.atomically(tx -> tx.sessions().addPublisher("s1", "con_A", publisher("str_A")));

    assertThat(store.atomically(tx -> tx.recordings().get("s1")).streams()).isEmpty();
  }

  @Test
  void turningRecordOffAndOnSplitsAStreamIntoPeriods() {
    activeSession("s1", "con_A");
    store.atomically(tx -> tx.sessions().addPublisher("s1", "con_A", publisher("str_A")));
    store.atomically(tx -> tx.recordings().start("s1", individual(), NOW, NOW));

    store.atomically(
        tx -> tx.sessions().updateConnection("s1", "con_A", c -> c.with(b -> b.record(false))));
    store.atomically(
        tx -> tx.sessions().updateConnection("s1", "con_A", c -> c.with(b -> b.record(true))));

    assertThat(store.atomically(tx -> tx.recordings().get("s1")).streams())
        .extracting(RecordedStreamState::fileName, RecordedStreamState::isOpen)
        .containsExactly(Tuple.tuple("str_A", false), Tuple.tuple("str_A-1", true));
  }

  @Test
  void stoppingClosesOpenPeriodsAtTheStopTime() {
    activeSession("s1", "con_A");
    store.atomically(tx -> tx.sessions().addPublisher("s1", "con_A", publisher("str_A")));
    store.atomically(tx -> tx.recordings().start("s1", individual(), NOW, NOW));
    store.atomically(tx -> tx.recordings().markStarted("s1"));

    RecordingState stopped =
        store.atomically(
            tx -> tx.recordings().stop("s1", "recordingStoppedByServer", true, NOW + 2_000));

    assertThat(stopped.streams())
        .extracting(RecordedStreamState::endTime)
        .containsExactly(NOW + 2_000);
  }

  @Test
  void unfinishedRecordingsAreListedUntilFinishedOrDeleted() {
    activeSession("s1", "con_A");
    activeSession("s2", "con_B");
    store.atomically(tx -> tx.recordings().start("s1", RecordingProperties.defaults(), NOW, NOW));
    store.atomically(tx -> tx.recordings().start("s2", RecordingProperties.defaults(), NOW, NOW));
    store.atomically(tx -> tx.recordings().markStarted("s2"));
    store.atomically(tx -> tx.recordings().stop("s2", "recordingStoppedByServer", true, NOW));
    assertThat(store.<List<RecordingState>>atomically(tx -> tx.recordings().unfinished()))
        .extracting(RecordingState::id)
        .containsExactlyInAnyOrder("s1", "s2");

    store.atomically(tx -> tx.recordings().finish("s1", RecordingStatus.FAILED, 0, 0, "u"));
    store.atomically(tx -> tx.recordings().delete("s2"));

    assertThat(store.<List<RecordingState>>atomically(tx -> tx.recordings().unfinished()))
        .isEmpty();
  }

  @Test
  void publishingInAnAlwaysSessionNotRecordedMakesItACandidateForAutomaticRecording() {
    store.atomically(
        tx -> tx.sessions().create(session("s1").with(b -> b.recordingMode(RecordingMode.ALWAYS))));
    store.atomically(tx -> tx.sessions().addConnection(pending("s1", "con_A", "tokA")));
    store.atomically(tx -> tx.sessions().activateConnection("s1", "tokA", join("m1")));
    activeSession("s2", "con_B");

    store.atomically(tx -> tx.sessions().addPublisher("s1", "con_A", publisher("str_A")));
    store.atomically(tx -> tx.sessions().addPublisher("s2", "con_B", publisher("str_B")));

    assertThat(store.<List<String>>atomically(tx -> tx.recordings().automaticCandidates()))
        .containsExactly("s1");
    store.atomically(
        tx -> {
          tx.recordings().dropAutomaticCandidate("s1");
          return null;
        });
    assertThat(store.<List<String>>atomically(tx -> tx.recordings().automaticCandidates()))
        .isEmpty();
  }

  // ---- the webhook outbox: staging appends, in commit order, without conflicts ----

  @Test
  void twoTransitionsOfOneSessionStagingEventsAtOnceBothCommitWithoutARetry() {
    ClusterStore other = track(newStoreSharingState());
    activeSession("s1", "con_A", "con_B");
    webhooksOn();
    AtomicInteger attempts = new AtomicInteger();

    store.atomically(
        tx -> {
          tx.sessions().addPublisher("s1", "con_A", publisher("str_A"));
          if (attempts.incrementAndGet() == 1) {
            other.atomically(o -> o.sessions().addPublisher("s1", "con_B", publisher("str_B")));
          }
          return null;
        });

    assertThat(attempts).hasValue(1);
    assertThat(outbox(store, "s1"))
        .extracting(e -> e.body().path("streamId").asText())
        .containsExactly("str_B", "str_A"); // the order of the commits, not of their starts
  }

  @Test
  void eventsStagedBySixteenThreadsInOneSessionComeOutInCommitOrderWithoutARetry()
      throws Exception {
    ClusterStore other = track(newStoreSharingState());
    String[] connections = new String[16];
    for (int i = 0; i < connections.length; i++) {
      connections[i] = "con_" + i;
    }
    activeSession("big", connections);
    webhooksOn();
    List<ClusterEvent> commits = new CopyOnWriteArrayList<>();
    AtomicInteger attempts = new AtomicInteger();

    try (Subscription ignored = store.subscribe("commits", commits::add)) {
      race(
          16,
          i -> {
            (i % 2 == 0 ? store : other)
                .atomically(
                    tx -> {
                      attempts.incrementAndGet();
                      tx.sessions().addPublisher("big", "con_" + i, publisher("str_" + i));
                      // The commit's position, as every master would see it.
                      tx.events()
                          .publishOn(
                              "commits",
                              new ClusterEvent("published", "str_" + i, null, null, null));
                      return null;
                    });
            return true;
          });
      await().atMost(Duration.ofSeconds(10)).until(() -> commits.size() == 16);
    }

    assertThat(attempts).hasValue(16);
    List<String> inCommitOrder =
        commits.stream()
            .sorted(java.util.Comparator.comparingLong(ClusterEvent::position))
            .map(ClusterEvent::sessionId)
            .toList();
    assertThat(outbox(store, "big"))
        .extracting(e -> e.body().path("streamId").asText())
        .containsExactlyElementsOf(inCommitOrder);
  }

  @Test
  void anEventStagedWhileItsQueueIsFoundEmptyKeepsTheQueue() {
    ClusterStore other = track(newStoreSharingState());
    webhooksOn();
    store.atomically(tx -> tx.sessions().create(session("s1")));
    WebhookOutbox.Entry created = outbox(store, "s1").get(0);
    store.atomically(
        tx -> {
          tx.webhooks().remove(created);
          return null;
        });
    AtomicInteger attempts = new AtomicInteger();

    boolean removed =
        store.atomically(
            tx -> {
              boolean empty = tx.webhooks().removeIfEmpty("s1");
              if (attempts.incrementAndGet() == 1) {
                other.atomically(o -> signalSent(o, "s1"));
              }
              return empty;
            });

    assertThat(removed).isFalse();
    assertThat(attempts).hasValue(2);
    assertThat(store.<List<String>>atomically(tx -> tx.webhooks().queues())).containsExactly("s1");
    assertThat(outbox(store, "s1"))
        .extracting(WebhookOutbox.Entry::name)
        .containsExactly("signalSent");
  }

  @Test
  void aQueueFoundEmptyLeavesTheQueuesAndTakesNewEventsAgain() {
    webhooksOn();
    store.atomically(tx -> tx.sessions().create(session("s1")));
    WebhookOutbox.Entry created = outbox(store, "s1").get(0);

    store.atomically(
        tx -> {
          tx.webhooks().remove(created);
          return null;
        });
    boolean removed = store.atomically(tx -> tx.webhooks().removeIfEmpty("s1"));

    assertThat(removed).isTrue();
    assertThat(store.<List<String>>atomically(tx -> tx.webhooks().queues())).isEmpty();
    store.atomically(tx -> signalSent(tx, "s1"));
    assertThat(store.<List<String>>atomically(tx -> tx.webhooks().queues())).containsExactly("s1");
    assertThat(outbox(store, "s1"))
        .extracting(WebhookOutbox.Entry::name)
        .containsExactly("signalSent");
  }

  @Test
  void eventsOfARejectedTransitionAreNeverStaged() {
    webhooksOn();
    store.atomically(tx -> tx.sessions().create(session("s1")));

    assertThatThrownBy(
            () ->
                store.atomically(
                    tx -> {
                      signalSent(tx, "s1");
                      return tx.sessions().create(session("s1"));
                    }))
        .isInstanceOf(TransitionRejectedException.class);

    assertThat(outbox(store, "s1"))
        .extracting(WebhookOutbox.Entry::name)
        .containsExactly("sessionCreated");
  }

  private void webhooksOn() {
    store.atomically(
        tx -> {
          tx.writeDocument(
              "config", JsonNodeFactory.instance.objectNode().put("OPENVIDU_WEBHOOK", true));
          return null;
        });
  }

  private static List<WebhookOutbox.Entry> outbox(ClusterStore through, String queue) {
    return through.atomically(tx -> tx.webhooks().pending(queue));
  }

  private static Void signalSent(Transaction tx, String sessionId) {
    tx.webhooks().signalSent(tx.sessions().get(sessionId), null, List.of(), "t", "d", NOW);
    return null;
  }

  // ---- the configuration, assumed at its last known version ----

  @Test
  void webhooksTurnedOnThroughAnotherStoreAreHonouredByTheNextTransition() {
    ClusterStore other = track(newStoreSharingState());
    store.atomically(tx -> tx.sessions().create(session("before"))); // config known: no webhook
    other.atomically(
        tx -> {
          tx.writeDocument(
              "config", JsonNodeFactory.instance.objectNode().put("OPENVIDU_WEBHOOK", true));
          return null;
        });

    store.atomically(tx -> tx.sessions().create(session("after")));

    assertThat(store.<List<String>>atomically(tx -> tx.webhooks().queues()))
        .containsExactly("after");
  }

  @Test
  void aReadOnlyTransactionSeesTheConfigurationAnotherStoreChanged() {
    ClusterStore other = track(newStoreSharingState());
    store.atomically(tx -> tx.readDocument("config", Map.class));
    other.atomically(
        tx -> {
          tx.writeDocument("config", Map.of("OPENVIDU_WEBHOOK", true));
          return null;
        });

    Optional<Map> read = store.atomically(tx -> tx.readDocument("config", Map.class));

    assertThat(read).contains(Map.of("OPENVIDU_WEBHOOK", true));
  }

  @Test
  void idempotencyRecordIsReadThroughAnotherStore() {
    ClusterStore other = track(newStoreSharingState());
    IdempotencyRecord record =
        new IdempotencyRecord("k1", "fp", 200, "application/json", "{}", NOW);
    store.atomically(
        tx -> {
          tx.idempotency().record(record, Duration.ofMinutes(10));
          return null;
        });

    Optional<IdempotencyRecord> read = other.atomically(tx -> tx.idempotency().find("k1"));

    assertThat(read).contains(record);
  }

  @Test
  void idempotencyRecordExpires() {
    store.atomically(
        tx -> {
          tx.idempotency()
              .record(
                  new IdempotencyRecord("k1", "fp", 200, null, null, NOW), Duration.ofMillis(100));
          return null;
        });

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> store.atomically(tx -> tx.idempotency().find("k1")).isEmpty());
  }

  @Test
  void expiredLeaseIsClaimedExactlyOnce() throws Exception {
    ClusterStore other = track(newStoreSharingState());
    store.atomically(
        tx -> tx.leases().acquire("p1", "m1", NOW + 10, Map.of("sessionId", "s1"), NOW));

    List<Boolean> outcomes =
        race(
            8,
            i ->
                (i % 2 == 0 ? store : other)
                    .atomically(tx -> tx.leases().claimExpired("p1", NOW + 11))
                    .isPresent());

    assertThat(outcomes).containsOnlyOnce(true);
    assertThat(store.<List<LeaseState>>atomically(tx -> tx.leases().list())).isEmpty();
  }

  @Test
  void runningLeaseOfAnotherHolderCannotBeTakenNorClaimed() {
    store.atomically(tx -> tx.leases().acquire("p1", "m1", NOW + 10, Map.of(), NOW));

    assertThatThrownBy(
            () -> store.atomically(tx -> tx.leases().acquire("p1", "m2", NOW + 20, Map.of(), NOW)))
        .isInstanceOfSatisfying(
            TransitionRejectedException.class,
            e -> assertThat(e.rejection()).isEqualTo(Rejection.LEASE_HELD));
    assertThat(
            store.<Optional<LeaseState>>atomically(tx -> tx.leases().claimExpired("p1", NOW + 5)))
        .isEmpty();
  }

  @Test
  void eventsReachSubscribersOfOtherStoresInPublicationOrder() {
    ClusterStore other = track(newStoreSharingState());
    List<String> received = new CopyOnWriteArrayList<>();
    try (Subscription ignored = other.subscribe("master:m2", e -> received.add(e.sessionId()))) {
      for (int i = 0; i < 20; i++) {
        String id = "s" + i;
        store.atomically(
            tx -> {
              tx.events()
                  .publishOn(
                      "master:m2",
                      new ClusterEvent(
                          ClusterEvent.SIGNAL,
                          id,
                          List.of(),
                          JsonNodeFactory.instance.objectNode(),
                          "m1"));
              return null;
            });
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 20);
    }
    assertThat(received)
        .containsExactly(
            "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "s12", "s13",
            "s14", "s15", "s16", "s17", "s18", "s19");
  }

  @Test
  void eventOfARejectedTransactionIsNeverPublished() throws Exception {
    List<ClusterEvent> received = new CopyOnWriteArrayList<>();
    store.atomically(tx -> tx.sessions().create(session("s1")));
    try (Subscription ignored = store.subscribe(EventOperations.BROADCAST, received::add)) {
      assertThatThrownBy(
              () ->
                  store.atomically(
                      tx -> {
                        tx.events().publish(new ClusterEvent("never", "s1", List.of(), null, "m1"));
                        return tx.sessions().create(session("s1"));
                      }))
          .isInstanceOf(TransitionRejectedException.class);
      store.atomically(
          tx -> {
            tx.events().publish(new ClusterEvent("marker", "s1", List.of(), null, "m1"));
            return null;
          });
      await().atMost(Duration.ofSeconds(5)).until(() -> !received.isEmpty());
    }
    assertThat(received).extracting(ClusterEvent::type).containsExactly("marker");
  }

  @Test
  void mediaNodeStatusChangeIsStored() {
    store.atomically(
        tx ->
            tx.mediaNodes()
                .update("media_a", n -> n.withStatus(MediaNodeStatus.WAITING_IDLE_TO_TERMINATE)));

    assertThat(store.<List<MediaNodeState>>atomically(tx -> tx.mediaNodes().list()))
        .extracting(MediaNodeState::status)
        .containsExactly(MediaNodeStatus.WAITING_IDLE_TO_TERMINATE);
  }

  @Test
  void storeIsReachableWhileOpen() {
    assertThat(store.isReachable()).isTrue();
  }

  // ---- fixtures ----

  private ClusterStore track(ClusterStore s) {
    opened.add(s);
    return s;
  }

  private void activeSession(String sessionId, String... connectionIds) {
    store.atomically(tx -> tx.sessions().create(session(sessionId)));
    for (String connectionId : connectionIds) {
      store.atomically(
          tx ->
              tx.sessions().addConnection(pending(sessionId, connectionId, "tok" + connectionId)));
      store.atomically(
          tx -> tx.sessions().activateConnection(sessionId, "tok" + connectionId, join("m1")));
    }
  }

  private static SessionState session(String id) {
    return SessionState.builder().id(id).createdAt(NOW).build();
  }

  private static ConnectionState pending(String sessionId, String connectionId, String token) {
    return ConnectionState.builder()
        .id(connectionId)
        .sessionId(sessionId)
        .createdAt(NOW)
        .role(OpenViduRole.PUBLISHER)
        .token(token)
        .build();
  }

  private static SessionOperations.Activation join(String masterId) {
    return new SessionOperations.Activation(
        NOW + 1, "127.0.0.1", "Chrome", "unknown", "", masterId);
  }

  private static RecordingProperties individual() {
    return new RecordingProperties(
        "", true, true, OutputMode.INDIVIDUAL, null, null, null, null, null, false, null);
  }

  private static PublisherState publisher(String streamId) {
    return publisher(streamId, NOW);
  }

  private static PublisherState publisher(String streamId, long createdAt) {
    return new PublisherState(
        streamId,
        createdAt,
        null,
        new MediaOptions(
            true,
            true,
            true,
            true,
            "CAMERA",
            30,
            "{\"width\":640,\"height\":480}",
            JsonNodeFactory.instance.objectNode(),
            null,
            null,
            null));
  }

  private static MediaNodeState node(String id, double baseLoad) {
    return new MediaNodeState(
        id,
        id,
        "127.0.0.1",
        "ws://127.0.0.1:8888/kurento",
        NOW,
        true,
        NOW,
        null,
        MediaNodeStatus.RUNNING,
        baseLoad,
        List.of());
  }

  private interface Attempt {
    boolean run(int index) throws Exception;
  }

  /** Runs {@code attempt} on {@code threads} threads released together; returns each outcome. */
  private static List<Boolean> race(int threads, Attempt attempt) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int index = i;
        Callable<Boolean> task =
            () -> {
              start.await();
              return attempt.run(index);
            };
        futures.add(pool.submit(task));
      }
      start.countDown();
      List<Boolean> outcomes = new ArrayList<>();
      for (Future<Boolean> future : futures) {
        outcomes.add(future.get(30, TimeUnit.SECONDS));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }
}
