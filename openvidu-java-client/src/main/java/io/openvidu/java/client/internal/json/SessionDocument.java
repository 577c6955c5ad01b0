package io.openvidu.java.client.internal.json;

import io.openvidu.java.client.MediaMode;
import io.openvidu.java.client.Recording;
import io.openvidu.java.client.RecordingLayout;
import io.openvidu.java.client.RecordingMode;
import io.openvidu.java.client.RecordingProperties;
import io.openvidu.java.client.SessionProperties;
import io.openvidu.java.client.VideoCodec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A session as the server described it (REST Session object), with its connections keyed by
 * connection id in the server's order. Immutable and thread-safe; the {@code with...} methods
 * return modified copies, used to apply the effect of a successful write without fetching.
 *
 * <p>{@link #equals(Object)} compares every member and the connections as a map, so two
 * descriptions that list the same connections in another order are equal: that is what {@code
 * fetch()} reports as "no change".
 */
public final class SessionDocument {

  private final String sessionId;
  private final long createdAt;
  private final MediaMode mediaMode;
  private final RecordingMode recordingMode;
  private final RecordingProperties defaultRecordingProperties;
  private final String customSessionId;
  private final VideoCodec forcedVideoCodec;
  private final Boolean allowTranscoding;
  private final String mediaNodeId;
  private final boolean recording;
  private final Map<String, ConnectionDocument> connections;

  private SessionDocument(
      String sessionId,
      long createdAt,
      MediaMode mediaMode,
      RecordingMode recordingMode,
      RecordingProperties defaultRecordingProperties,
      String customSessionId,
      VideoCodec forcedVideoCodec,
      Boolean allowTranscoding,
      String mediaNodeId,
      boolean recording,
      Map<String, ConnectionDocument> connections) {
    this.sessionId = sessionId;
    this.createdAt = createdAt;
    this.mediaMode = mediaMode;
    this.recordingMode = recordingMode;
    this.defaultRecordingProperties = defaultRecordingProperties;
    this.customSessionId = customSessionId;
    this.forcedVideoCodec = forcedVideoCodec;
    this.allowTranscoding = allowTranscoding;
    this.mediaNodeId = mediaNodeId;
    this.recording = recording;
    this.connections = Collections.unmodifiableMap(new LinkedHashMap<>(connections));
  }

  /**
   * @throws MalformedResponseException when a member the client needs ({@code sessionId} or {@code
   *     id}, {@code createdAt}, {@code forcedVideoCodec}, {@code allowTranscoding}) is missing, or
   *     any member has the wrong type or an unknown value
   */
  public static SessionDocument parse(ResponseJson json) {
    String id = json.has("sessionId") ? json.requireText("sessionId") : json.requireText("id");
    MediaMode mediaMode = json.optionalEnum("mediaMode", MediaMode.class);
    RecordingMode recordingMode = json.optionalEnum("recordingMode", RecordingMode.class);
    ResponseJson recordingDefaults = json.optionalObject("defaultRecordingProperties");
    Map<String, ConnectionDocument> connections = new LinkedHashMap<>();
    ResponseJson connectionList = json.optionalObject("connections");
    if (connectionList != null) {
      for (ResponseJson connection : connectionList.optionalObjects("content")) {
        ConnectionDocument document = ConnectionDocument.parse(connection);
        connections.put(document.connectionId(), document);
      }
    }
    Boolean recording = json.optionalBoolean("recording");
    return new SessionDocument(
        id,
        json.requireLong("createdAt"),
        mediaMode != null ? mediaMode : MediaMode.ROUTED,
        recordingMode != null ? recordingMode : RecordingMode.MANUAL,
        recordingDefaults != null
            ? parseRecordingProperties(recordingDefaults)
            : new RecordingProperties.Builder().build(),
        json.optionalText("customSessionId"),
        json.requireEnum("forcedVideoCodec", VideoCodec.class),
        json.requireBoolean("allowTranscoding"),
        json.optionalText("mediaNodeId"),
        recording != null && recording,
        connections);
  }

  /**
   * The session as far as the client knows it without asking the server: what was requested, not
   * yet created at a known time ({@code createdAt} 0), no connections, not recording. Used when the
   * server answered "already exists" to a creation with a caller-chosen id, as the official client
   * does.
   */
  public static SessionDocument assumed(String sessionId, SessionProperties requested) {
    return new SessionDocument(
        sessionId,
        0L,
        requested.mediaMode(),
        requested.recordingMode(),
        requested.defaultRecordingProperties(),
        requested.customSessionId(),
        requested.forcedVideoCodec(),
        requested.isTranscodingAllowed(),
        requested.mediaNode(),
        false,
        Collections.emptyMap());
  }

  /**
   * Reads the stored form of recording properties (a session's {@code defaultRecordingProperties}).
   */
  private static RecordingProperties parseRecordingProperties(ResponseJson json) {
    RecordingProperties.Builder builder = new RecordingProperties.Builder();
    String name = json.optionalText("name");
    if (name != null) {
      builder.name(name);
    }
    Boolean hasAudio = json.optionalBoolean("hasAudio");
    if (hasAudio != null) {
      builder.hasAudio(hasAudio);
    }
    Boolean hasVideo = json.optionalBoolean("hasVideo");
    if (hasVideo != null) {
      builder.hasVideo(hasVideo);
    }
    Recording.OutputMode outputMode = json.optionalEnum("outputMode", Recording.OutputMode.class);
    if (outputMode != null) {
      builder.outputMode(outputMode);
    }
    builder.recordingLayout(json.optionalEnum("recordingLayout", RecordingLayout.class));
    builder.resolution(json.optionalText("resolution"));
    Integer frameRate = json.optionalInt("frameRate");
    if (frameRate != null) {
      builder.frameRate(frameRate);
    }
    Long shmSize = json.optionalLong("shmSize");
    if (shmSize != null) {
      builder.shmSize(shmSize);
    }
    builder.customLayout(json.optionalText("customLayout"));
    Boolean ignoreFailedStreams = json.optionalBoolean("ignoreFailedStreams");
    if (ignoreFailedStreams != null) {
      builder.ignoreFailedStreams(ignoreFailedStreams);
    }
    builder.mediaNode(mediaNodeId(json));
    return builder.build();
  }

  /** The stored form has a plain id; requests and some servers use {@code {"id": ...}}. */
  private static String mediaNodeId(ResponseJson json) {
    return json.isObject("mediaNode")
        ? json.requireObject("mediaNode").requireText("id")
        : json.optionalText("mediaNode");
  }

  /**
   * @return a copy whose recording flag is the given one
   */
  public SessionDocument withRecording(boolean nowRecording) {
    return new SessionDocument(
        sessionId,
        createdAt,
        mediaMode,
        recordingMode,
        defaultRecordingProperties,
        customSessionId,
        forcedVideoCodec,
        allowTranscoding,
        mediaNodeId,
        nowRecording,
        connections);
  }

  /**
   * @return a copy with the connection added, or replacing the one with its id
   */
  public SessionDocument withConnection(ConnectionDocument connection) {
    Map<String, ConnectionDocument> updated = new LinkedHashMap<>(connections);
    updated.put(connection.connectionId(), connection);
    return withConnections(updated);
  }

  /**
   * @return a copy without the connection, and without subscriptions of the others to the streams
   *     it published (the server closes those when it evicts a participant)
   */
  public SessionDocument withoutConnection(String connectionId) {
    ConnectionDocument removed = connections.get(connectionId);
    if (removed == null) {
      return this;
    }
    Map<String, ConnectionDocument> updated = new LinkedHashMap<>(connections);
    updated.remove(connectionId);
    SessionDocument withoutIt = withConnections(updated);
    for (PublisherDocument publisher : removed.publishers()) {
      withoutIt = withoutIt.withoutStream(publisher.streamId());
    }
    return withoutIt;
  }

  /**
   * @return a copy in which no connection publishes or subscribes to the stream
   */
  public SessionDocument withoutStream(String streamId) {
    Map<String, ConnectionDocument> updated = new LinkedHashMap<>();
    connections.forEach((id, connection) -> updated.put(id, connection.withoutStream(streamId)));
    return withConnections(updated);
  }

  private SessionDocument withConnections(Map<String, ConnectionDocument> updated) {
    return new SessionDocument(
        sessionId,
        createdAt,
        mediaMode,
        recordingMode,
        defaultRecordingProperties,
        customSessionId,
        forcedVideoCodec,
        allowTranscoding,
        mediaNodeId,
        recording,
        updated);
  }

  public String sessionId() {
    return sessionId;
  }

  public long createdAt() {
    return createdAt;
  }

  public MediaMode mediaMode() {
    return mediaMode;
  }

  public RecordingMode recordingMode() {
    return recordingMode;
  }

  public RecordingProperties defaultRecordingProperties() {
    return defaultRecordingProperties;
  }

  /**
   * @return the custom id the server reports ({@code ""} when it chose the id), or {@code null}
   */
  public String customSessionId() {
    return customSessionId;
  }

  public VideoCodec forcedVideoCodec() {
    return forcedVideoCodec;
  }

  public Boolean allowTranscoding() {
    return allowTranscoding;
  }

  /**
   * @return the hosting media node's id, or {@code null} while not allocated or on OpenVidu CE
   */
  public String mediaNodeId() {
    return mediaNodeId;
  }

  public boolean recording() {
    return recording;
  }

  /**
   * @return the connections by id, in the server's order; unmodifiable
   */
  public Map<String, ConnectionDocument> connections() {
    return connections;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SessionDocument)) {
      return false;
    }
    SessionDocument that = (SessionDocument) o;
    return createdAt == that.createdAt
        && recording == that.recording
        && sessionId.equals(that.sessionId)
        && mediaMode == that.mediaMode
        && recordingMode == that.recordingMode
        && Objects.equals(defaultRecordingProperties, that.defaultRecordingProperties)
        && Objects.equals(customSessionId, that.customSessionId)
        && forcedVideoCodec == that.forcedVideoCodec
        && Objects.equals(allowTranscoding, that.allowTranscoding)
        && Objects.equals(mediaNodeId, that.mediaNodeId)
        && connections.equals(that.connections);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        sessionId,
        createdAt,
        mediaMode,
        recordingMode,
        defaultRecordingProperties,
        customSessionId,
        forcedVideoCodec,
        allowTranscoding,
        mediaNodeId,
        recording,
        connections);
  }

  @Override
  public String toString() {
    return "Session{sessionId="
        + sessionId
        + ", createdAt="
        + createdAt
        + ", recording="
        + recording
        + ", connections="
        + connections.values()
        + "}";
  }
}
