package io.openvidu.ha.server.rpc;

import io.javalin.config.JavalinConfig;
import io.openvidu.ha.server.cluster.MasterFeature;
import io.openvidu.ha.server.config.ClusterSettings;
import io.openvidu.ha.server.store.ClusterStore;
import io.openvidu.ha.server.store.EventOperations;
import io.openvidu.ha.server.store.Subscription;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The participant side of one master: the {@code /openvidu} WebSocket JSON-RPC endpoint of OpenVidu
 * 2.20 (signaling.md), media-less, for a cluster of masters that share a {@link ClusterStore}.
 *
 * <p>Any master serves any participant: what a participant does is committed to the store together
 * with the notifications it causes, and every master delivers those to the sockets it holds, so
 * participants of one session may be connected through different masters. A participant whose
 * socket is lost (or whose master dies) may reconnect through any master within the grace period
 * and keeps its connection id; otherwise a surviving master evicts it (reason {@code
 * networkDisconnect}). See {@link ParticipantLeases} for how.
 *
 * <p>Lifecycle: {@link #addTo} while configuring the master's Javalin, {@link #start}, and {@link
 * #close} when the master stops ({@link #crash} when it dies). {@link #feature} does all of it for
 * a cluster's masters. Thread-safe.
 */
public final class ParticipantSignaling implements MasterFeature.Crashable {

  private static final Logger log = LoggerFactory.getLogger(ParticipantSignaling.class);

  private static final long HEARTBEAT_CHECK_MILLIS = 250;

  /** A watchdog tick this late means the process was not running, not that sockets are silent. */
  private static final long STALL_NANOS = 1_000_000_000L;

  /** The WebSocket path of OpenVidu's signaling. */
  public static final String PATH = "/openvidu";

  private final MasterContext master;
  private final ParticipantLeases leases;
  private final ParticipantEndpoint endpoint;
  private final EventDelivery delivery;
  private volatile Subscription subscription;

  /** When the heartbeat watchdog last looked; only its timer task reads and writes it. */
  private long lastHeartbeatCheckNanos = System.nanoTime();

  /**
   * @param store the cluster's shared store
   * @param masterId this master's id, unique in the cluster
   * @param cluster the cluster's settings: the secret (a participant presenting it in {@code
   *     joinRoom} is privileged) and the public URL
   * @param settings grace periods, heartbeat and trusted proxies
   */
  public ParticipantSignaling(
      ClusterStore store, String masterId, ClusterSettings cluster, SignalingSettings settings) {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "signaling-" + masterId);
              thread.setDaemon(true);
              return thread;
            });
    this.master =
        new MasterContext(store, masterId, cluster, settings, new LocalParticipants(), timer);
    this.leases = new ParticipantLeases(master);
    this.endpoint = new ParticipantEndpoint(master, leases);
    this.delivery = new EventDelivery(master);
  }

  /** Participant signaling on every master of a cluster, started and stopped with each master. */
  public static MasterFeature feature(SignalingSettings settings) {
    return (config, api) -> {
      ParticipantSignaling signaling =
          new ParticipantSignaling(api.store(), api.masterId(), api.settings(), settings);
      signaling.addTo(config);
      signaling.start();
      return signaling;
    };
  }

  /** Registers the {@code /openvidu} WebSocket endpoint on a master being configured. */
  public void addTo(JavalinConfig config) {
    // Jetty's idle timeout must not close sockets before the heartbeat watchdog would (3 missed
    // pings).
    long idleMillis = master.settings.defaultPingInterval().multipliedBy(6).toMillis();
    config.jetty.modifyWebSocketServletFactory(
        factory -> factory.setIdleTimeout(Duration.ofMillis(idleMillis)));
    config.routes.ws(
        PATH,
        ws -> {
          ws.onConnect(endpoint::opened);
          ws.onMessage(endpoint::received);
          ws.onBinaryMessage(endpoint::receivedBinary);
          ws.onClose(endpoint::closed);
          ws.onError(
              context -> log.debug("WebSocket error on {}", context.sessionId(), context.error()));
        });
  }

  /**
   * Starts delivering cluster events, the heartbeat watchdog, this master's liveness lease and the
   * reaper.
   */
  public void start() {
    subscription = master.store.subscribe(EventOperations.BROADCAST, delivery);
    leases.renewMasterLease();
    long ttl = master.settings.masterLeaseTtl().toMillis();
    every(Math.max(ttl / 3, 10), leases::renewMasterLease, "renewing the master lease");
    long grace = master.settings.reconnectionGrace().toMillis();
    every(Math.max(10, Math.min(1000, Math.min(grace, ttl) / 5)), leases::reap, "reaping leases");
    every(HEARTBEAT_CHECK_MILLIS, this::closeSilentSockets, "watching heartbeats");
  }

  /**
   * Stops in order: nothing more is delivered, the liveness lease is given up. Sockets close with
   * the server.
   */
  @Override
  public void close() {
    stopTimersAndEvents();
    try {
      leases.releaseMasterLease();
    } catch (RuntimeException e) {
      log.warn(
          "Could not release the liveness lease of master {}: {}", master.masterId, e.getMessage());
    }
  }

  /**
   * From now on this master acts as a process that died: it stops renewing its liveness lease and
   * delivering events, and its lost sockets start nothing. The cluster finds out through the lease,
   * as after a {@code kill -9}.
   */
  @Override
  public void crash() {
    endpoint.crash();
    stopTimersAndEvents();
  }

  private void stopTimersAndEvents() {
    Subscription current = subscription;
    if (current != null) {
      current.close();
    }
    master.timer.shutdownNow();
    try {
      // A renewal still running would take the liveness lease again after close() gave it up.
      master.timer.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void closeSilentSockets() {
    long now = System.nanoTime();
    long stalled = now - lastHeartbeatCheckNanos - HEARTBEAT_CHECK_MILLIS * 1_000_000L;
    lastHeartbeatCheckNanos = now;
    if (stalled > STALL_NANOS) {
      // This process did not run (SIGSTOP, a long pause): the pings sent meanwhile wait unread in
      // the sockets, and this check, due during the stall, runs before they are read. Closing now
      // would drop every participant of a master that merely froze.
      log.warn(
          "Master {} did not run for {} ms: its participants' heartbeats are not counted for it",
          master.masterId,
          stalled / 1_000_000);
      for (ParticipantSocket socket : master.local.all()) {
        socket.excuse(stalled);
      }
      return;
    }
    for (ParticipantSocket socket : master.local.all()) {
      if (socket.missedPings(now)) {
        socket.close(1000, "Close for not receive ping from client");
      }
    }
  }

  private void every(long periodMillis, Runnable task, String what) {
    master.timer.scheduleWithFixedDelay(
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            log.warn("Master {} failed {}: {}", master.masterId, what, e.toString());
          }
        },
        periodMillis,
        periodMillis,
        TimeUnit.MILLISECONDS);
  }
}
