package io.openvidu.java.client.webhook;

/**
 * The receiver verifies signatures and the POST lacks one of the headers a signature needs ({@value
 * WebhookHeaders#ID}, {@value WebhookHeaders#TIMESTAMP}, {@value WebhookHeaders#SIGNATURE}), or its
 * signature header holds no signature of a version this receiver verifies.
 */
public final class WebhookSignatureMissingException extends WebhookAuthenticationException {

  private static final long serialVersionUID = 1L;

  WebhookSignatureMissingException(String message) {
    super(message);
  }
}
