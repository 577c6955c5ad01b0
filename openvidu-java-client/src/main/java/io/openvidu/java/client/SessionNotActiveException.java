package io.openvidu.java.client;

/**
 * The server answered 406 because the session exists but is not active: nobody has joined it yet,
 * so it has no participant to receive a signal. Thrown by {@link OpenVidu#sendSignal(Signal)}. An
 * addition to the official 2.20 client.
 */
public class SessionNotActiveException extends OpenViduHttpException {

  private static final long serialVersionUID = 1L;

  private final String sessionId;

  /**
   * @param sessionId the session that is not active
   * @param serverMessage the server's error message, or {@code null}
   * @param detail what failed, for {@link #toString()}
   */
  public SessionNotActiveException(String sessionId, String serverMessage, String detail) {
    super(406, serverMessage, detail);
    this.sessionId = sessionId;
  }

  /**
   * @return the id of the session that is not active
   */
  public String sessionId() {
    return sessionId;
  }
}
