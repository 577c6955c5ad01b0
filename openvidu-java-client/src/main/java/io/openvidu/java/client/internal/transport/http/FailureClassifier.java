package io.openvidu.java.client.internal.transport.http;

import io.openvidu.java.client.internal.transport.policy.AttemptResult;
import io.openvidu.java.client.transport.AttemptFailure;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Turns an attempt's I/O failure into the retry table's classes. What matters is not the
 * exception's type but whether any of the request was written: before that, the server cannot have
 * acted on it and any call may move on; after it, the outcome is unknown. Descriptions are short,
 * name no secret, and are what the call's exception message shows.
 */
final class FailureClassifier {

  /** What OkHttp's exception says when a server answers a stream with RST_STREAM REFUSED_STREAM. */
  private static final String REFUSED_STREAM_MESSAGE = "stream was reset: REFUSED_STREAM";

  private FailureClassifier() {}

  /**
   * @param e the failure
   * @param requestSent whether the request's headers began to be written
   * @param timedOut whether the attempt's own timeout cancelled it
   * @param neverLeftQueue whether it was still waiting in the HTTP dispatcher's queue then
   * @param attemptTimeoutMs the timeout that applied to this attempt
   * @param connectTimeoutMs the connect timeout
   */
  static AttemptResult classify(
      IOException e,
      boolean requestSent,
      boolean timedOut,
      boolean neverLeftQueue,
      long attemptTimeoutMs,
      long connectTimeoutMs) {
    if (!requestSent && timedOut && neverLeftQueue) {
      // The client's own congestion: the endpoint was never asked, and says nothing of its health.
      return AttemptResult.timedOutInClientQueue(
          "attempt timed out after "
              + attemptTimeoutMs
              + " ms waiting in the client's queue (its per-host limit of calls in flight) before it"
              + " was sent",
          e);
    }
    if (!requestSent) {
      return AttemptResult.failed(
          AttemptFailure.Kind.NOT_SENT,
          notSentDescription(e, timedOut, attemptTimeoutMs, connectTimeoutMs),
          e);
    }
    if (isRefusedStream(e)) {
      // HTTP/2 guarantees a refused stream was not processed (RFC 9113 §8.7).
      return AttemptResult.failed(AttemptFailure.Kind.NOT_SENT, "stream refused by the server", e);
    }
    if (timedOut) {
      return AttemptResult.failed(
          AttemptFailure.Kind.OUTCOME_UNKNOWN,
          "attempt timed out after " + attemptTimeoutMs + " ms (request sent, outcome unknown)",
          e);
    }
    return AttemptResult.failed(
        AttemptFailure.Kind.OUTCOME_UNKNOWN,
        "connection failed after the request was sent (" + summary(e) + "; outcome unknown)",
        e);
  }

  /**
   * Whether the server refused the HTTP/2 stream. OkHttp's exception for it is internal API, so it
   * is recognised by the message its public contract (an {@link IOException}) carries, which names
   * the RFC's error code.
   */
  static boolean isRefusedStream(IOException e) {
    return REFUSED_STREAM_MESSAGE.equals(e.getMessage());
  }

  private static String notSentDescription(
      IOException e, boolean timedOut, long attemptTimeoutMs, long connectTimeoutMs) {
    if (timedOut) {
      return "attempt timed out after " + attemptTimeoutMs + " ms before the request was sent";
    }
    if (e instanceof StaleConnectionException) {
      return e.getMessage();
    }
    if (has(e, UnknownHostException.class)) {
      return "unknown host";
    }
    if (has(e, SocketTimeoutException.class)) {
      return "connect timed out after " + connectTimeoutMs + " ms";
    }
    if (has(e, SSLException.class)) {
      return "TLS handshake failed (" + summary(e) + ")";
    }
    if (has(e, NoRouteToHostException.class)) {
      return "no route to host";
    }
    if (has(e, ConnectException.class)) {
      String root = rootMessage(e);
      return root != null && root.toLowerCase(Locale.ROOT).contains("refused")
          ? "connection refused"
          : "could not connect (" + summary(e) + ")";
    }
    return "could not connect (" + summary(e) + ")";
  }

  private static boolean has(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  private static String summary(IOException e) {
    String message = e.getMessage();
    return message == null
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + message;
  }
}
