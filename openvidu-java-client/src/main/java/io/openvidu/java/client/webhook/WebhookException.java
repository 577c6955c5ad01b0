package io.openvidu.java.client.webhook;

import io.openvidu.java.client.OpenViduException;

/**
 * A webhook POST was rejected. Answer {@linkplain WebhookAuthenticationException an authentication
 * failure} with 401 and a {@linkplain MalformedWebhookException malformed body} with 400, so that
 * the sender's logs say why. Messages name what was wrong (a header's name, a member's path) and
 * never contain a header's value, a signature or a secret.
 */
public abstract class WebhookException extends OpenViduException {

  private static final long serialVersionUID = 1L;

  WebhookException(String message) {
    super(message);
  }
}
