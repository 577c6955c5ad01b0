package io.openvidu.java.client.webhook;

/**
 * A header the receiver requires ({@link WebhookReceiver.Builder#requireHeader(String, String)}) is
 * missing or has another value.
 */
public final class WebhookHeaderMismatchException extends WebhookAuthenticationException {

  private static final long serialVersionUID = 1L;

  private final String headerName;

  WebhookHeaderMismatchException(String headerName, boolean present) {
    super(
        "the required header '"
            + headerName
            + "' is "
            + (present ? "present with another value" : "missing"));
    this.headerName = headerName;
  }

  /**
   * @return the name of the header that did not match
   */
  public String headerName() {
    return headerName;
  }
}
