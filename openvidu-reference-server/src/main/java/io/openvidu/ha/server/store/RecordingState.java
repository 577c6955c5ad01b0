package io.openvidu.ha.server.store;

import java.util.Objects;

/**
 * A recording as the store keeps it: its resolved {@link RecordingProperties} (the name is final: the id when none
 * was asked for), where it is in the state machine of recordings.md §6, and the figures that become final at
 * {@code ready}: {@code size} in bytes, {@code duration} in seconds, {@code url} (null before {@code ready}/{@code
 * failed}). {@code reason} is the stop reason once stopped; {@code stoppedAt} the stop time. Immutable.
 */
public record RecordingState(
    String id,
    String sessionId,
    RecordingProperties properties,
    String mediaNodeId,
    long createdAt,
    RecordingStatus status,
    long size,
    double duration,
    String url,
    String reason,
    Long stoppedAt) {

  public RecordingState {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(properties, "properties");
    Objects.requireNonNull(status, "status");
  }

  /** A new recording in {@code starting} status. */
  public static RecordingState starting(String id, String sessionId, RecordingProperties properties,
      String mediaNodeId, long createdAt) {
    return new RecordingState(id, sessionId, properties, mediaNodeId, createdAt, RecordingStatus.STARTING, 0, 0,
        null, null, null);
  }

  /** A copy in another status. */
  public RecordingState withStatus(RecordingStatus newStatus) {
    return new RecordingState(id, sessionId, properties, mediaNodeId, createdAt, newStatus, size, duration, url,
        reason, stoppedAt);
  }

  /** A copy in {@code stopped} status with its reason and time. */
  public RecordingState stopped(String stopReason, long at) {
    return new RecordingState(id, sessionId, properties, mediaNodeId, createdAt, RecordingStatus.STOPPED, size,
        duration, url, stopReason, at);
  }

  /** A copy in a final status ({@code ready} or {@code failed}) with its final figures. */
  public RecordingState finished(RecordingStatus finalStatus, long finalSize, double finalDuration, String finalUrl) {
    return new RecordingState(id, sessionId, properties, mediaNodeId, createdAt, finalStatus, finalSize,
        finalDuration, finalUrl, reason, stoppedAt);
  }
}
