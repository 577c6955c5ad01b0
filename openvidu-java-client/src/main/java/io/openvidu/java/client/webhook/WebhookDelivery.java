package io.openvidu.java.client.webhook;

import java.util.Optional;

/**
 * One accepted webhook POST: its event, the event's id, and whether the event was already received
 * (a repeat). Answer a repeat with 200 like a new event, so that the sender stops retrying it, but
 * do not act on it again. Immutable and thread-safe.
 */
public final class WebhookDelivery {

  private final WebhookEvent event;
  private final String eventId;
  private final boolean repeat;

  WebhookDelivery(WebhookEvent event, String eventId, boolean repeat) {
    this.event = event;
    this.eventId = eventId;
    this.repeat = repeat;
  }

  /**
   * @return the event
   */
  public WebhookEvent event() {
    return event;
  }

  /**
   * @return the event's id from the {@value WebhookHeaders#ID} header; empty when the sender sends
   *     none (OpenVidu 2.20 itself), in which case repeats cannot be recognised
   */
  public Optional<String> eventId() {
    return Optional.ofNullable(eventId);
  }

  /**
   * @return whether this event was already accepted by this receiver (or by another instance
   *     sharing its {@link SeenEventIds}): act on the event only when this is {@code false}
   */
  public boolean isRepeat() {
    return repeat;
  }

  @Override
  public String toString() {
    return "WebhookDelivery{eventId="
        + eventId
        + ", repeat="
        + repeat
        + ", event="
        + event.name()
        + "}";
  }
}
