package io.openvidu.java.client.webhook;

import io.openvidu.java.client.internal.json.ResponseJson;

/**
 * An event whose type this client does not know (a newer server's, or one of the CDR-only types):
 * it keeps its {@link #name()}, {@link #timestamp()} and the whole body in {@link #json()}, so that
 * an application can read it with its own JSON library. Receiving one is never an error. Immutable
 * and thread-safe.
 */
public final class UnknownEvent extends WebhookEvent {

  UnknownEvent(ResponseJson body, String json) {
    super(body, json);
  }
}
