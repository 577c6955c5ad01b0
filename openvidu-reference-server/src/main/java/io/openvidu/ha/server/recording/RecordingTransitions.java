package io.openvidu.ha.server.recording;

import io.openvidu.ha.server.config.ClusterSettings;
import io.openvidu.ha.server.config.RuntimeConfig;
import io.openvidu.ha.server.store.RecordingProperties;
import io.openvidu.ha.server.store.RecordingState;
import io.openvidu.ha.server.store.SessionState;
import io.openvidu.ha.server.store.Transaction;

/**
 * The recording transitions that involve more than the store's state machine, each inside one
 * transaction so that it happens entirely or not at all whichever master or sweeper runs it: a
 * start also arms the automatic-stop countdown when nobody publishes and notifies the participants;
 * a stop notifies them and closes a session left without participants (rest-api.md §5.7, §5.8,
 * §6.4). Stateless apart from the cluster settings; thread-safe.
 */
final class RecordingTransitions {

  /** OpenVidu's {@code OPENVIDU_RECORDING_AUTOSTOP_TIMEOUT} default, in seconds. */
  private static final double DEFAULT_AUTOSTOP_SECONDS = 120;

  private final ClusterSettings cluster;

  RecordingTransitions(ClusterSettings cluster) {
    this.cluster = cluster;
  }

  /**
   * Starts a recording of {@code session} and makes it {@code started}: the emulated media node has
   * no container to launch, so nothing lies between the two and {@code starting} is never seen
   * outside this transaction.
   */
  RecordingState start(
      Transaction tx, SessionState session, RecordingProperties properties, long now) {
    RuntimeConfig config = RuntimeConfig.read(tx, cluster);
    RecordingState starting = tx.recordings().start(session.id(), properties, now);
    RecordingState started = tx.recordings().markStarted(starting.id());
    if (publisherCount(session) == 0) {
      long deadline = now + autoStopMillis(config);
      started = tx.recordings().update(started.id(), r -> r.withAutoStopAt(deadline));
    }
    RecordingNotifications.started(tx, session, started, notificationPolicy(config));
    return started;
  }

  /**
   * Stops an active recording with {@code reason}; participants connected now are told. A session
   * nobody is connected to (it only stayed open for the recording) closes with the same reason.
   */
  RecordingState stop(Transaction tx, String recordingId, String reason, boolean manual, long now) {
    RuntimeConfig config = RuntimeConfig.read(tx, cluster);
    RecordingState stopped = tx.recordings().stop(recordingId, reason, manual, now);
    SessionState session = tx.sessions().get(stopped.sessionId());
    RecordingNotifications.stopped(tx, session, stopped, reason, notificationPolicy(config));
    if (session.activeConnections().isEmpty()) {
      tx.sessions().close(session.id(), reason, now);
    }
    return stopped;
  }

  /**
   * The automatic-stop timeout of the cluster's configuration, in milliseconds (may be fractional
   * seconds).
   */
  long autoStopMillis(Transaction tx) {
    return autoStopMillis(RuntimeConfig.read(tx, cluster));
  }

  static long publisherCount(SessionState session) {
    return session.activeConnections().stream().mapToLong(c -> c.publishers().size()).sum();
  }

  private static long autoStopMillis(RuntimeConfig config) {
    double seconds =
        config.value("OPENVIDU_RECORDING_AUTOSTOP_TIMEOUT").asDouble(DEFAULT_AUTOSTOP_SECONDS);
    return Math.max(0, Math.round(seconds * 1000));
  }

  private static String notificationPolicy(RuntimeConfig config) {
    return config.value("OPENVIDU_RECORDING_NOTIFICATION").asText("publisher_moderator");
  }
}
