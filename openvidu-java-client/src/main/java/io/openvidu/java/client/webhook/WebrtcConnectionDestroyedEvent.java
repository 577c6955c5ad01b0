package io.openvidu.java.client.webhook;

import io.openvidu.java.client.internal.json.ResponseJson;
import java.util.Optional;

/**
 * {@code webrtcConnectionDestroyed}: a publishing or receiving media connection ended. Its {@link
 * #timestamp()} is the end time; the other members are those of the matching {@code
 * webrtcConnectionCreated}. When a published stream ends, its OUTBOUND event and the INBOUND events
 * of its subscribers carry the same reason. Immutable and thread-safe.
 */
public final class WebrtcConnectionDestroyedEvent extends WebrtcConnectionEvent {

  /** The event's name, the value of its {@code event} member. */
  public static final String NAME = "webrtcConnectionDestroyed";

  private final Ending ending;
  private final long duration;

  WebrtcConnectionDestroyedEvent(ResponseJson body, String json) {
    super(body, json);
    this.ending = new Ending(body);
    this.duration = body.requireLong("duration");
  }

  /**
   * @return when the connection was created, UTC milliseconds ({@code startTime})
   */
  public long startTime() {
    return ending.startTime;
  }

  /**
   * @return whole seconds the connection lasted ({@code duration})
   */
  public long duration() {
    return duration;
  }

  /**
   * @return why the connection ended ({@code unpublish}, {@code unsubscribe}, {@code disconnect},
   *     ...); empty when the event says nothing
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
