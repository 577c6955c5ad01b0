package io.openvidu.ha.server.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/** What a participant's text frame turned out to be: a request, or a frame that is none. */
sealed interface ParsedFrame permits RpcRequest, ParsedFrame.Invalid {

  /**
   * A frame that is not a valid request. {@code id} is the request's id when it could be read (a
   * string or a number, JSON-RPC 2.0 §5), else JSON {@code null}, so that a caller whose request
   * was malformed still gets its answer instead of waiting for its own timeout.
   */
  record Invalid(JsonNode id, String message) implements ParsedFrame {}
}
