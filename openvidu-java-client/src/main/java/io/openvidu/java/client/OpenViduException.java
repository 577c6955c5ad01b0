package io.openvidu.java.client;

/**
 * Base class of every checked exception this client throws.
 *
 * <p>As in the official 2.20 client, callers catch either {@link OpenViduHttpException} (the server
 * answered with an error status) or {@link OpenViduJavaClientException} (no usable answer:
 * transport failure, timeout, unreadable response).
 */
public class OpenViduException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong; never contains the secret or a token
   */
  public OpenViduException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong; never contains the secret or a token
   * @param cause the underlying failure, kept for diagnosis
   */
  public OpenViduException(String message, Throwable cause) {
    super(message, cause);
  }
}
