package io.openvidu.ha.server.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.javalin.websocket.WsBinaryMessageContext;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsMessageContext;
import io.openvidu.ha.server.rpc.ParticipantSocket.Participant;
import io.openvidu.ha.server.store.StoreUnavailableException;
import io.openvidu.ha.server.store.TransitionRejectedException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /openvidu} WebSocket of one master: accepts sockets, records where they come from,
 * answers pings, routes each request to its method and writes the answer (signaling.md §2-3). Every
 * request gets an answer.
 */
final class ParticipantEndpoint {

  private static final Logger log = LoggerFactory.getLogger(ParticipantEndpoint.class);

  private final MasterContext master;
  private final ParticipantLeases leases;
  private final Map<String, RpcMethod> methods = new HashMap<>();
  private volatile boolean halted;

  ParticipantEndpoint(MasterContext master, ParticipantLeases leases) {
    this.master = master;
    this.leases = leases;
    new JoinMethods(master, leases).register(methods);
    new MediaMethods(master).register(methods);
    new SessionMethods(master).register(methods);
    methods.put("echo", (socket, request) -> RpcFrames.object());
  }

  void opened(WsConnectContext context) {
    SocketAddress remote = context.session.getRemoteSocketAddress();
    if (!(remote instanceof InetSocketAddress inet) || inet.getAddress() == null) {
      context.closeSession(1011, "Unknown remote address");
      return;
    }
    String ip =
        master
            .settings
            .trustedProxies()
            .clientAddress(
                inet.getAddress(), context.header("X-Real-IP"), context.header("X-Forwarded-For"));
    master.local.opened(new ParticipantSocket(context, ip));
  }

  void received(WsMessageContext context) {
    master.local.socket(context.sessionId()).ifPresent(socket -> handle(socket, context.message()));
  }

  /**
   * A binary frame: the protocol is JSON text, so it is answered as a malformed request (with no id
   * to echo) rather than dropped in silence.
   */
  void receivedBinary(WsBinaryMessageContext context) {
    master
        .local
        .socket(context.sessionId())
        .ifPresent(
            socket ->
                socket.send(
                    RpcFrames.error(
                        null,
                        RpcError.INVALID_CALL,
                        "Binary frames are not accepted; send each JSON-RPC request as a text"
                            + " frame")));
  }

  void closed(WsCloseContext context) {
    master
        .local
        .socket(context.sessionId())
        .ifPresent(
            socket -> {
              socket.markClosed();
              Participant participant = socket.participant();
              master.local.closed(socket);
              if (participant != null && !halted) {
                leases.socketLost(participant);
              }
            });
  }

  /** From now on behave as a dead process would: lost sockets start nothing. */
  void crash() {
    halted = true;
  }

  private void handle(ParticipantSocket socket, String text) {
    ParsedFrame parsed = RpcRequest.parse(text);
    if (parsed instanceof ParsedFrame.Invalid invalid) {
      socket.send(RpcFrames.error(invalid.id(), RpcError.INVALID_CALL, invalid.message()));
      return;
    }
    RpcRequest request = (RpcRequest) parsed;
    switch (request.method()) {
      case "ping" -> ping(socket, request);
      case "closeSession" -> closeSession(socket, request);
      default -> call(socket, request);
    }
  }

  private void ping(ParticipantSocket socket, RpcRequest request) {
    JsonNode interval = request.params().path("interval");
    socket.pinged(
        interval.canConvertToLong() ? interval.longValue() : 0,
        master.settings.defaultPingInterval().toMillis(),
        System.nanoTime());
    ObjectNode pong = RpcFrames.object();
    pong.put("value", "pong");
    socket.send(RpcFrames.bareResult(request.id(), pong));
  }

  /**
   * The library's graceful close: the RPC session ends at once, without a grace period, so a
   * participant that did not leave is evicted now.
   */
  private void closeSession(ParticipantSocket socket, RpcRequest request) {
    Participant participant = master.local.unbind(socket);
    socket.send(RpcFrames.bareResult(request.id(), TextNode.valueOf("bye")));
    if (participant != null) {
      long now = master.now();
      master.store.atomically(
          tx ->
              ParticipantTransitions.removeParticipant(
                  tx,
                  participant.sessionId(),
                  participant.connectionId(),
                  "networkDisconnect",
                  now));
    }
    socket.close(1000, "bye");
  }

  private void call(ParticipantSocket socket, RpcRequest request) {
    RpcMethod method = methods.get(request.method());
    try {
      if (method == null) {
        throw RpcError.METHOD_NOT_FOUND.exception("Unknown method '" + request.method() + "'");
      }
      String rpcSessionBefore = socket.participant() == null ? null : socket.rpcSessionId();
      ObjectNode result = method.call(socket, request);
      String rpcSession =
          socket.participant() != null || rpcSessionBefore == null
              ? socket.rpcSessionId()
              : rpcSessionBefore;
      socket.send(RpcFrames.result(request.id(), result, rpcSession));
    } catch (RpcException e) {
      socket.send(RpcFrames.error(request.id(), e.error(), e.getMessage()));
    } catch (TransitionRejectedException e) {
      socket.send(RpcFrames.error(request.id(), RpcError.GENERIC, e.getMessage()));
    } catch (StoreUnavailableException e) {
      log.warn("{} failed: the store is unavailable", request.method(), e);
      socket.send(
          RpcFrames.error(
              request.id(), RpcError.GENERIC, "The cluster's store is unavailable; try again"));
    } catch (RuntimeException e) {
      log.warn("{} failed unexpectedly", request.method(), e);
      socket.send(
          RpcFrames.error(
              request.id(),
              RpcError.INVALID_CALL,
              request.method() + " failed: " + e.getClass().getSimpleName()));
    } finally {
      socket.release();
    }
  }
}
