package io.openvidu.ha.server.testing;

/**
 * A JSON-RPC call of a {@link SimulatedParticipant} that the server answered with an error, keeping
 * OpenVidu's error code (e.g. 401 for an invalid token, 40007 for a failed reconnection).
 */
public final class RpcCallException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String method;
  private final int code;

  RpcCallException(String method, int code, String message) {
    super(method + " failed with code " + code + ": " + message);
    this.method = method;
    this.code = code;
  }

  /** The method that failed, e.g. {@code joinRoom}. */
  public String method() {
    return method;
  }

  /** OpenVidu's RPC error code (signaling.md §8). */
  public int code() {
    return code;
  }
}
