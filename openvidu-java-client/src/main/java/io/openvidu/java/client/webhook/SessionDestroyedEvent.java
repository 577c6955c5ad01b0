package io.openvidu.java.client.webhook;

import io.openvidu.java.client.internal.json.ResponseJson;
import java.util.Optional;

/**
 * {@code sessionDestroyed}: a session that had been announced by {@code sessionCreated} was closed.
 * Its {@link #timestamp()} is the closing time. Immutable and thread-safe.
 */
public final class SessionDestroyedEvent extends SessionEvent {

  /** The event's name, the value of its {@code event} member. */
  public static final String NAME = "sessionDestroyed";

  private final Ending ending;
  private final long duration;

  SessionDestroyedEvent(ResponseJson body, String json) {
    super(body, json);
    this.ending = new Ending(body);
    this.duration = body.requireLong("duration");
  }

  /**
   * @return the session's creation time, UTC milliseconds ({@code startTime})
   */
  public long startTime() {
    return ending.startTime;
  }

  /**
   * @return whole seconds the session lasted ({@code duration})
   */
  public long duration() {
    return duration;
  }

  /**
   * @return why the session was closed ({@code lastParticipantLeft}, {@code sessionClosedByServer},
   *     {@code automaticStop}, ...); empty when the event says nothing
   */
  public Optional<EndReason> reason() {
    return ending.reason();
  }

  /**
   * @return the {@code reason} member's text, also when {@link #reason()} does not know it
   */
  public Optional<String> reasonAsString() {
    return ending.reasonAsString();
  }
}
