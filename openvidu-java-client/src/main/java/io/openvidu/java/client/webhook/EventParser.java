package io.openvidu.java.client.webhook;

import io.openvidu.java.client.internal.json.ResponseJson;

/** Reads one webhook body into its event type. Stateless. */
final class EventParser {

  private EventParser() {}

  /** Throws the internal {@code MalformedResponseException}; the caller turns it into ours. */
  static WebhookEvent parse(byte[] body) {
    ResponseJson json = ResponseJson.parse(body, "event");
    String text = WebhookEvent.utf8(body);
    String name = json.requireText("event");
    switch (name) {
      case SessionCreatedEvent.NAME:
        return new SessionCreatedEvent(json, text);
      case SessionDestroyedEvent.NAME:
        return new SessionDestroyedEvent(json, text);
      case ParticipantJoinedEvent.NAME:
        return new ParticipantJoinedEvent(json, text);
      case ParticipantLeftEvent.NAME:
        return new ParticipantLeftEvent(json, text);
      case WebrtcConnectionCreatedEvent.NAME:
        return new WebrtcConnectionCreatedEvent(json, text);
      case WebrtcConnectionDestroyedEvent.NAME:
        return new WebrtcConnectionDestroyedEvent(json, text);
      case RecordingStatusChangedEvent.NAME:
        return new RecordingStatusChangedEvent(json, text);
      case FilterEventDispatchedEvent.NAME:
        return new FilterEventDispatchedEvent(json, text);
      case SignalSentEvent.NAME:
        return new SignalSentEvent(json, text);
      case MediaNodeStatusChangedEvent.NAME:
        return new MediaNodeStatusChangedEvent(json, text);
      case NodeCrashedEvent.NAME:
        return new NodeCrashedEvent(json, text);
      case AutoscalingEvent.NAME:
        return new AutoscalingEvent(json, text);
      default:
        return new UnknownEvent(json, text);
    }
  }
}
