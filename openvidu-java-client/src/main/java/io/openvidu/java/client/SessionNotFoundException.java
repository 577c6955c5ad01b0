package io.openvidu.java.client;

/**
 * The server answered 404 because the session does not exist: never created, or closed. Thrown by
 * {@link OpenVidu#sendSignal(Signal)}; {@link #getStatus()} is 404 and {@link #getMessage()} is
 * {@code "404"}, as for any {@link OpenViduHttpException}. An addition to the official 2.20 client.
 */
public class SessionNotFoundException extends OpenViduHttpException {

  private static final long serialVersionUID = 1L;

  private final String sessionId;

  /**
   * @param sessionId the session that was not found
   * @param serverMessage the server's error message, or {@code null}
   * @param detail what failed, for {@link #toString()}
   */
  public SessionNotFoundException(String sessionId, String serverMessage, String detail) {
    super(404, serverMessage, detail);
    this.sessionId = sessionId;
  }

  /**
   * @return the id of the session that was not found
   */
  public String sessionId() {
    return sessionId;
  }
}
