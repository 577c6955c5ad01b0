package io.openvidu.ha.server.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Media-node transitions inside one {@link Transaction}: the cluster's node list, status changes
 * and the placement of sessions (least-loaded node that accepts sessions; a session stays where it
 * was placed).
 */
public final class MediaNodeOperations {
  private final Transaction tx;
  private final Keys keys;

  MediaNodeOperations(Transaction tx, Keys keys) {
    this.tx = tx;
    this.keys = keys;
  }

  /** The node with that id, if it is part of the cluster. */
  public Optional<MediaNodeState> find(String nodeId) {
    return tx.read(keys.mediaNode(nodeId), MediaNodeState.class);
  }

  /**
   * The node with that id; rejected with {@link Rejection#MEDIA_NODE_NOT_FOUND} when there is none.
   */
  public MediaNodeState get(String nodeId) {
    return find(nodeId)
        .orElseThrow(
            () ->
                new TransitionRejectedException(
                    Rejection.MEDIA_NODE_NOT_FOUND, "Media node " + nodeId + " not found"));
  }

  /** Every node of the cluster, sorted by id. */
  public List<MediaNodeState> list() {
    List<String> ids = new ArrayList<>(tx.members(keys.mediaNodes()));
    ids.sort(Comparator.naturalOrder());
    return tx.readAll(ids.stream().map(keys::mediaNode).toList(), MediaNodeState.class);
  }

  /** Adds a node; rejected with {@link Rejection#MEDIA_NODE_EXISTS} when its id is taken. */
  public MediaNodeState add(MediaNodeState node) {
    if (find(node.id()).isPresent()) {
      throw new TransitionRejectedException(
          Rejection.MEDIA_NODE_EXISTS, "Media node " + node.id() + " exists");
    }
    tx.put(keys.mediaNode(node.id()), node, null);
    tx.addMember(keys.mediaNodes(), node.id());
    return node;
  }

  /** Replaces a node by {@code change} applied to it. */
  public MediaNodeState update(String nodeId, UnaryOperator<MediaNodeState> change) {
    MediaNodeState updated = change.apply(get(nodeId));
    if (!updated.id().equals(nodeId)) {
      throw new IllegalArgumentException("a media node's id cannot change");
    }
    tx.put(keys.mediaNode(nodeId), updated, null);
    return updated;
  }

  /** Removes a node from the cluster (its sessions must have been closed first). */
  public MediaNodeState remove(String nodeId) {
    MediaNodeState node = get(nodeId);
    tx.delete(keys.mediaNode(nodeId));
    tx.removeMember(keys.mediaNodes(), nodeId);
    return node;
  }

  /**
   * Chooses the node for a session and records the session on it: the session's requested node if
   * it accepts sessions, else the least-loaded node that does (ties broken by id). Rejected with
   * {@link Rejection#NO_MEDIA_NODE_AVAILABLE} when no node accepts sessions.
   *
   * @return the chosen node id
   */
  public String place(SessionState session) {
    MediaNodeState chosen =
        Optional.ofNullable(session.requestedMediaNodeId())
            .flatMap(this::find)
            .filter(MediaNodeState::acceptsSessions)
            .or(
                () ->
                    list().stream()
                        .filter(MediaNodeState::acceptsSessions)
                        .min(
                            Comparator.comparingDouble(MediaNodeState::load)
                                .thenComparing(MediaNodeState::id)))
            .orElseThrow(
                () ->
                    new TransitionRejectedException(
                        Rejection.NO_MEDIA_NODE_AVAILABLE, "No media node is running"));
    List<String> sessions = new ArrayList<>(chosen.sessionIds());
    if (!sessions.contains(session.id())) {
      sessions.add(session.id());
    }
    tx.put(keys.mediaNode(chosen.id()), chosen.withSessionIds(sessions), null);
    return chosen.id();
  }

  /**
   * Forgets that a session was on a node (the node may already be gone). A node {@code
   * waiting-idle-to-terminate} whose last session this was terminates: it leaves the cluster.
   */
  public void release(String nodeId, String sessionId) {
    Optional<MediaNodeState> node = find(nodeId).filter(n -> n.sessionIds().contains(sessionId));
    if (node.isEmpty()) {
      return;
    }
    MediaNodeState updated =
        node.get()
            .withSessionIds(
                node.get().sessionIds().stream().filter(id -> !id.equals(sessionId)).toList());
    if (updated.status() == MediaNodeStatus.WAITING_IDLE_TO_TERMINATE
        && updated.sessionIds().isEmpty()) {
      long now = System.currentTimeMillis();
      tx.webhooks()
          .mediaNodeStatusChanged(
              updated, MediaNodeStatus.WAITING_IDLE_TO_TERMINATE, MediaNodeStatus.TERMINATING, now);
      remove(nodeId);
      tx.webhooks()
          .mediaNodeStatusChanged(
              updated.withStatus(MediaNodeStatus.TERMINATING),
              MediaNodeStatus.TERMINATING,
              MediaNodeStatus.TERMINATED,
              now);
    } else {
      tx.put(keys.mediaNode(nodeId), updated, null);
    }
  }
}
