package io.openvidu.java.client.webhook;

/**
 * The body is not one webhook event: not a JSON object, or a member its type requires is missing or
 * of the wrong JSON type. The message names the member (for example {@code member 'event.sessionId'
 * is missing}) and never quotes the body. Answer 400.
 */
public final class MalformedWebhookException extends WebhookException {

  private static final long serialVersionUID = 1L;

  MalformedWebhookException(String message) {
    super(message);
  }
}
