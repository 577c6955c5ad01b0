package io.openvidu.ha.server.store;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A session with every connection under it (pending and active, in creation order: by {@code
 * createdAt}, then id). The store keeps the connections apart from the session (see {@link
 * SessionOperations}), so they are not part of the session's stored JSON.
 *
 * <p>{@code customSessionId} is {@code ""} when the id was generated. {@code requestedMediaNodeId}
 * is the node asked for at creation (Pro's {@code mediaNode}); {@code mediaNodeId} is where the
 * session was placed, null until its first participant joins. {@code active} turns true at the
 * first join, at {@code activeAt} (null before). {@code activeRecordingId} is the recording in
 * {@code starting}/{@code started} status, if any; {@code recordingManuallyStopped} remembers a
 * REST stop so that an {@code ALWAYS} session never restarts recording on its own. Immutable;
 * change it through {@link #toBuilder()}.
 */
public record SessionState(
    String id,
    long createdAt,
    String customSessionId,
    MediaMode mediaMode,
    RecordingMode recordingMode,
    VideoCodec forcedVideoCodec,
    boolean allowTranscoding,
    RecordingProperties defaultRecordingProperties,
    String requestedMediaNodeId,
    String mediaNodeId,
    boolean active,
    Long activeAt,
    String activeRecordingId,
    boolean recordingManuallyStopped,
    @JsonIgnore List<ConnectionState> connections) {

  public SessionState {
    Objects.requireNonNull(id, "id");
    customSessionId = customSessionId == null ? "" : customSessionId;
    mediaMode = mediaMode == null ? MediaMode.ROUTED : mediaMode;
    recordingMode = recordingMode == null ? RecordingMode.MANUAL : recordingMode;
    forcedVideoCodec = forcedVideoCodec == null ? VideoCodec.VP8 : forcedVideoCodec;
    defaultRecordingProperties =
        defaultRecordingProperties == null
            ? RecordingProperties.defaults()
            : defaultRecordingProperties;
    connections = connections == null ? List.of() : List.copyOf(connections);
  }

  /** The connection with that id, pending or active. */
  public Optional<ConnectionState> connection(String connectionId) {
    return connections.stream().filter(c -> c.id().equals(connectionId)).findFirst();
  }

  /** The active connections, in creation order. */
  public List<ConnectionState> activeConnections() {
    return connections.stream().filter(ConnectionState::isActive).toList();
  }

  /** Whether a recording of this session is {@code starting} or {@code started}. */
  public boolean isBeingRecorded() {
    return activeRecordingId != null;
  }

  /**
   * A copy with {@code connection} replacing the connection of the same id, or appended when it is
   * new.
   */
  public SessionState withConnection(ConnectionState connection) {
    List<ConnectionState> copy = new ArrayList<>(connections);
    int index = indexOf(connection.id());
    if (index >= 0) {
      copy.set(index, connection);
    } else {
      copy.add(connection);
    }
    return toBuilder().connections(copy).build();
  }

  /** A copy without the connection of that id. */
  public SessionState withoutConnection(String connectionId) {
    return toBuilder()
        .connections(connections.stream().filter(c -> !c.id().equals(connectionId)).toList())
        .build();
  }

  /** A copy changed by {@code change} applied to a builder of this session. */
  public SessionState with(UnaryOperator<Builder> change) {
    return change.apply(toBuilder()).build();
  }

  private int indexOf(String connectionId) {
    for (int i = 0; i < connections.size(); i++) {
      if (connections.get(i).id().equals(connectionId)) {
        return i;
      }
    }
    return -1;
  }

  /** A builder for a new session. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this session's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link SessionState}s. Not thread-safe. */
  public static final class Builder {
    private String id;
    private long createdAt;
    private String customSessionId = "";
    private MediaMode mediaMode = MediaMode.ROUTED;
    private RecordingMode recordingMode = RecordingMode.MANUAL;
    private VideoCodec forcedVideoCodec = VideoCodec.VP8;
    private boolean allowTranscoding;
    private RecordingProperties defaultRecordingProperties = RecordingProperties.defaults();
    private String requestedMediaNodeId;
    private String mediaNodeId;
    private boolean active;
    private Long activeAt;
    private String activeRecordingId;
    private boolean recordingManuallyStopped;
    private List<ConnectionState> connections = List.of();

    private Builder() {}

    private Builder(SessionState s) {
      id = s.id;
      createdAt = s.createdAt;
      customSessionId = s.customSessionId;
      mediaMode = s.mediaMode;
      recordingMode = s.recordingMode;
      forcedVideoCodec = s.forcedVideoCodec;
      allowTranscoding = s.allowTranscoding;
      defaultRecordingProperties = s.defaultRecordingProperties;
      requestedMediaNodeId = s.requestedMediaNodeId;
      mediaNodeId = s.mediaNodeId;
      active = s.active;
      activeAt = s.activeAt;
      activeRecordingId = s.activeRecordingId;
      recordingManuallyStopped = s.recordingManuallyStopped;
      connections = s.connections;
    }

    public Builder id(String value) {
      id = value;
      return this;
    }

    public Builder createdAt(long value) {
      createdAt = value;
      return this;
    }

    public Builder customSessionId(String value) {
      customSessionId = value;
      return this;
    }

    public Builder mediaMode(MediaMode value) {
      mediaMode = value;
      return this;
    }

    public Builder recordingMode(RecordingMode value) {
      recordingMode = value;
      return this;
    }

    public Builder forcedVideoCodec(VideoCodec value) {
      forcedVideoCodec = value;
      return this;
    }

    public Builder allowTranscoding(boolean value) {
      allowTranscoding = value;
      return this;
    }

    public Builder defaultRecordingProperties(RecordingProperties value) {
      defaultRecordingProperties = value;
      return this;
    }

    public Builder requestedMediaNodeId(String value) {
      requestedMediaNodeId = value;
      return this;
    }

    public Builder mediaNodeId(String value) {
      mediaNodeId = value;
      return this;
    }

    public Builder active(boolean value) {
      active = value;
      return this;
    }

    public Builder activeAt(Long value) {
      activeAt = value;
      return this;
    }

    public Builder activeRecordingId(String value) {
      activeRecordingId = value;
      return this;
    }

    public Builder recordingManuallyStopped(boolean value) {
      recordingManuallyStopped = value;
      return this;
    }

    public Builder connections(List<ConnectionState> value) {
      connections = value;
      return this;
    }

    public SessionState build() {
      return new SessionState(
          id,
          createdAt,
          customSessionId,
          mediaMode,
          recordingMode,
          forcedVideoCodec,
          allowTranscoding,
          defaultRecordingProperties,
          requestedMediaNodeId,
          mediaNodeId,
          active,
          activeAt,
          activeRecordingId,
          recordingManuallyStopped,
          connections);
    }
  }
}
