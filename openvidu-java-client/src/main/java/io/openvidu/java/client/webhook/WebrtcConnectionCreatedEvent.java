package io.openvidu.java.client.webhook;

import io.openvidu.java.client.internal.json.ResponseJson;

/**
 * {@code webrtcConnectionCreated}: a participant started publishing (OUTBOUND) or subscribed to a
 * stream (INBOUND). Its {@link #timestamp()} is when the media endpoint was created. Immutable and
 * thread-safe.
 */
public final class WebrtcConnectionCreatedEvent extends WebrtcConnectionEvent {

  /** The event's name, the value of its {@code event} member. */
  public static final String NAME = "webrtcConnectionCreated";

  WebrtcConnectionCreatedEvent(ResponseJson body, String json) {
    super(body, json);
  }
}
