package io.openvidu.java.client.webhook;

import io.openvidu.java.client.internal.json.ResponseJson;

/**
 * {@code participantJoined}: a participant joined a session (or an IP camera connection was
 * created). Its {@link #timestamp()} is when the connection became active. Immutable and
 * thread-safe.
 */
public final class ParticipantJoinedEvent extends ParticipantEvent {

  /** The event's name, the value of its {@code event} member. */
  public static final String NAME = "participantJoined";

  ParticipantJoinedEvent(ResponseJson body, String json) {
    super(body, json);
  }
}
