package io.openvidu.ha.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * Something that happened in the cluster and that masters other than the one that caused it must
 * act on, sent through the store's publish/subscribe. {@code type} says what happened (see the
 * constants), {@code sessionId} where, {@code connectionIds} to whom it is addressed (see {@link
 * #toSession} for an event addressed to the session as it is when the event is delivered), {@code
 * data} the details, {@code origin} the master that published it, {@code position} the position of
 * the commit that published it ({@link DocumentStore.Message#position()}: set on delivery, 0
 * before). Immutable.
 */
public record ClusterEvent(
    String type,
    String sessionId,
    List<String> connectionIds,
    JsonNode data,
    String origin,
    boolean toSession,
    long position) {

  /**
   * A participant joined; data is what the others see of it ({@code {id, createdAt, metadata}});
   * addressed to the participants already there. Delivered as {@code participantJoined}.
   */
  public static final String PARTICIPANT_JOINED = "participantJoined";

  /**
   * A participant published a stream; data has {@code id} (its connection) and {@code streams};
   * addressed to the other participants. Delivered as {@code participantPublished}.
   */
  public static final String STREAM_PUBLISHED = "streamPublished";

  /**
   * A participant changed a property of its stream; data has {@code connectionId}, {@code
   * streamId}, {@code property}, {@code newValue}, {@code reason}; addressed to the other
   * participants. Delivered as {@code streamPropertyChanged}.
   */
  public static final String STREAM_PROPERTY_CHANGED = "streamPropertyChanged";

  /**
   * A server signal (REST {@code POST /signal}) to deliver as {@code sendMessage}; data: {@code
   * type}, {@code data}.
   */
  public static final String SIGNAL = "signal";

  /** A session was closed; data has {@code reason}; masters evict the participants they hold. */
  public static final String SESSION_CLOSED = "sessionClosed";

  /** A connection was removed (REST delete, eviction); data has {@code reason}. */
  public static final String CONNECTION_REMOVED = "connectionRemoved";

  /** A connection changed (role/record); data has the changed properties. */
  public static final String CONNECTION_CHANGED = "connectionChanged";

  /** A stream was unpublished by force; data has {@code streamId} and {@code reason}. */
  public static final String STREAM_REMOVED = "streamRemoved";

  /**
   * A recording started; data has {@code id} and {@code name}; {@code connectionIds} are the
   * participants to notify (already filtered by role, recordings.md §5), never empty. Delivered as
   * the {@code recordingStarted} RPC event.
   */
  public static final String RECORDING_STARTED = "recordingStarted";

  /**
   * A recording stopped; data has {@code id}, {@code name} and {@code reason}; {@code
   * connectionIds} as for {@link #RECORDING_STARTED}. Delivered as the {@code recordingStopped} RPC
   * event.
   */
  public static final String RECORDING_STOPPED = "recordingStopped";

  public ClusterEvent {
    Objects.requireNonNull(type, "type");
    connectionIds = connectionIds == null ? List.of() : List.copyOf(connectionIds);
  }

  /** An event addressed to {@code connectionIds}. */
  public ClusterEvent(
      String type, String sessionId, List<String> connectionIds, JsonNode data, String origin) {
    this(type, sessionId, connectionIds, data, origin, false, 0);
  }

  /**
   * An event addressed to whoever is in the session when it is delivered: each master hands it to
   * the participants of the session it holds whose view of the session does not include it yet (see
   * {@link SessionOperations#view}), except those listed in {@code except} (the participant it is
   * about, typically), which become its {@code connectionIds}. Its recipients are therefore not
   * read by the transaction that publishes it, which then does not conflict with participants
   * joining or leaving meanwhile.
   */
  public static ClusterEvent toSession(
      String type, String sessionId, List<String> except, JsonNode data) {
    return new ClusterEvent(type, sessionId, except, data, null, true, 0);
  }

  /** This event as delivered by a commit at {@code position}. */
  public ClusterEvent at(long position) {
    return new ClusterEvent(type, sessionId, connectionIds, data, origin, toSession, position);
  }
}
