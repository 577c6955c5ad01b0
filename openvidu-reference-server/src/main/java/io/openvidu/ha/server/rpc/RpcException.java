package io.openvidu.ha.server.rpc;

/**
 * A JSON-RPC call that fails with one of OpenVidu's error codes. The message goes to the
 * participant as is, so it must never contain a token or the secret.
 */
final class RpcException extends RuntimeException {

  private final RpcError error;

  RpcException(RpcError error, String message) {
    super(message, null, false, false);
    this.error = error;
  }

  RpcError error() {
    return error;
  }
}
