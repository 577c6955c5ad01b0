package io.openvidu.ha.server.cluster;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvidu.ha.server.config.ClusterSettings;
import io.openvidu.ha.server.config.RuntimeConfig;
import io.openvidu.ha.server.store.ClusterStore;
import io.openvidu.ha.server.store.ConnectionState;
import io.openvidu.ha.server.store.SessionState;
import io.openvidu.ha.server.store.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session garbage collector of rest-api.md §6.1, one per process: every {@code
 * OPENVIDU_SESSIONS_GARBAGE_INTERVAL} (read from the cluster's configuration each time, so {@code
 * POST /restart} changes it; zero turns it off) it removes the sessions that never became active
 * and are older than {@code OPENVIDU_SESSIONS_GARBAGE_THRESHOLD}. They go silently: no participant
 * is there to tell and no {@code sessionDestroyed} webhook is due for them (webhooks.md).
 *
 * <p>Guarantees, whatever the number of processes sharing the store:
 *
 * <ul>
 *   <li>Each round (the interval's n-th multiple since the epoch) is run by exactly one collector:
 *       the one whose transaction claims it in the store first.
 *   <li>A session is closed at most once: each removal is its own transaction that re-checks the
 *       session, so a collector racing another (or a {@code DELETE}) finds it gone and moves on.
 *   <li>A session a participant is joining is never removed: a session counts as unused only while
 *       its newest connection (token) is older than the threshold too, and a {@code joinRoom} that
 *       commits first makes the session active, which the removal re-checks.
 * </ul>
 *
 * <p>Thread-safe. Time comes from an injected {@link Clock}, so tests run rounds at will.
 */
public final class SessionGarbageCollector implements AutoCloseable {
  /** The internal close reason: nobody hears it, no webhook is sent for it. */
  public static final String REASON = "garbageCollector";

  private static final Logger log = LoggerFactory.getLogger(SessionGarbageCollector.class);
  private static final String ROUND_DOCUMENT = "sessions-garbage-round";

  private final ClusterStore store;
  private final ClusterSettings settings;
  private final Clock clock;
  private final String collectorId;
  private final ScheduledExecutorService timer;

  /**
   * @param store the cluster's store
   * @param settings the cluster's start-up settings (defaults of the interval and threshold)
   * @param clock where time comes from
   * @param collectorId this process's name, stored with the rounds it claims
   */
  public SessionGarbageCollector(
      ClusterStore store, ClusterSettings settings, Clock clock, String collectorId) {
    this.store = Objects.requireNonNull(store, "store");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.collectorId = Objects.requireNonNull(collectorId, "collectorId");
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "sessions-garbage-" + collectorId);
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Checks every {@code tick} whether a round is due (a round is therefore up to one tick late).
   */
  public void start(Duration tick) {
    long millis = Math.max(1, tick.toMillis());
    timer.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
  }

  private void tick() {
    try {
      collectIfDue();
    } catch (StoreUnavailableException e) {
      log.debug(
          "Session garbage collection skipped: the store is unreachable ({})", e.getMessage());
    } catch (RuntimeException e) {
      log.warn("Session garbage collection failed", e);
    }
  }

  /**
   * Runs the round due now, unless the collector is off or another collector (or this one) already
   * claimed it.
   */
  public Round collectIfDue() {
    long now = clock.millis();
    RuntimeConfig config = store.atomically(tx -> RuntimeConfig.read(tx, settings));
    long interval = config.sessionsGarbageInterval().toMillis();
    if (interval <= 0) {
      return Round.off();
    }
    long number = now / interval;
    boolean claimed =
        store.atomically(
            tx -> {
              long last =
                  tx.readDocument(ROUND_DOCUMENT, ObjectNode.class)
                      .map(d -> d.path("round").asLong(-1))
                      .orElse(-1L);
              if (last >= number) {
                return false;
              }
              tx.writeDocument(
                  ROUND_DOCUMENT,
                  JsonNodeFactory.instance
                      .objectNode()
                      .put("round", number)
                      .put("by", collectorId)
                      .put("at", now));
              return true;
            });
    if (!claimed) {
      return Round.claimedElsewhere(number);
    }
    long threshold = config.sessionsGarbageThreshold().toMillis();
    List<String> closed = new ArrayList<>();
    for (SessionState candidate : store.atomically(tx -> tx.sessions().list())) {
      if (isGarbage(candidate, now, threshold) && remove(candidate.id(), now, threshold)) {
        closed.add(candidate.id());
      }
    }
    if (!closed.isEmpty()) {
      log.info("Session garbage collector {} removed unused sessions {}", collectorId, closed);
    }
    return Round.ran(number, closed);
  }

  /** Removes the session if it is still garbage when the transaction reads it. */
  private boolean remove(String sessionId, long now, long threshold) {
    return store.atomically(
        tx -> {
          var session = tx.sessions().find(sessionId);
          if (session.isEmpty() || !isGarbage(session.get(), now, threshold)) {
            return false;
          }
          tx.sessions().close(sessionId, REASON, now);
          return true;
        });
  }

  /**
   * Never active, and neither the session nor any of its connections younger than the threshold.
   */
  static boolean isGarbage(SessionState session, long now, long threshold) {
    if (session.active() || session.createdAt() > now - threshold) {
      return false;
    }
    for (ConnectionState connection : session.connections()) {
      if (connection.createdAt() > now - threshold) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  /**
   * What one call of {@link #collectIfDue()} did.
   *
   * @param outcome whether it ran the round
   * @param number the round's number (the interval's multiple), -1 when the collector is off
   * @param closed the sessions it removed
   */
  public record Round(Outcome outcome, long number, List<String> closed) {
    public Round {
      closed = List.copyOf(closed);
    }

    static Round off() {
      return new Round(Outcome.OFF, -1, List.of());
    }

    static Round claimedElsewhere(long number) {
      return new Round(Outcome.ALREADY_CLAIMED, number, List.of());
    }

    static Round ran(long number, List<String> closed) {
      return new Round(Outcome.RAN, number, closed);
    }
  }

  /** Whether a collector ran a round. */
  public enum Outcome {
    /** The interval is zero. */
    OFF,
    /** This round was claimed before (by another process, or by this one). */
    ALREADY_CLAIMED,
    /** This collector claimed the round and removed what was garbage. */
    RAN
  }
}
