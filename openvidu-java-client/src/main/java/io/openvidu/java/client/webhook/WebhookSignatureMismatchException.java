package io.openvidu.java.client.webhook;

/**
 * No signature of the POST matches its id, timestamp and body under any of the receiver's signing
 * secrets: the secret differs, or the body, the id or the timestamp was altered on the way.
 */
public final class WebhookSignatureMismatchException extends WebhookAuthenticationException {

  private static final long serialVersionUID = 1L;

  WebhookSignatureMismatchException(String message) {
    super(message);
  }
}
