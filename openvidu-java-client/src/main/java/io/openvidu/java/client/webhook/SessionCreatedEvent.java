package io.openvidu.java.client.webhook;

import io.openvidu.java.client.internal.json.ResponseJson;

/**
 * {@code sessionCreated}: a session was created ({@code POST /openvidu/api/sessions} succeeded).
 * Its {@link #timestamp()} is the session's creation time. Immutable and thread-safe.
 */
public final class SessionCreatedEvent extends SessionEvent {

  /** The event's name, the value of its {@code event} member. */
  public static final String NAME = "sessionCreated";

  SessionCreatedEvent(ResponseJson body, String json) {
    super(body, json);
  }
}
