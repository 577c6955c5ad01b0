package io.openvidu.ha.server.rpc;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One OpenVidu method a participant may call; returns its result (the RPC session id is added by
 * the caller).
 */
@FunctionalInterface
interface RpcMethod {

  ObjectNode call(ParticipantSocket socket, RpcRequest request);
}
