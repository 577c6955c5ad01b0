package io.openvidu.ha.it.faults;

import io.openvidu.java.client.Connection;
import io.openvidu.java.client.Recording;
import io.openvidu.java.client.RecordingProperties;
import io.openvidu.java.client.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Compares what the cluster holds with what the {@link Ledger} says was acknowledged.
 *
 * <ul>
 *   <li><b>lost</b>: an acknowledged write whose effect is not there: a session or connection
 *       missing, a closed session or revoked connection back, a recording missing, or not {@code
 *       ready} after an acknowledged stop (once processing is over);
 *   <li><b>duplicated</b>: an entity of this run the ledger cannot explain: a second entity with an
 *       acknowledged tag, or one whose tag was neither acknowledged nor failed;
 *   <li><b>orphans</b>: entities left by calls that failed (their outcome was unknown to the
 *       caller): allowed, and reported.
 * </ul>
 */
final class ClusterAudit {
  /** The comparison's counts, with one line of detail per discrepancy. */
  record Result(int lost, int duplicated, int orphans, List<String> details) {}

  private final Ledger ledger;
  private final String runTag;
  private final List<String> details = new ArrayList<>();
  private int lost;
  private int duplicated;
  private int orphans;

  private ClusterAudit(Ledger ledger, String runTag) {
    this.ledger = ledger;
    this.runTag = runTag;
  }

  /**
   * @param sessions every session of the cluster, pending connections included (what {@code
   *     OpenVidu.fetch()} gives)
   * @param recordings every recording of the cluster
   */
  static Result compare(
      Ledger ledger, String runTag, List<Session> sessions, List<Recording> recordings) {
    ClusterAudit audit = new ClusterAudit(ledger, runTag);
    audit.sessions(sessions);
    audit.connections(sessions);
    audit.recordings(recordings);
    return new Result(audit.lost, audit.duplicated, audit.orphans, List.copyOf(audit.details));
  }

  private void sessions(List<Session> sessions) {
    Map<String, Session> byId =
        sessions.stream().collect(Collectors.toMap(Session::getSessionId, s -> s));
    ledger
        .sessions()
        .forEach(
            (tag, id) -> {
              boolean present = byId.containsKey(id);
              if (ledger.isClosed(id) && present) {
                lost("session " + id + " closed (acknowledged) but still there");
              } else if (!ledger.isClosed(id) && !ledger.mayBeClosed(id) && !present) {
                lost("session " + id + " (tag " + tag + ") acknowledged but missing");
              }
            });
    tally("session", sessions.stream().map(this::tagOf).filter(this::ofThisRun).toList());
  }

  private void connections(List<Session> sessions) {
    Map<String, Session> byId =
        sessions.stream().collect(Collectors.toMap(Session::getSessionId, s -> s));
    ledger
        .connections()
        .forEach(
            (tag, acked) -> {
              Session session = byId.get(acked.sessionId());
              if (session == null) {
                return; // its session is gone, with everything in it: the sessions' check accounts
                // for that
              }
              boolean present = session.getConnection(acked.connectionId()) != null;
              if (ledger.isRevoked(acked.connectionId()) && present) {
                lost(
                    "connection "
                        + acked.connectionId()
                        + " revoked (acknowledged) but still there");
              } else if (!ledger.isRevoked(acked.connectionId())
                  && !ledger.mayBeRevoked(acked.connectionId())
                  && !present) {
                lost(
                    "connection "
                        + acked.connectionId()
                        + " (tag "
                        + tag
                        + ") acknowledged but missing");
              }
            });
    tally(
        "connection",
        sessions.stream()
            .flatMap(s -> s.getConnections().stream())
            .map(Connection::getServerData)
            .filter(this::ofThisRun)
            .toList());
  }

  private void recordings(List<Recording> recordings) {
    Map<String, Recording> byId =
        recordings.stream().collect(Collectors.toMap(Recording::getId, r -> r));
    ledger
        .recordings()
        .forEach(
            (tag, acked) -> {
              Recording recording = byId.get(acked.recordingId());
              if (recording == null) {
                lost(
                    "recording "
                        + acked.recordingId()
                        + " (tag "
                        + tag
                        + ") acknowledged but missing");
              } else if (ledger.isStopped(acked.recordingId())
                  && recording.getStatus() != Recording.Status.ready) {
                lost(
                    "recording "
                        + acked.recordingId()
                        + " stopped (acknowledged) but "
                        + recording.getStatus());
              }
            });
    tally(
        "recording", recordings.stream().map(Recording::getName).filter(this::ofThisRun).toList());
  }

  /**
   * Counts entities per tag: one per acknowledged tag is expected, any for a failed one is an
   * orphan.
   */
  private void tally(String kind, List<String> tags) {
    Map<String, Integer> counts = new HashMap<>();
    tags.forEach(tag -> counts.merge(tag, 1, Integer::sum));
    counts.forEach(
        (tag, count) -> {
          if (ledger.acknowledged(tag)) {
            if (count > 1) {
              duplicated += count - 1;
              details.add(count + " " + kind + "s tagged " + tag + " for one acknowledged call");
            }
          } else if (ledger.failed(tag)) {
            orphans += 1;
            if (count > 1) {
              duplicated += count - 1;
              details.add(count + " " + kind + "s tagged " + tag + " for one failed call");
            }
          } else {
            duplicated += count;
            details.add(count + " " + kind + "(s) tagged " + tag + " that no call made");
          }
        });
  }

  private String tagOf(Session session) {
    if (session.getSessionId().startsWith(runTag)) {
      return session.getSessionId();
    }
    RecordingProperties defaults =
        session.getProperties() == null
            ? null
            : session.getProperties().defaultRecordingProperties();
    return defaults == null ? null : defaults.name();
  }

  private boolean ofThisRun(String tag) {
    return tag != null && tag.startsWith(runTag + "-");
  }

  private void lost(String detail) {
    lost++;
    details.add(detail);
  }
}
