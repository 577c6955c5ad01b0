package io.openvidu.ha.it.faults;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the load was told happened: every write the cluster acknowledged, and the tag of every write
 * attempt that failed (whose outcome is therefore unknown). Every write carries a unique tag the
 * cluster keeps with its result (a custom session id, a session's default recording name, a
 * connection's server data, a recording's name), so that an entity found in the cluster can be
 * traced to the call that made it. Thread-safe.
 */
final class Ledger {
  /** A connection the cluster acknowledged, by tag. */
  record AckedConnection(String sessionId, String connectionId) {}

  /** A recording the cluster acknowledged, by tag. */
  record AckedRecording(String sessionId, String recordingId) {}

  private final Map<String, String> sessions = new ConcurrentHashMap<>();
  private final Set<String> closedSessions = ConcurrentHashMap.newKeySet();
  private final Set<String> sessionsMaybeClosed = ConcurrentHashMap.newKeySet();
  private final Map<String, AckedConnection> connections = new ConcurrentHashMap<>();
  private final Set<String> revokedConnections = ConcurrentHashMap.newKeySet();
  private final Set<String> connectionsMaybeRevoked = ConcurrentHashMap.newKeySet();
  private final Map<String, AckedRecording> recordings = new ConcurrentHashMap<>();
  private final Set<String> stoppedRecordings = ConcurrentHashMap.newKeySet();
  private final Set<String> failedTags = ConcurrentHashMap.newKeySet();

  void sessionCreated(String tag, String sessionId) {
    sessions.put(tag, sessionId);
  }

  void sessionClosed(String sessionId) {
    closedSessions.add(sessionId);
  }

  /** A close that failed: the session may or may not be gone. */
  void sessionCloseFailed(String sessionId) {
    sessionsMaybeClosed.add(sessionId);
  }

  void connectionCreated(String tag, String sessionId, String connectionId) {
    connections.put(tag, new AckedConnection(sessionId, connectionId));
  }

  void connectionRevoked(String connectionId) {
    revokedConnections.add(connectionId);
  }

  /** A revocation that failed: the connection may or may not be gone. */
  void connectionRevocationFailed(String connectionId) {
    connectionsMaybeRevoked.add(connectionId);
  }

  void recordingStarted(String tag, String sessionId, String recordingId) {
    recordings.put(tag, new AckedRecording(sessionId, recordingId));
  }

  void recordingStopped(String recordingId) {
    stoppedRecordings.add(recordingId);
  }

  /**
   * A creation that failed: whatever carries this tag in the cluster is an orphan of a failed call.
   */
  void creationFailed(String tag) {
    failedTags.add(tag);
  }

  Map<String, String> sessions() {
    return Map.copyOf(sessions);
  }

  boolean isClosed(String sessionId) {
    return closedSessions.contains(sessionId);
  }

  boolean mayBeClosed(String sessionId) {
    return sessionsMaybeClosed.contains(sessionId);
  }

  Map<String, AckedConnection> connections() {
    return Map.copyOf(connections);
  }

  boolean isRevoked(String connectionId) {
    return revokedConnections.contains(connectionId);
  }

  boolean mayBeRevoked(String connectionId) {
    return connectionsMaybeRevoked.contains(connectionId);
  }

  Map<String, AckedRecording> recordings() {
    return Map.copyOf(recordings);
  }

  boolean isStopped(String recordingId) {
    return stoppedRecordings.contains(recordingId);
  }

  boolean failed(String tag) {
    return failedTags.contains(tag);
  }

  /** Whether a tag was acknowledged as any kind of entity. */
  boolean acknowledged(String tag) {
    return sessions.containsKey(tag) || connections.containsKey(tag) || recordings.containsKey(tag);
  }
}
