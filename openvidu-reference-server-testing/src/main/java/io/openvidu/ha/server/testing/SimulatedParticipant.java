package io.openvidu.ha.server.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvidu.ha.server.testing.internal.ParticipantWebSockets;
import io.openvidu.ha.server.testing.internal.SocketListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;

/**
 * A participant without media that speaks OpenVidu 2.20's WebSocket JSON-RPC protocol the way
 * openvidu-browser does: it opens {@code /openvidu} on a chosen master, pings, joins with a token,
 * publishes, subscribes, signals and records every notification the server sends it. It can also
 * lose its socket without leaving and come back through another master, which is what a browser
 * does when its master dies behind a load balancer.
 *
 * <pre>{@code
 * URI master = URI.create("http://127.0.0.1:4443");
 * try (SimulatedParticipant alice = SimulatedParticipant.builder(token).via(master).join()) {
 *   String streamId = alice.publish();
 *   alice.awaitNotification("participantJoined", Map.of("id", bobsConnectionId));
 * }
 * }</pre>
 *
 * <p>Thread-safe: calls may come from any thread; each waits for its answer (bounded by the
 * builder's timeout). Notifications are kept in arrival order. Calls that the server answers with
 * an error throw {@link RpcCallException}; a call without an answer in time, or on a closed socket,
 * throws {@link IllegalStateException}.
 */
public final class SimulatedParticipant implements AutoCloseable {

  private static final int NORMAL_CLOSURE = 1000;

  /** openvidu-browser's close code after {@code leaveRoom}. */
  public static final int CLOSE_AFTER_LEAVING = 4102;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ScheduledExecutorService PINGER =
      Executors.newScheduledThreadPool(
          1,
          runnable -> {
            Thread thread = new Thread(runnable, "simulated-participant-pings");
            thread.setDaemon(true);
            return thread;
          });

  private final Builder settings;
  private final AtomicInteger nextId = new AtomicInteger();
  private final Map<Integer, PendingCall> pending = new ConcurrentHashMap<>();
  private final List<Notification> notifications = new ArrayList<>();
  private final Object sendLock = new Object();

  private volatile Link link;
  private volatile JsonNode joinResult;

  /** How many notifications had arrived when the answer to joinRoom did (-1: not yet). */
  private int notificationsAtJoinAnswer = -1;

  private volatile String rpcSessionId;

  private SimulatedParticipant(Builder settings) {
    this.settings = settings;
  }

  /**
   * Starts describing a participant that will join with {@code token}, the full token string a REST
   * {@code POST /sessions/{id}/connection} returned.
   */
  public static Builder builder(String token) {
    return new Builder(token);
  }

  // ----------------------------------------------------------------------------------------------
  // joining

  /**
   * Sends {@code joinRoom} with the builder's token, platform and metadata.
   *
   * @return the result (connection id, existing participants in {@code value}, role, ...)
   */
  public JsonNode joinRoom() {
    ObjectNode params = MAPPER.createObjectNode();
    params.put("token", settings.token);
    params.put("session", settings.openViduSessionId());
    params.put("platform", settings.platform);
    params.put("metadata", settings.metadata);
    params.put("secret", "");
    params.put("recorder", false);
    JsonNode result = call("joinRoom", params);
    rpcSessionId = result.path("sessionId").asText(null);
    joinResult = result;
    return result;
  }

  /**
   * The connection id the server gave this participant in {@code joinRoom}, or null before joining.
   */
  public String connectionId() {
    JsonNode result = joinResult;
    return result == null ? null : result.path("id").asText(null);
  }

  /** The OpenVidu session id named by the token. */
  public String sessionId() {
    return settings.openViduSessionId();
  }

  /**
   * The private RPC session id that identifies this participant on a reconnection, or null before
   * joining.
   */
  public String rpcSessionId() {
    return rpcSessionId;
  }

  /** The result of {@code joinRoom}, or null before joining. */
  public JsonNode joinResult() {
    return joinResult;
  }

  // ----------------------------------------------------------------------------------------------
  // media

  /** Publishes a camera with audio and video; returns the stream id. */
  public String publish() {
    return publish(true, true, "CAMERA");
  }

  /**
   * Publishes a stream with the given tracks and video type ({@code CAMERA}, {@code SCREEN}, {@code
   * CUSTOM}); returns the stream id.
   */
  public String publish(boolean hasAudio, boolean hasVideo, String typeOfVideo) {
    ObjectNode params = MAPPER.createObjectNode();
    params.put("doLoopback", false);
    params.put("hasAudio", hasAudio);
    params.put("hasVideo", hasVideo);
    params.put("audioActive", hasAudio);
    params.put("videoActive", hasVideo);
    params.put("typeOfVideo", hasVideo ? typeOfVideo : "");
    params.put("frameRate", hasVideo ? 30 : -1);
    params.put("videoDimensions", hasVideo ? "{\"width\":640,\"height\":480}" : "");
    params.put("sdpOffer", Sdp.offer(hasAudio, hasVideo, "sendonly"));
    return call("publishVideo", params).path("id").asText();
  }

  /** Stops publishing ({@code unpublishVideo}). */
  public void unpublish() {
    call("unpublishVideo", MAPPER.createObjectNode());
  }

  /**
   * Subscribes to another participant's stream ({@code receiveVideoFrom}); returns the SDP answer.
   */
  public String subscribe(String streamId) {
    ObjectNode params = MAPPER.createObjectNode();
    params.put("sender", streamId);
    params.put("sdpOffer", Sdp.offer(true, true, "recvonly"));
    return call("receiveVideoFrom", params).path("sdpAnswer").asText();
  }

  /** Ends a subscription; takes the publisher's connection id, as the protocol does. */
  public void unsubscribe(String publisherConnectionId) {
    ObjectNode params = MAPPER.createObjectNode();
    params.put("sender", publisherConnectionId);
    call("unsubscribeFromVideo", params);
  }

  /**
   * Changes a property of this participant's published stream ({@code audioActive}, {@code
   * videoActive} or {@code videoDimensions}) as openvidu-browser does.
   */
  public void changeStreamProperty(
      String streamId, String property, Object newValue, String reason) {
    ObjectNode params = MAPPER.createObjectNode();
    params.put("streamId", streamId);
    params.put("property", property);
    params.set("newValue", MAPPER.valueToTree(newValue));
    params.put("reason", reason);
    call("streamPropertyChanged", params);
  }

  // ----------------------------------------------------------------------------------------------
  // signals

  /**
   * Sends a signal as openvidu-browser does: the wire type is {@code signal:<type>} ({@code signal}
   * when type is null); no recipients means everybody, the sender included.
   */
  public void signal(String type, String data, String... toConnectionIds) {
    ObjectNode message = MAPPER.createObjectNode();
    ArrayNode to = message.putArray("to");
    for (String id : toConnectionIds) {
      to.add(id);
    }
    message.put("data", data == null ? "" : data);
    message.put("type", type == null ? "signal" : "signal:" + type);
    ObjectNode params = MAPPER.createObjectNode();
    params.put("message", message.toString());
    call("sendMessage", params);
  }

  // ----------------------------------------------------------------------------------------------
  // moderation

  /** Evicts another participant (moderators only). */
  public void forceDisconnect(String connectionId) {
    ObjectNode params = MAPPER.createObjectNode();
    params.put("connectionId", connectionId);
    call("forceDisconnect", params);
  }

  /** Unpublishes another participant's stream (moderators only). */
  public void forceUnpublish(String streamId) {
    ObjectNode params = MAPPER.createObjectNode();
    params.put("streamId", streamId);
    call("forceUnpublish", params);
  }

  // ----------------------------------------------------------------------------------------------
  // leaving

  /**
   * Leaves the session ({@code leaveRoom}) and closes the socket with code 4102, as
   * openvidu-browser does.
   */
  public void leave() {
    call("leaveRoom", MAPPER.createObjectNode());
    Link current = link;
    stopPings(current);
    current.socket.close(CLOSE_AFTER_LEAVING, "Connection closed by client", Callback.NOOP);
  }

  /**
   * Loses the connection without leaving: the TCP connection is aborted and pings stop, as when a
   * browser's network goes away. The server keeps the participant for its reconnection grace
   * period.
   */
  public void dropConnection() {
    Link current = link;
    if (current != null) {
      stopPings(current);
      current.socket.disconnect();
      current.closed.complete(SocketListener.FAILED);
    }
  }

  /**
   * Closes the socket cleanly (close code 1000) without leaving, as a closed browser tab does. The
   * server treats it as a lost connection: the participant may reconnect within the grace period.
   */
  public void closeSocket() {
    Link current = link;
    if (current != null) {
      stopPings(current);
      current.socket.close(NORMAL_CLOSURE, "", Callback.NOOP);
    }
  }

  /** Stops the heartbeat while keeping the socket open, as a frozen client would. */
  public void stopPinging() {
    Link current = link;
    if (current != null) {
      stopPings(current);
    }
  }

  /**
   * Comes back after a lost connection through {@code master} (any master of the cluster): opens a
   * new socket and presents the RPC session id with {@code connect}. The connection id stays the
   * same.
   *
   * @throws RpcCallException with code 40007 when the server no longer knows the RPC session
   */
  public void reconnect(URI master) {
    String privateId =
        Objects.requireNonNull(rpcSessionId, "reconnect() needs a participant that has joined");
    Link previous = link;
    if (previous != null) {
      stopPings(previous);
      previous.socket.disconnect();
    }
    openLink(master);
    ObjectNode params = MAPPER.createObjectNode();
    params.put("sessionId", privateId);
    call("connect", params);
  }

  /** Whether the current socket is open. */
  public boolean isConnected() {
    Link current = link;
    return current != null && !current.closed.isDone();
  }

  /**
   * Waits until the current socket closes (the server closed it, or it was lost) and returns the
   * close code ({@code -1} when the connection was aborted rather than closed).
   */
  public int awaitDisconnected() {
    try {
      return link.closed.get(settings.timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("The socket was still open after " + settings.timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the socket to close", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Leaves if still joined and connected, else just lets the socket go. Never throws. */
  @Override
  public void close() {
    Link current = link;
    if (current == null) {
      return;
    }
    try {
      if (joinResult != null && !current.closed.isDone()) {
        leave();
      }
    } catch (RuntimeException ignored) {
      // Closing is best effort: the server may be gone already.
    } finally {
      stopPings(current);
      current.socket.disconnect();
    }
  }

  // ----------------------------------------------------------------------------------------------
  // notifications

  /** One server notification, as received. */
  public record Notification(String method, JsonNode params) {

    /** A parameter as text (null when absent). */
    public String param(String name) {
      JsonNode value = params.get(name);
      return value == null || value.isNull() ? null : value.asText();
    }
  }

  /** Every notification received so far, oldest first. */
  public List<Notification> notifications() {
    synchronized (notifications) {
      return List.copyOf(notifications);
    }
  }

  /**
   * The notifications that arrived before the answer to {@code joinRoom} (signaling.md allows none:
   * a participant hears of its session only once it is in it), oldest first.
   */
  public List<Notification> notificationsBeforeJoinAnswer() {
    synchronized (notifications) {
      return List.copyOf(notifications.subList(0, Math.max(0, notificationsAtJoinAnswer)));
    }
  }

  /** The notifications received so far with the given method, oldest first. */
  public List<Notification> notifications(String method) {
    return notifications().stream().filter(n -> n.method.equals(method)).toList();
  }

  /**
   * Waits (up to the builder's timeout) for a notification with the given method whose params
   * match, and returns the first such one (which may have arrived before this call).
   */
  public Notification awaitNotification(String method, Predicate<JsonNode> params) {
    long deadline = System.nanoTime() + settings.timeout.toNanos();
    synchronized (notifications) {
      while (true) {
        for (Notification n : notifications) {
          if (n.method.equals(method) && params.test(n.params)) {
            return n;
          }
        }
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          throw new IllegalStateException(
              "No '"
                  + method
                  + "' notification matched within "
                  + settings.timeout
                  + "; received: "
                  + notifications);
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(notifications, remaining);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while waiting for '" + method + "'", e);
        }
      }
    }
  }

  /**
   * Waits for a notification with the given method whose params include each of {@code params}
   * (compared as text), e.g. {@code awaitNotification("participantLeft", Map.of("connectionId", id,
   * "reason", "disconnect"))}.
   */
  public Notification awaitNotification(String method, Map<String, String> params) {
    return awaitNotification(
        method,
        actual ->
            params.entrySet().stream()
                .allMatch(e -> e.getValue().equals(actual.path(e.getKey()).asText(null))));
  }

  // ----------------------------------------------------------------------------------------------
  // raw calls

  /**
   * Calls any method and waits for its result (for methods the typed helpers do not cover).
   *
   * @throws RpcCallException when the server answers with an error
   * @throws IllegalStateException when there is no answer in time or the socket is closed
   */
  public JsonNode call(String method, ObjectNode params) {
    Link current = link;
    if (current == null || current.closed.isDone()) {
      throw new IllegalStateException("Cannot call " + method + ": the socket is not open");
    }
    int id = nextId.getAndIncrement();
    ObjectNode request = MAPPER.createObjectNode();
    request.put("jsonrpc", "2.0");
    request.put("method", method);
    if (params != null) {
      request.set("params", params);
    }
    request.put("id", id);
    PendingCall call = new PendingCall(method);
    pending.put(id, call);
    try {
      send(current, request.toString());
      return call.result.get(settings.timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("No answer to " + method + " within " + settings.timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while calling " + method, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(method + " failed", e.getCause());
    } finally {
      pending.remove(id);
    }
  }

  // ----------------------------------------------------------------------------------------------
  // socket

  private void openLink(URI master) {
    URI uri = webSocketUri(master);
    ClientUpgradeRequest upgrade = new ClientUpgradeRequest();
    settings.headers.forEach(upgrade::setHeader);
    Link opening = new Link();
    try {
      opening.socket =
          ParticipantWebSockets.client(settings.sslContext)
              .connect(
                  new SocketListener(this::received, code -> lost(opening, code)), uri, upgrade)
              .get(settings.timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while opening " + uri, e);
    } catch (IOException | ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Could not open " + uri, e);
    }
    link = opening;
    startPings(opening);
  }

  private URI webSocketUri(URI master) {
    String scheme =
        switch (master.getScheme()) {
          case "https", "wss" -> "wss";
          default -> "ws";
        };
    String session = URLEncoder.encode(settings.openViduSessionId(), StandardCharsets.UTF_8);
    return URI.create(scheme + "://" + master.getRawAuthority() + "/openvidu?sessionId=" + session);
  }

  private void startPings(Link target) {
    long intervalMillis = settings.pingInterval.toMillis();
    ObjectNode first = MAPPER.createObjectNode();
    first.put("interval", intervalMillis);
    sendPing(target, first);
    target.pings =
        PINGER.scheduleAtFixedRate(
            () -> sendPing(target, null), intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
  }

  private void sendPing(Link target, ObjectNode params) {
    if (target.closed.isDone()) {
      return;
    }
    ObjectNode ping = MAPPER.createObjectNode();
    ping.put("jsonrpc", "2.0");
    ping.put("method", "ping");
    if (params != null) {
      ping.set("params", params);
    }
    ping.put("id", nextId.getAndIncrement());
    try {
      send(target, ping.toString());
    } catch (RuntimeException e) {
      // A ping on a socket that is going away is expected; the close callback reports the loss.
    }
  }

  private static void stopPings(Link target) {
    ScheduledFuture<?> pings = target.pings;
    if (pings != null) {
      pings.cancel(false);
    }
  }

  private void send(Link target, String text) {
    // Frames go out one at a time, each written before the next, as a browser's would.
    synchronized (sendLock) {
      Callback.Completable written = new Callback.Completable();
      target.socket.sendText(text, written);
      try {
        written.get(settings.timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while sending", e);
      } catch (ExecutionException | TimeoutException e) {
        throw new IllegalStateException("Could not send on the socket", e);
      }
    }
  }

  private void received(String text) {
    JsonNode frame;
    try {
      frame = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode id = frame.get("id");
    if (frame.has("method")) {
      synchronized (notifications) {
        notifications.add(new Notification(frame.get("method").asText(), frame.path("params")));
        notifications.notifyAll();
      }
      return;
    }
    if (id == null || !id.canConvertToInt()) {
      return;
    }
    PendingCall call = pending.get(id.intValue());
    if (call == null) {
      return;
    }
    if (call.method.equals("joinRoom")) {
      synchronized (notifications) {
        notificationsAtJoinAnswer = notifications.size();
      }
    }
    JsonNode error = frame.get("error");
    if (error != null && !error.isNull()) {
      call.result.completeExceptionally(
          new RpcCallException(
              call.method, error.path("code").asInt(), error.path("message").asText()));
    } else {
      call.result.complete(frame.path("result"));
    }
  }

  private void lost(Link lost, int code) {
    stopPings(lost);
    lost.closed.complete(code);
    if (lost == link) {
      pending
          .values()
          .forEach(
              call ->
                  call.result.completeExceptionally(
                      new IllegalStateException(
                          "The socket closed before " + call.method + " was answered")));
    }
  }

  /** One WebSocket: a participant has a new one after each reconnection. */
  private static final class Link {
    volatile Session socket;
    volatile ScheduledFuture<?> pings;
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
  }

  private record PendingCall(String method, CompletableFuture<JsonNode> result) {
    PendingCall(String method) {
      this(method, new CompletableFuture<>());
    }
  }

  // ----------------------------------------------------------------------------------------------
  // builder

  /**
   * How a {@link SimulatedParticipant} joins. Defaults: the master named by the token, platform
   * {@code "SimulatedParticipant"}, empty metadata, pings every 5 s (openvidu-browser's interval),
   * 5 s timeout per call. Not thread-safe; build on one thread.
   */
  public static final class Builder {
    private final String token;
    private final Map<String, String> tokenQuery;
    private URI master;
    private String platform = "SimulatedParticipant";
    private String metadata = "";
    private Duration pingInterval = Duration.ofSeconds(5);
    private Duration timeout = Duration.ofSeconds(5);
    private final Map<String, String> headers = new LinkedHashMap<>();
    private SSLContext sslContext;

    private Builder(String token) {
      this.token = Objects.requireNonNull(token, "token");
      URI uri;
      try {
        uri = URI.create(token);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("The token is not a ws:// or wss:// URL", e);
      }
      if (uri.getScheme() == null
          || !uri.getScheme().startsWith("ws")
          || uri.getRawAuthority() == null) {
        throw new IllegalArgumentException("The token is not a ws:// or wss:// URL");
      }
      this.tokenQuery = query(uri.getRawQuery());
      if (!tokenQuery.containsKey("sessionId")) {
        throw new IllegalArgumentException("The token names no sessionId");
      }
      this.master =
          URI.create(
              (uri.getScheme().equals("wss") ? "https" : "http") + "://" + uri.getRawAuthority());
    }

    /**
     * The master to open the WebSocket on, e.g. {@code http://127.0.0.1:4443} (any master may
     * serve).
     */
    public Builder via(URI master) {
      this.master = Objects.requireNonNull(master, "master");
      return this;
    }

    /** The {@code platform} param of {@code joinRoom}, shown as {@code Connection.platform}. */
    public Builder platform(String platform) {
      this.platform = Objects.requireNonNull(platform, "platform");
      return this;
    }

    /** The {@code metadata} param of {@code joinRoom}, shown as {@code Connection.clientData}. */
    public Builder metadata(String metadata) {
      this.metadata = Objects.requireNonNull(metadata, "metadata");
      return this;
    }

    /**
     * Interval of the heartbeat pings; the server closes the socket after three missed intervals.
     */
    public Builder pingInterval(Duration interval) {
      this.pingInterval = Objects.requireNonNull(interval, "interval");
      return this;
    }

    /** How long each call, socket opening and wait may take. */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** A header on the WebSocket upgrade request, e.g. {@code X-Forwarded-For} to play a proxy. */
    public Builder header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    /**
     * The TLS context a {@code wss://} socket verifies the master with, e.g. {@code
     * cluster.trustMaterial().sslContext()} (default: the JVM's).
     */
    public Builder sslContext(SSLContext context) {
      this.sslContext = Objects.requireNonNull(context, "context");
      return this;
    }

    /** Opens the socket and starts pinging, without joining: for calls before {@code joinRoom}. */
    public SimulatedParticipant open() {
      SimulatedParticipant participant = new SimulatedParticipant(this);
      participant.openLink(master);
      return participant;
    }

    /**
     * Opens the socket and joins.
     *
     * @throws RpcCallException when the server refuses the token (the socket is then closed)
     */
    public SimulatedParticipant join() {
      SimulatedParticipant participant = open();
      try {
        participant.joinRoom();
        return participant;
      } catch (RuntimeException e) {
        participant.close();
        throw e;
      }
    }

    String openViduSessionId() {
      return tokenQuery.get("sessionId");
    }

    private static Map<String, String> query(String rawQuery) {
      Map<String, String> values = new LinkedHashMap<>();
      if (rawQuery == null) {
        return values;
      }
      for (String pair : rawQuery.split("&")) {
        int equals = pair.indexOf('=');
        if (equals > 0) {
          values.put(
              URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
      }
      return values;
    }
  }
}
