package io.openvidu.java.client.webhook;

import io.openvidu.java.client.internal.json.ResponseJson;

/**
 * An event about one session: it carries the session's id and its unique id. Immutable and
 * thread-safe.
 */
public abstract class SessionEvent extends WebhookEvent {

  private final String sessionId;
  private final String uniqueSessionId;

  SessionEvent(ResponseJson body, String json) {
    super(body, json);
    this.sessionId = body.requireText("sessionId");
    this.uniqueSessionId = body.requireText("uniqueSessionId");
  }

  /**
   * @return the session's id ({@code sessionId})
   */
  public String sessionId() {
    return sessionId;
  }

  /**
   * @return {@code <sessionId>_<creation time in ms>} ({@code uniqueSessionId}): tells apart
   *     successive sessions that reuse one custom session id
   */
  public String uniqueSessionId() {
    return uniqueSessionId;
  }
}
