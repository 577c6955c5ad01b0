package io.openvidu.java.client.webhook;

/**
 * The POST could not be shown to come from the OpenVidu server: a required header is wrong or the
 * signature does not verify. Answer 401; do not act on the body.
 */
public abstract class WebhookAuthenticationException extends WebhookException {

  private static final long serialVersionUID = 1L;

  WebhookAuthenticationException(String message) {
    super(message);
  }
}
