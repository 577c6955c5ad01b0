package io.openvidu.java.client;

/**
 * The server answered with an HTTP status that the operation does not accept as success.
 *
 * <p>{@link #getStatus()} has the same meaning as in the official 2.20 client (the operations'
 * Javadoc lists the statuses OpenVidu uses). Unlike the official client, the exception also carries
 * the server's error message when the response body has one ({@link #getServerMessage()}), and the
 * message of the exception says which operation failed.
 */
public class OpenViduHttpException extends OpenViduException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String serverMessage;

  /**
   * @param status the HTTP status the server answered
   */
  public OpenViduHttpException(int status) {
    this(status, null, Integer.toString(status));
  }

  /**
   * @param status the HTTP status the server answered
   * @param serverMessage the {@code message} member of the server's JSON error body, or {@code
   *     null}
   * @param message the exception's message; never contains the secret or a token
   */
  public OpenViduHttpException(int status, String serverMessage, String message) {
    super(message);
    this.status = status;
    this.serverMessage = serverMessage;
  }

  /**
   * @return the HTTP status the server answered
   */
  public int getStatus() {
    return status;
  }

  /**
   * @return the server's error message ({@code message} of its JSON error body), or {@code null}
   *     when the body was empty or not an OpenVidu error document
   */
  public String getServerMessage() {
    return serverMessage;
  }
}
