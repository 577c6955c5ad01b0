package io.openvidu.java.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The server answered 406 because a recipient of a signal is not a participant connected to the
 * session (a pending connection, one that left, or a wrong id). The signal was sent to nobody, not
 * even to the valid recipients. Thrown by {@link OpenVidu#sendSignal(Signal)}. An addition to the
 * official 2.20 client.
 */
public class InvalidSignalRecipientsException extends OpenViduHttpException {

  private static final long serialVersionUID = 1L;

  private final List<String> recipients;

  /**
   * @param recipients the connection ids the signal was addressed to
   * @param serverMessage the server's error message, or {@code null}
   * @param detail what failed, for {@link #toString()}
   */
  public InvalidSignalRecipientsException(
      List<String> recipients, String serverMessage, String detail) {
    super(406, serverMessage, detail);
    this.recipients = Collections.unmodifiableList(new ArrayList<>(recipients));
  }

  /**
   * @return the connection ids the signal was addressed to, one or more of them not connected
   */
  public List<String> recipients() {
    return recipients;
  }
}
