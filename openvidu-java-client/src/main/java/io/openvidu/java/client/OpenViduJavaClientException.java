package io.openvidu.java.client;

import io.openvidu.java.client.transport.AttemptFailure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The call produced no usable answer from the server: every attempt failed to connect, timed out or
 * was cut off, or the answer could not be read.
 *
 * <p>Unlike the official 2.20 client, the cause is always kept, and the message names every
 * endpoint that was tried and why it failed (never the secret, the Authorization header or a
 * token). When the transport gave up, {@link #getAttemptFailures()} lists the failed attempts in
 * order, the cause is the last attempt's failure and the earlier attempts' failures are attached as
 * suppressed exceptions.
 */
public class OpenViduJavaClientException extends OpenViduException {

  private static final long serialVersionUID = 1L;

  private final List<AttemptFailure> attemptFailures;

  /**
   * @param message what went wrong
   */
  public OpenViduJavaClientException(String message) {
    this(message, null, Collections.emptyList());
  }

  /**
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public OpenViduJavaClientException(String message, Throwable cause) {
    this(message, cause, Collections.emptyList());
  }

  /**
   * @param message what went wrong
   * @param cause the underlying failure
   * @param attemptFailures every failed attempt of the call, in order
   */
  public OpenViduJavaClientException(
      String message, Throwable cause, List<AttemptFailure> attemptFailures) {
    super(message, cause);
    this.attemptFailures = Collections.unmodifiableList(new ArrayList<>(attemptFailures));
  }

  /**
   * @return the failed attempts of the call, in order; empty when the failure was not a transport
   *     failure (for example an unreadable answer)
   */
  public List<AttemptFailure> getAttemptFailures() {
    return attemptFailures;
  }
}
