package io.openvidu.ha.server.rpc;

/**
 * The JSON-RPC error codes OpenVidu 2.20 answers with (signaling.md §8), so that a client that
 * switches on the code (openvidu-browser maps 401 to "permission denied", 40007 to "reconnection
 * failed") behaves as against OpenVidu.
 */
enum RpcError {
  GENERIC(999),
  USER_GENERIC(10),
  USER_NOT_FOUND(102),
  USER_NOT_STREAMING(105),
  USER_ALREADY_STREAMING(106),
  ROOM_NOT_FOUND(202),
  MEDIA_SDP_ERROR(302),
  ROOM_CLOSED(203),
  ROOM_CANNOT_BE_CREATED(204),
  USER_UNAUTHORIZED(401),
  FILTER_NOT_APPLIED(406),
  SIGNAL_FORMAT_INVALID(600),
  SIGNAL_TO_INVALID(601),
  TRANSPORT_ERROR(803),
  RECONNECTION_ERROR(40007),
  /**
   * What the Kurento JSON-RPC library answers for a malformed call, e.g. a mandatory parameter
   * missing.
   */
  INVALID_CALL(-1),
  /**
   * JSON-RPC's "method not found". OpenVidu never answers an unknown method (the client times out);
   * we answer rather than let a caller hang.
   */
  METHOD_NOT_FOUND(-32601);

  final int code;

  RpcError(int code) {
    this.code = code;
  }

  RpcException exception(String message) {
    return new RpcException(this, message);
  }
}
