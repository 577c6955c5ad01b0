package io.openvidu.java.client;

/**
 * The server answered with an HTTP status that the operation does not accept as success.
 *
 * <p>{@link #getStatus()} has the same meaning as in the official 2.20 client (the operations'
 * Javadoc lists the statuses OpenVidu uses), and {@link #getMessage()} is the same: the status
 * alone, as text ({@code "404"}), since applications show or compare it. The detail is kept apart:
 * the server's error message when the response body has one ({@link #getServerMessage()}), and
 * {@link #toString()} (hence stack traces and logs) also says which operation failed, e.g. {@code
 * OpenViduHttpException: 404 (getRecording failed: HTTP 404 Not Found)}.
 */
public class OpenViduHttpException extends OpenViduException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String serverMessage;
  private final String detail;

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
   * @param detail what failed, for {@link #toString()} (the message is the status); never contains
   *     the secret or a token
   */
  public OpenViduHttpException(int status, String serverMessage, String detail) {
    super(Integer.toString(status));
    this.status = status;
    this.serverMessage = serverMessage;
    this.detail = detail;
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

  /**
   * @return the class, the status and, in parentheses, the operation that failed with the status's
   *     reason and the server's message, e.g. {@code io.openvidu.java.client.OpenViduHttpException:
   *     404 (getRecording failed: HTTP 404 Not Found)}
   */
  @Override
  public String toString() {
    String base = super.toString();
    return detail == null || detail.equals(getMessage()) ? base : base + " (" + detail + ")";
  }
}
