package io.openvidu.ha.server.store;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Objects;

/**
 * A recording as the store keeps it: its resolved {@link RecordingProperties} (the name is final:
 * the id when none was asked for), where it is in the state machine of recordings.md §6, and the
 * figures that become final at {@code ready}: {@code size} in bytes, {@code duration} in seconds,
 * {@code url} (null before {@code ready}/{@code failed}). {@code reason} is the stop reason once
 * stopped; {@code stoppedAt} the stop time.
 *
 * <p>{@code uniqueSessionId} is OpenVidu's {@code <sessionId>_<sessionCreatedAt>} (for metadata
 * files and webhooks, after the session is gone). {@code streams} are the periods an {@code
 * INDIVIDUAL} recording records, kept up to date by the publish and unpublish transitions (empty
 * for composed recordings). {@code autoStopAt} is the deadline of the automatic-stop countdown
 * (rest-api.md §6.4), null when none runs. {@code launchEndsAt} is when a {@code starting}
 * recording's emulated launch is over (on the cluster's clock, see {@code OpenViduCluster.Builder
 * .clock}); it is cleared when the recording turns {@code started}, so a {@code failed} recording
 * that still has it never started (see {@link #isFailedStart()}). Immutable.
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
    Long stoppedAt,
    String uniqueSessionId,
    List<RecordedStreamState> streams,
    Long autoStopAt,
    Long launchEndsAt) {

  public RecordingState {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(properties, "properties");
    Objects.requireNonNull(status, "status");
    streams = streams == null ? List.of() : List.copyOf(streams);
  }

  /** A new recording in {@code starting} status. */
  public static RecordingState starting(
      String id,
      String sessionId,
      RecordingProperties properties,
      String mediaNodeId,
      long createdAt,
      Long launchEndsAt) {
    return new RecordingState(
        id,
        sessionId,
        properties,
        mediaNodeId,
        createdAt,
        RecordingStatus.STARTING,
        0,
        0,
        null,
        null,
        null,
        null,
        List.of(),
        null,
        launchEndsAt);
  }

  /** A copy in another status. */
  public RecordingState withStatus(RecordingStatus newStatus) {
    return new RecordingState(
        id,
        sessionId,
        properties,
        mediaNodeId,
        createdAt,
        newStatus,
        size,
        duration,
        url,
        reason,
        stoppedAt,
        uniqueSessionId,
        streams,
        autoStopAt,
        launchEndsAt);
  }

  /**
   * A copy in {@code stopped} status with its reason and time: its open stream periods end then and
   * no countdown runs any more.
   */
  public RecordingState stopped(String stopReason, long at) {
    return new RecordingState(
        id,
        sessionId,
        properties,
        mediaNodeId,
        createdAt,
        RecordingStatus.STOPPED,
        size,
        duration,
        url,
        stopReason,
        at,
        uniqueSessionId,
        streams.stream().map(p -> p.closedAt(at)).toList(),
        null,
        launchEndsAt);
  }

  /** A copy in a final status ({@code ready} or {@code failed}) with its final figures. */
  public RecordingState finished(
      RecordingStatus finalStatus, long finalSize, double finalDuration, String finalUrl) {
    return new RecordingState(
        id,
        sessionId,
        properties,
        mediaNodeId,
        createdAt,
        finalStatus,
        finalSize,
        finalDuration,
        finalUrl,
        reason,
        stoppedAt,
        uniqueSessionId,
        streams,
        null,
        launchEndsAt);
  }

  /** A copy with its OpenVidu {@code uniqueSessionId}. */
  public RecordingState withUniqueSessionId(String newUniqueSessionId) {
    return new RecordingState(
        id,
        sessionId,
        properties,
        mediaNodeId,
        createdAt,
        status,
        size,
        duration,
        url,
        reason,
        stoppedAt,
        newUniqueSessionId,
        streams,
        autoStopAt,
        launchEndsAt);
  }

  /** A copy recording these stream periods. */
  public RecordingState withStreams(List<RecordedStreamState> newStreams) {
    return new RecordingState(
        id,
        sessionId,
        properties,
        mediaNodeId,
        createdAt,
        status,
        size,
        duration,
        url,
        reason,
        stoppedAt,
        uniqueSessionId,
        newStreams,
        autoStopAt,
        launchEndsAt);
  }

  /** A copy whose automatic-stop countdown ends at {@code deadline} (null: no countdown). */
  public RecordingState withAutoStopAt(Long deadline) {
    return new RecordingState(
        id,
        sessionId,
        properties,
        mediaNodeId,
        createdAt,
        status,
        size,
        duration,
        url,
        reason,
        stoppedAt,
        uniqueSessionId,
        streams,
        deadline,
        launchEndsAt);
  }

  /** A copy in {@code started} status: its launch is over. */
  public RecordingState started() {
    return new RecordingState(
        id,
        sessionId,
        properties,
        mediaNodeId,
        createdAt,
        RecordingStatus.STARTED,
        size,
        duration,
        url,
        reason,
        stoppedAt,
        uniqueSessionId,
        streams,
        autoStopAt,
        null);
  }

  /** Whether this recording failed while {@code starting}: it never was {@code started}. */
  @JsonIgnore
  public boolean isFailedStart() {
    return status == RecordingStatus.FAILED && launchEndsAt != null;
  }
}
