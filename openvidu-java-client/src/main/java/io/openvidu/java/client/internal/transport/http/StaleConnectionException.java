package io.openvidu.java.client.internal.transport.http;

import java.io.IOException;

/**
 * A pooled connection was found closed by the server before anything of a request was written to
 * it. Thrown by {@link StaleConnectionGuard}, caught by {@link StaleConnectionRetry}; it reaches
 * the failure classifier only when too many connections in a row were found closed, and then the
 * request was provably not sent.
 */
final class StaleConnectionException extends IOException {

  private static final long serialVersionUID = 1L;

  StaleConnectionException(String message) {
    super(message);
  }
}
