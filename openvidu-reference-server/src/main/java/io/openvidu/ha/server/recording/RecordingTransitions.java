package io.openvidu.ha.server.recording;

import io.openvidu.ha.server.config.ClusterSettings;
import io.openvidu.ha.server.config.RuntimeConfig;
import io.openvidu.ha.server.store.OutputMode;
import io.openvidu.ha.server.store.RecordingProperties;
import io.openvidu.ha.server.store.RecordingState;
import io.openvidu.ha.server.store.SessionState;
import io.openvidu.ha.server.store.Transaction;
import java.time.Clock;

/**
 * The recording transitions that involve more than the store's state machine, each inside one
 * transaction so that it happens entirely or not at all whichever master or sweeper runs it: a
 * start sets when its launch is over; its completion arms the automatic-stop countdown when nobody
 * publishes and notifies the participants; a stop notifies them and closes a session left without
 * participants (rest-api.md §5.7, §5.8, §6.4). Stateless apart from its settings; thread-safe.
 */
final class RecordingTransitions {

  /** OpenVidu's {@code OPENVIDU_RECORDING_AUTOSTOP_TIMEOUT} default, in seconds. */
  private static final double DEFAULT_AUTOSTOP_SECONDS = 120;

  private final ClusterSettings cluster;
  private final RecordingSettings settings;
  private final Clock clock;

  RecordingTransitions(ClusterSettings cluster, RecordingSettings settings, Clock clock) {
    this.cluster = cluster;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Starts a recording of {@code session}: it is {@code starting} until its launch is over (see
   * {@link RecordingSettings}), when {@link #complete} makes it {@code started}.
   */
  RecordingState start(
      Transaction tx, SessionState session, RecordingProperties properties, long now) {
    long clockNow = clock.millis();
    long launchEndsAt = clockNow + launchMillis(session, properties, clockNow);
    return tx.recordings().start(session.id(), properties, now, launchEndsAt);
  }

  /**
   * Makes a {@code starting} recording {@code started}: the webhook, the participants'
   * notification, and the automatic-stop countdown when nobody publishes (rest-api.md §5.7, §6.4).
   */
  RecordingState complete(Transaction tx, String recordingId, long now) {
    RuntimeConfig config = RuntimeConfig.read(tx, cluster);
    RecordingState started = tx.recordings().markStarted(recordingId);
    SessionState session = tx.sessions().get(started.sessionId());
    if (publisherCount(session) == 0) {
      long deadline = now + autoStopMillis(config);
      started = tx.recordings().update(started.id(), r -> r.withAutoStopAt(deadline));
    }
    RecordingNotifications.started(tx, session, started, notificationPolicy(config));
    return started;
  }

  /**
   * How long a start takes: a COMPOSED container launches now; a COMPOSED_QUICK_START one has been
   * launching since the session's first participant joined (recordings.md §1) and only what is left
   * of that launch remains; recorders then need their start time. INDIVIDUAL and audio-only
   * recordings have no container.
   */
  private long launchMillis(SessionState session, RecordingProperties properties, long clockNow) {
    long recorder = settings.recorderStartTime().toMillis();
    long container = settings.containerLaunchTime().toMillis();
    if (!properties.isComposedWithVideo()) {
      return recorder;
    }
    if (properties.outputMode() == OutputMode.COMPOSED_QUICK_START && session.activeAt() != null) {
      // The join time is the store's; the clock runs along it (a test's starts from it).
      return Math.max(0, session.activeAt() + container - clockNow) + recorder;
    }
    return container;
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
