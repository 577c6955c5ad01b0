package io.openvidu.ha.server.store;

import java.util.List;
import java.util.Objects;

/**
 * A simulated media node as the store keeps it (rest-api.md §5.17): its identity, connection times,
 * status and the sessions placed on it. {@code baseLoad} is the node's idle load; its reported load
 * grows with the sessions it hosts (see {@link #load()}). {@code disconnectionTime} is set only
 * while {@code connected} is false. Immutable.
 */
public record MediaNodeState(
    String id,
    String environmentId,
    String ip,
    String uri,
    long launchingTime,
    boolean connected,
    Long connectionTime,
    Long disconnectionTime,
    MediaNodeStatus status,
    double baseLoad,
    List<String> sessionIds) {

  /** Load added by every session a node hosts, in percent: the simulated cost of a session. */
  public static final double LOAD_PER_SESSION = 2.5;

  public MediaNodeState {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    sessionIds = sessionIds == null ? List.of() : List.copyOf(sessionIds);
  }

  /** The simulated CPU load, 0.00 to 100.00. */
  public double load() {
    double load = Math.min(100.0, baseLoad + LOAD_PER_SESSION * sessionIds.size());
    return Math.round(load * 100.0) / 100.0;
  }

  /** Whether new sessions may be placed here: running and connected. */
  public boolean acceptsSessions() {
    return status == MediaNodeStatus.RUNNING && connected;
  }

  /** A copy in another status. */
  public MediaNodeState withStatus(MediaNodeStatus newStatus) {
    return new MediaNodeState(
        id,
        environmentId,
        ip,
        uri,
        launchingTime,
        connected,
        connectionTime,
        disconnectionTime,
        newStatus,
        baseLoad,
        sessionIds);
  }

  /** A copy connected (at {@code at}) or disconnected (since {@code at}). */
  public MediaNodeState withConnected(boolean isConnected, long at) {
    return new MediaNodeState(
        id,
        environmentId,
        ip,
        uri,
        launchingTime,
        isConnected,
        isConnected ? Long.valueOf(at) : connectionTime,
        isConnected ? null : Long.valueOf(at),
        status,
        baseLoad,
        sessionIds);
  }

  /** A copy hosting these sessions. */
  public MediaNodeState withSessionIds(List<String> newSessionIds) {
    return new MediaNodeState(
        id,
        environmentId,
        ip,
        uri,
        launchingTime,
        connected,
        connectionTime,
        disconnectionTime,
        status,
        baseLoad,
        newSessionIds);
  }
}
