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
    Copy copy = copy();
    copy.status = newStatus;
    return copy.build();
  }

  /**
   * A copy in {@code stopped} status with its reason and time: its open stream periods end then and
   * no countdown runs any more.
   */
  public RecordingState stopped(String stopReason, long at) {
    Copy copy = copy();
    copy.status = RecordingStatus.STOPPED;
    copy.reason = stopReason;
    copy.stoppedAt = at;
    copy.streams = streams.stream().map(p -> p.closedAt(at)).toList();
    copy.autoStopAt = null;
    return copy.build();
  }

  /** A copy in a final status ({@code ready} or {@code failed}) with its final figures. */
  public RecordingState finished(
      RecordingStatus finalStatus, long finalSize, double finalDuration, String finalUrl) {
    Copy copy = copy();
    copy.status = finalStatus;
    copy.size = finalSize;
    copy.duration = finalDuration;
    copy.url = finalUrl;
    copy.autoStopAt = null;
    return copy.build();
  }

  /** A copy with its OpenVidu {@code uniqueSessionId}. */
  public RecordingState withUniqueSessionId(String newUniqueSessionId) {
    Copy copy = copy();
    copy.uniqueSessionId = newUniqueSessionId;
    return copy.build();
  }

  /** A copy recording these stream periods. */
  public RecordingState withStreams(List<RecordedStreamState> newStreams) {
    Copy copy = copy();
    copy.streams = newStreams;
    return copy.build();
  }

  /** A copy whose automatic-stop countdown ends at {@code deadline} (null: no countdown). */
  public RecordingState withAutoStopAt(Long deadline) {
    Copy copy = copy();
    copy.autoStopAt = deadline;
    return copy.build();
  }

  /** A copy in {@code started} status: its launch is over. */
  public RecordingState started() {
    Copy copy = copy();
    copy.status = RecordingStatus.STARTED;
    copy.launchEndsAt = null;
    return copy.build();
  }

  private Copy copy() {
    return new Copy(this);
  }

  /**
   * The fields a transition may change, starting from this recording's: one place for the copies.
   */
  private static final class Copy {
    private final RecordingState from;
    RecordingStatus status;
    long size;
    double duration;
    String url;
    String reason;
    Long stoppedAt;
    String uniqueSessionId;
    List<RecordedStreamState> streams;
    Long autoStopAt;
    Long launchEndsAt;

    Copy(RecordingState from) {
      this.from = from;
      this.status = from.status;
      this.size = from.size;
      this.duration = from.duration;
      this.url = from.url;
      this.reason = from.reason;
      this.stoppedAt = from.stoppedAt;
      this.uniqueSessionId = from.uniqueSessionId;
      this.streams = from.streams;
      this.autoStopAt = from.autoStopAt;
      this.launchEndsAt = from.launchEndsAt;
    }

    RecordingState build() {
      return new RecordingState(
          from.id,
          from.sessionId,
          from.properties,
          from.mediaNodeId,
          from.createdAt,
          status,
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
  }

  /** Whether this recording failed while {@code starting}: it never was {@code started}. */
  @JsonIgnore
  public boolean isFailedStart() {
    return status == RecordingStatus.FAILED && launchEndsAt != null;
  }
}
