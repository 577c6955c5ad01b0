package io.openvidu.java.client.webhook;

import io.openvidu.java.client.internal.json.ResponseJson;
import java.util.Optional;

/**
 * {@code participantLeft}: a participant left its session or was evicted. Its {@link #timestamp()}
 * is the leaving time; the participant's members are as they were when it joined. Immutable and
 * thread-safe.
 */
public final class ParticipantLeftEvent extends ParticipantEvent {

  /** The event's name, the value of its {@code event} member. */
  public static final String NAME = "participantLeft";

  private final Ending ending;
  private final long duration;

  ParticipantLeftEvent(ResponseJson body, String json) {
    super(body, json);
    this.ending = new Ending(body);
    this.duration = body.requireLong("duration");
  }

  /**
   * @return when the participant joined, UTC milliseconds ({@code startTime})
   */
  public long startTime() {
    return ending.startTime;
  }

  /**
   * @return whole seconds the participant stayed ({@code duration})
   */
  public long duration() {
    return duration;
  }

  /**
   * @return why the participant left ({@code disconnect}, {@code forceDisconnectByServer}, {@code
   *     networkDisconnect}, ...); empty when the event says nothing
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
