package io.openvidu.ha.server.media;

import io.openvidu.ha.server.store.ClusterStore;
import io.openvidu.ha.server.store.Identifiers;
import io.openvidu.ha.server.store.MediaNodeState;
import io.openvidu.ha.server.store.MediaNodeStatus;
import io.openvidu.ha.server.store.Rejection;
import io.openvidu.ha.server.store.SessionState;
import io.openvidu.ha.server.store.StoreUnavailableException;
import io.openvidu.ha.server.store.Transaction;
import io.openvidu.ha.server.store.TransitionRejectedException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated media nodes of a cluster: launching them, their status changes, removal with
 * OpenVidu's deletion strategies, and crashes. A simulated node has no process of its own: it is
 * its document in the store, so any master may act on any node, and a node outlives the process
 * that launched it. Asynchronous steps (a launch completing) run on this object's scheduler.
 * Thread-safe.
 */
public final class MediaNodes implements AutoCloseable {
  /** The reason sessions close when their node is removed by force. */
  public static final String MEDIA_SERVER_DISCONNECT = "mediaServerDisconnect";

  /** The reason sessions close when their node crashes. */
  public static final String NODE_CRASHED = "nodeCrashed";

  private static final Logger log = LoggerFactory.getLogger(MediaNodes.class);

  private final ClusterStore store;
  private final Duration launchTime;
  private volatile int simulatedCount;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "media-nodes");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * @param launchTime how long a launch without {@code wait} stays {@code launching} before the
   *     node runs
   */
  public MediaNodes(ClusterStore store, Duration launchTime) {
    this.store = store;
    this.launchTime = launchTime;
  }

  /**
   * Makes sure nodes {@code media_simulated-1} … {@code media_simulated-<count>} are part of the
   * cluster (running), adding those that are missing. Several processes sharing a store thus share
   * one set of nodes. Remembers {@code count} for {@link #discover()}.
   *
   * @return the nodes it added
   */
  public List<MediaNodeState> ensureSimulatedNodes(int count) {
    simulatedCount = Math.max(simulatedCount, count);
    long now = System.currentTimeMillis();
    List<MediaNodeState> added = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      String environmentId = "simulated-" + i;
      store
          .atomically(
              tx ->
                  tx.mediaNodes().find("media_" + environmentId).isPresent()
                      ? Optional.<MediaNodeState>empty()
                      : Optional.of(
                          add(
                              tx,
                              newNode(
                                  environmentId, "127.0.0.1", "ws://127.0.0.1:8888/kurento", now),
                              true,
                              now)))
          .ifPresent(added::add);
    }
    return added;
  }

  /**
   * {@code PUT /media-nodes} (rest-api.md §5.17): the simulated nodes this process was started with
   * that are no longer part of the cluster (crashed, or removed) are found again and join it,
   * running and empty.
   *
   * @return the nodes it added
   */
  public List<MediaNodeState> discover() {
    return ensureSimulatedNodes(simulatedCount);
  }

  /**
   * Stages the addition of a node at {@code uri} (on-premises style) in {@code tx}. With {@code
   * wait} it is {@code running}; otherwise it is {@code launching}, and the caller calls {@link
   * #finishLaunchLater} once the transaction committed. Rejected with {@link
   * Rejection#MEDIA_NODE_EXISTS} when a node with that URI or id is already there.
   */
  public MediaNodeState launch(Transaction tx, URI uri, String environmentId, boolean wait) {
    long now = System.currentTimeMillis();
    String env =
        environmentId != null && !environmentId.isEmpty()
            ? environmentId
            : Identifiers.mediaNodeId().substring("media_".length());
    MediaNodeState launching = newNode(env, uri.getHost(), uri.toString(), now);
    if (tx.mediaNodes().list().stream().anyMatch(n -> n.uri().equals(uri.toString()))) {
      throw new TransitionRejectedException(
          Rejection.MEDIA_NODE_EXISTS, "A media node at that URI exists");
    }
    return add(tx, launching, wait, now);
  }

  /**
   * After the launch time, a {@code launching} node runs and a {@code canceled} one terminates
   * (leaves the cluster). Does nothing to a node in another status, or gone.
   */
  public void finishLaunchLater(String nodeId) {
    scheduler.schedule(() -> completeLaunch(nodeId), launchTime.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Changes a node's status as {@code PATCH /media-nodes/{id}} does. {@code terminating} closes the
   * node's sessions and removes it; {@code launching} (from canceled) launches it again.
   *
   * @return the node after the change, or unchanged when it already had that status
   * @throws TransitionRejectedException {@link Rejection#MEDIA_NODE_NOT_FOUND}, or {@link
   *     Rejection#MEDIA_NODE_TRANSITION_NOT_ALLOWED}
   */
  public StatusChange changeStatus(String nodeId, MediaNodeStatus target) {
    StatusChange change =
        store.atomically(
            tx -> {
              MediaNodeState node = tx.mediaNodes().get(nodeId);
              if (node.status() == target) {
                return new StatusChange(node, false);
              }
              if (!node.status().canBePatchedTo(target)) {
                throw new TransitionRejectedException(
                    Rejection.MEDIA_NODE_TRANSITION_NOT_ALLOWED,
                    "Media node "
                        + nodeId
                        + " cannot go from "
                        + node.status().wireName()
                        + " to "
                        + target.wireName());
              }
              long now = System.currentTimeMillis();
              if (target == MediaNodeStatus.TERMINATING) {
                closeSessionsAndRemove(tx, node, MEDIA_SERVER_DISCONNECT, now);
                return new StatusChange(node.withStatus(MediaNodeStatus.TERMINATING), true);
              }
              if (target == MediaNodeStatus.WAITING_IDLE_TO_TERMINATE
                  && node.sessionIds().isEmpty()) {
                tx.webhooks().mediaNodeStatusChanged(node, node.status(), target, now);
                closeSessionsAndRemove(tx, node.withStatus(target), MEDIA_SERVER_DISCONNECT, now);
                return new StatusChange(node.withStatus(target), true);
              }
              tx.webhooks().mediaNodeStatusChanged(node, node.status(), target, now);
              return new StatusChange(
                  tx.mediaNodes().update(nodeId, n -> n.withStatus(target)), true);
            });
    if (target == MediaNodeStatus.LAUNCHING && change.changed()) {
      finishLaunchLater(nodeId);
    }
    return change;
  }

  /**
   * Removes a node with a deletion strategy.
   *
   * @return {@link Removal#REMOVED}, or {@link Removal#WAITING_FOR_SESSIONS} ({@code
   *     when-no-sessions} with sessions)
   * @throws TransitionRejectedException {@link Rejection#MEDIA_NODE_NOT_FOUND}, or {@link
   *     Rejection#MEDIA_NODE_HAS_SESSIONS} ({@code if-no-sessions} with sessions)
   */
  public Removal remove(String nodeId, DeletionStrategy strategy) {
    return store.atomically(
        tx -> {
          MediaNodeState node = tx.mediaNodes().get(nodeId);
          long now = System.currentTimeMillis();
          if (node.sessionIds().isEmpty() || strategy == DeletionStrategy.NOW) {
            closeSessionsAndRemove(tx, node, MEDIA_SERVER_DISCONNECT, now);
            return Removal.REMOVED;
          }
          if (strategy == DeletionStrategy.IF_NO_SESSIONS) {
            throw new TransitionRejectedException(
                Rejection.MEDIA_NODE_HAS_SESSIONS,
                "Media node " + nodeId + " hosts " + node.sessionIds().size() + " sessions");
          }
          if (node.status() != MediaNodeStatus.WAITING_IDLE_TO_TERMINATE) {
            tx.webhooks()
                .mediaNodeStatusChanged(
                    node, node.status(), MediaNodeStatus.WAITING_IDLE_TO_TERMINATE, now);
            tx.mediaNodes()
                .update(nodeId, n -> n.withStatus(MediaNodeStatus.WAITING_IDLE_TO_TERMINATE));
          }
          return Removal.WAITING_FOR_SESSIONS;
        });
  }

  /**
   * Simulates the crash of a node: webhook {@code nodeCrashed}, then its sessions close with reason
   * {@code nodeCrashed} (their participants are told through the store's events) and the node
   * leaves the cluster ({@code terminating}, {@code terminated}).
   */
  public void crash(String nodeId) {
    store.atomically(
        tx -> {
          long now = System.currentTimeMillis();
          MediaNodeState node = tx.mediaNodes().get(nodeId);
          List<String> recordingIds =
              node.sessionIds().stream()
                  .map(id -> tx.sessions().find(id).map(SessionState::activeRecordingId))
                  .flatMap(Optional::stream)
                  .filter(Objects::nonNull)
                  .toList();
          tx.webhooks().nodeCrashed(node, recordingIds, now);
          closeSessionsAndRemove(tx, node, NODE_CRASHED, now);
          return null;
        });
  }

  /** Every node of the cluster. */
  public List<MediaNodeState> list() {
    return store.atomically(tx -> tx.mediaNodes().list());
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }

  private void completeLaunch(String nodeId) {
    try {
      store.atomically(
          tx -> {
            tx.mediaNodes()
                .find(nodeId)
                .ifPresent(
                    node -> {
                      long now = System.currentTimeMillis();
                      if (node.status() == MediaNodeStatus.LAUNCHING) {
                        tx.webhooks()
                            .mediaNodeStatusChanged(
                                node, MediaNodeStatus.LAUNCHING, MediaNodeStatus.RUNNING, now);
                        tx.mediaNodes().update(nodeId, n -> running(n, now));
                      } else if (node.status() == MediaNodeStatus.CANCELED) {
                        closeSessionsAndRemove(tx, node, MEDIA_SERVER_DISCONNECT, now);
                      }
                    });
            return null;
          });
    } catch (StoreUnavailableException e) {
      log.warn("Media node {} could not finish launching: the store is unavailable", nodeId, e);
    }
  }

  /**
   * Takes a node out of the cluster: {@code terminating}, its sessions closed with {@code reason},
   * then {@code terminated}. The node is marked {@code terminating} first so that closing its last
   * session does not terminate it a second time (see {@code MediaNodeOperations#release}).
   */
  private static void closeSessionsAndRemove(
      Transaction tx, MediaNodeState node, String reason, long now) {
    tx.webhooks().mediaNodeStatusChanged(node, node.status(), MediaNodeStatus.TERMINATING, now);
    if (!node.sessionIds().isEmpty()) {
      tx.mediaNodes().update(node.id(), n -> n.withStatus(MediaNodeStatus.TERMINATING));
    }
    for (String sessionId : node.sessionIds()) {
      if (tx.sessions().find(sessionId).isPresent()) {
        tx.sessions().close(sessionId, reason, now);
      }
    }
    tx.mediaNodes().find(node.id()).ifPresent(n -> tx.mediaNodes().remove(n.id()));
    tx.webhooks()
        .mediaNodeStatusChanged(
            node.withStatus(MediaNodeStatus.TERMINATING),
            MediaNodeStatus.TERMINATING,
            MediaNodeStatus.TERMINATED,
            now);
  }

  /** Adds a node {@code launching}, and {@code running} at once when {@code run}. */
  private static MediaNodeState add(
      Transaction tx, MediaNodeState launching, boolean run, long now) {
    tx.mediaNodes().add(launching);
    tx.webhooks().mediaNodeStatusChanged(launching, null, MediaNodeStatus.LAUNCHING, now);
    if (!run) {
      return launching;
    }
    tx.webhooks()
        .mediaNodeStatusChanged(launching, MediaNodeStatus.LAUNCHING, MediaNodeStatus.RUNNING, now);
    return tx.mediaNodes().update(launching.id(), n -> running(n, now));
  }

  private static MediaNodeState newNode(String environmentId, String ip, String uri, long now) {
    return new MediaNodeState(
        "media_" + environmentId,
        environmentId,
        ip,
        uri,
        now,
        false,
        null,
        null,
        MediaNodeStatus.LAUNCHING,
        0.0,
        List.of());
  }

  private static MediaNodeState running(MediaNodeState node, long now) {
    return node.withConnected(true, now).withStatus(MediaNodeStatus.RUNNING);
  }

  /** A status change's result: the node afterwards, and whether anything changed. */
  public record StatusChange(MediaNodeState node, boolean changed) {}

  /** What {@link #remove} did. */
  public enum Removal {
    REMOVED,
    WAITING_FOR_SESSIONS
  }
}
