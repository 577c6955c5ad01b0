package io.openvidu.ha.server.rpc;

import io.javalin.websocket.WsContext;
import java.util.ArrayList;
import java.util.List;

/**
 * One participant WebSocket held by this master: the address it came from, its heartbeat, and the
 * participant it speaks for once it has joined (or reconnected). Frames go out one at a time and in
 * order.
 *
 * <p>While a join or reconnection is being committed the socket <em>holds</em> notifications: they
 * are queued and sent after the call's answer, so that a participant never hears about its session
 * before it is in it.
 *
 * <p>A notification about the session's participants and streams carries the store position of the
 * change it tells ({@link #notifyAfter}); the socket drops those its participant's answer already
 * reflected ({@link #seesSessionAsOf}), so that it hears of each change exactly once.
 */
final class ParticipantSocket {

  private final WsContext context;
  private final String clientIp;
  private final String finalUserId;

  private volatile long lastPingNanos;
  private volatile long pingIntervalMillis;
  private volatile Participant participant;
  private String provisionalRpcSessionId;

  private boolean open = true;
  private boolean holding;
  private final List<Held> held = new ArrayList<>();

  /** The store position the participant's view of its session was taken at (0: none yet). */
  private long seenUpTo;

  /** A queued notification; {@code position} 0 is one that is sent whatever was seen. */
  private record Held(long position, String frame) {}

  ParticipantSocket(WsContext context, String clientIp) {
    this.context = context;
    this.clientIp = clientIp;
    this.finalUserId = ParticipantIds.finalUserId();
  }

  /**
   * Who a socket speaks for: its private RPC session and its connection in an OpenVidu session. The
   * RPC session id is the credential of a reconnection, so {@code toString()} leaves it out.
   */
  record Participant(String rpcSessionId, String sessionId, String connectionId) {
    @Override
    public String toString() {
      return "Participant[sessionId=" + sessionId + ", connectionId=" + connectionId + "]";
    }
  }

  String id() {
    return context.sessionId();
  }

  String clientIp() {
    return clientIp;
  }

  String finalUserId() {
    return finalUserId;
  }

  Participant participant() {
    return participant;
  }

  /**
   * The RPC session id to put in this socket's answers: its participant's, or one of its own before
   * it joins (the library creates an RPC session for every socket).
   */
  synchronized String rpcSessionId() {
    Participant current = participant;
    if (current != null) {
      return current.rpcSessionId();
    }
    if (provisionalRpcSessionId == null) {
      provisionalRpcSessionId = ParticipantIds.rpcSessionId();
    }
    return provisionalRpcSessionId;
  }

  void bind(Participant joined) {
    participant = joined;
  }

  /**
   * Forgets the participant (it left, was evicted, or reconnected elsewhere); returns who it was.
   */
  Participant unbind() {
    Participant previous = participant;
    participant = null;
    return previous;
  }

  // ---- heartbeat

  /** Records a ping; the first one fixes the interval the watchdog expects. */
  void pinged(long intervalMillisOrZero, long defaultIntervalMillis, long nowNanos) {
    if (pingIntervalMillis == 0) {
      pingIntervalMillis = intervalMillisOrZero > 0 ? intervalMillisOrZero : defaultIntervalMillis;
    }
    lastPingNanos = nowNanos;
  }

  /**
   * Does not count {@code stalledNanos} against the participant: this process was not running then
   * (suspended, a long pause), so its pings wait unread in the socket, not missing. A ping recorded
   * concurrently may be moved as far into the future, which only delays the watchdog once.
   */
  void excuse(long stalledNanos) {
    lastPingNanos += stalledNanos;
  }

  /** Whether three heartbeat intervals passed since the last ping (never before the first ping). */
  boolean missedPings(long nowNanos) {
    long interval = pingIntervalMillis;
    return interval > 0 && nowNanos - lastPingNanos > 3 * interval * 1_000_000L;
  }

  // ---- frames

  /** Sends an answer at once. */
  synchronized void send(String frame) {
    if (open) {
      context.send(frame);
    }
  }

  /** Sends a notification, or queues it while the socket holds notifications. */
  synchronized void notify(String frame) {
    notifyAfter(0, frame);
  }

  /**
   * Sends (or queues while holding) a notification of a change committed at {@code position},
   * unless the participant's view of the session already reflects it.
   */
  synchronized void notifyAfter(long position, String frame) {
    if (holding) {
      held.add(new Held(position, frame));
    } else if (position == 0 || position > seenUpTo) {
      send(frame);
    }
  }

  /**
   * The participant's answer described its session as of the store position {@code position}:
   * notifications of changes up to it are not sent, queued ones included.
   */
  synchronized void seesSessionAsOf(long position) {
    seenUpTo = position;
  }

  synchronized void hold() {
    holding = true;
  }

  /** Stops holding and sends what was queued, in arrival order. */
  synchronized void release() {
    holding = false;
    for (Held notification : held) {
      if (notification.position() == 0 || notification.position() > seenUpTo) {
        send(notification.frame());
      }
    }
    held.clear();
  }

  /** Stops holding and drops what was queued (the join it was for failed). */
  synchronized void discardHeld() {
    holding = false;
    held.clear();
  }

  synchronized void close(int code, String reason) {
    if (open) {
      open = false;
      context.closeSession(code, reason);
    }
  }

  synchronized void markClosed() {
    open = false;
  }

  synchronized boolean isOpen() {
    return open;
  }
}
