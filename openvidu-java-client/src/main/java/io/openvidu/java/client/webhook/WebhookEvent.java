package io.openvidu.java.client.webhook;

import io.openvidu.java.client.internal.json.MalformedResponseException;
import io.openvidu.java.client.internal.json.ResponseJson;
import java.nio.charset.StandardCharsets;

/**
 * One event OpenVidu posts to its webhook endpoint ({@code OPENVIDU_WEBHOOK_ENDPOINT}): the body of
 * one POST, typed. Each event type of OpenVidu 2.20 has its subclass ({@link SessionCreatedEvent},
 * {@link ParticipantJoinedEvent}, {@link RecordingStatusChangedEvent}, ...); a type this client
 * does not know is an {@link UnknownEvent} that keeps the JSON, so that a newer server never makes
 * parsing fail. Dispatch with {@code instanceof} or on {@link #name()}.
 *
 * <p>Parsing is strict about what it reads: a member the type requires that is missing, or any
 * member of the wrong JSON type, makes the body malformed. Members it does not know are ignored,
 * and reasons and statuses it does not know are kept as text (their enums answer {@code
 * UNKNOWN_TO_SDK_VERSION}).
 *
 * <p>Events are immutable and thread-safe. Two events are equal when their JSON bodies are
 * identical.
 */
public abstract class WebhookEvent {

  private final String name;
  private final long timestamp;
  private final String json;

  WebhookEvent(ResponseJson body, String json) {
    this.name = body.requireText("event");
    this.timestamp = body.requireLong("timestamp");
    this.json = json;
  }

  /**
   * Parses one webhook body. Use a {@link WebhookReceiver} to also check where the body comes from
   * and to drop repeats; this method only reads it.
   *
   * @param body the raw body of the POST, UTF-8 JSON
   * @return the typed event; an {@link UnknownEvent} when the {@code event} member names a type
   *     this client does not know
   * @throws MalformedWebhookException when the body is not one JSON object, has no {@code event} or
   *     {@code timestamp} member, or a member its type requires is missing or of the wrong type
   */
  public static WebhookEvent parse(byte[] body) throws MalformedWebhookException {
    try {
      return EventParser.parse(body);
    } catch (MalformedResponseException e) {
      throw new MalformedWebhookException(e.getMessage());
    }
  }

  /**
   * @return the event's name, the {@code event} member (for example {@code participantJoined})
   */
  public String name() {
    return name;
  }

  /**
   * @return when the event happened, in UTC milliseconds (the {@code timestamp} member; its meaning
   *     per event is that of OpenVidu, for example a session's creation time for {@code
   *     sessionCreated})
   */
  public long timestamp() {
    return timestamp;
  }

  /**
   * @return the body exactly as received, decoded as UTF-8: keep it to store or forward the event
   */
  public String json() {
    return json;
  }

  @Override
  public final boolean equals(Object other) {
    return other instanceof WebhookEvent && json.equals(((WebhookEvent) other).json);
  }

  @Override
  public final int hashCode() {
    return json.hashCode();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + json;
  }

  static String utf8(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }
}
