package io.openvidu.ha.server.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvidu.ha.server.recording.RecordingSettings;
import io.openvidu.ha.server.store.IdempotencyRecord;
import io.openvidu.ha.server.store.RecordingProperties;
import io.openvidu.ha.server.store.RecordingState;
import io.openvidu.ha.server.store.RecordingStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.LoggerFactory;

/**
 * The 2.20.0 fix for a slow first COMPOSED recording ("warm the recording module before the node
 * reports running"), done the only way that leaves nothing cold: before the first cluster of this
 * JVM starts its media nodes, a private scratch cluster (in-memory store, one master on a free
 * loopback port, a temporary recordings directory) is driven over real HTTP and a real WebSocket
 * exactly as an application and a participant drive it: a session for each recording kind
 * (COMPOSED, COMPOSED_QUICK_START with {@code Idempotency-Key}s, INDIVIDUAL), a participant joining
 * it, starts and stops, then a read, processing and download. Every class, lambda and JSON binding
 * a recording start touches is then loaded and linked, and the start's code has run as often as
 * before a cluster's later starts, so the first real start costs what later ones do.
 *
 * <p>What is warmed is this JVM's code, not a node: it runs once per JVM (later clusters and media
 * nodes added later find it warm) and leaves nothing behind. Thread-safe.
 */
final class ClusterWarmUp {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final int HTTP_CYCLES = 20;
  private static final int BINDING_CYCLES = 20;
  private static final Object LOCK = new Object();
  private static boolean done;

  private ClusterWarmUp() {}

  /**
   * Warms this JVM unless an earlier cluster did.
   *
   * @return how long it took (zero when it was already warm)
   */
  static Duration runOncePerJvm() {
    synchronized (LOCK) {
      if (done) {
        return Duration.ZERO;
      }
      long started = System.nanoTime();
      try {
        run();
      } catch (RuntimeException e) {
        // A warm-up that fails costs a slower first recording, not a cluster that does not start.
        LoggerFactory.getLogger(ClusterWarmUp.class)
            .warn("The recording warm-up failed; the first recording may start slower", e);
      }
      done = true;
      return Duration.ofNanos(System.nanoTime() - started);
    }
  }

  /** Drives one scratch cluster through every recording kind. */
  static void run() {
    run(Path.of(System.getProperty("java.io.tmpdir")));
  }

  /**
   * Drives one scratch cluster through every recording kind, its temporary directories made in
   * {@code temporaryDirectories} (tests call it directly, with a directory of their own).
   */
  static void run(Path temporaryDirectories) {
    try (OpenViduCluster scratch =
        OpenViduCluster.builder()
            .temporaryDirectoriesIn(temporaryDirectories)
            .recordingWarmUp(false)
            .sessionsGarbageTimer(false)
            .recordingSettings(
                RecordingSettings.defaults()
                    .withProcessingTime(Duration.ZERO)
                    .withLaunchTimes(Duration.ZERO, Duration.ZERO)
                    .withSweepInterval(Duration.ofMillis(20)))
            .start()) {
      HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
      Api api = new Api(http, scratch.urlList().get(0), scratch.secret());
      record(scratch, api, http, "{}", "{}", null);
      record(
          scratch,
          api,
          http,
          "{\"defaultRecordingProperties\":{\"outputMode\":\"COMPOSED_QUICK_START\"}}",
          "{}",
          "warm-up-quick-start");
      record(scratch, api, http, "{}", "{\"outputMode\":\"INDIVIDUAL\"}", null);
    }
  }

  /**
   * Recordings of a new session with one participant: {@value #HTTP_CYCLES} starts and stops, as
   * many as a cluster's later starts have behind them when they are timed (so that the first real
   * start runs code the JIT compiler has seen as often), then one read, listing, download and
   * deletion.
   */
  private static void record(
      OpenViduCluster scratch,
      Api api,
      HttpClient http,
      String session,
      String startProperties,
      String idempotencyKey) {
    String sessionId = api.call("POST", "/openvidu/api/sessions", session, null).get("id").asText();
    String token =
        api.call("POST", "/openvidu/api/sessions/" + sessionId + "/connection", "{}", null)
            .get("token")
            .asText();
    WebSocket socket = join(http, api.base, sessionId, token);
    try {
      String body = startBody(sessionId, startProperties);
      String id = null;
      for (int cycle = 0; cycle < HTTP_CYCLES; cycle++) {
        id =
            api.call(
                    "POST",
                    "/openvidu/api/recordings/start",
                    body,
                    idempotencyKey == null ? null : idempotencyKey + "-" + cycle)
                .get("id")
                .asText();
        api.call("POST", "/openvidu/api/recordings/stop/" + id, null, null);
      }
      JsonNode ready = api.call("GET", "/openvidu/api/recordings/" + id, null, null);
      api.call("GET", "/openvidu/api/recordings", null, null);
      String url = ready.path("url").asText("");
      if (url.startsWith(api.base)) {
        api.download(url.substring(api.base.length()));
      }
      api.call("DELETE", "/openvidu/api/recordings/" + id, null, null);
      bindingCycles(scratch, sessionId);
    } finally {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(5, TimeUnit.SECONDS);
    }
  }

  /**
   * The store transitions of a recording start and stop, {@value #BINDING_CYCLES} times, straight
   * on the scratch store: the JVM binds the stored records' accessors and constructors through
   * plain reflection for their first calls and generates an accessor class for each after that (its
   * inflation threshold is 15 calls); one HTTP cycle per kind left that to the first real starts,
   * which paid for it. A cycle costs well under a millisecond once warm.
   */
  private static void bindingCycles(OpenViduCluster scratch, String sessionId) {
    for (int cycle = 0; cycle < BINDING_CYCLES; cycle++) {
      long now = System.currentTimeMillis();
      String key = "warm-up-binding-" + sessionId + "-" + cycle;
      scratch
          .store()
          .atomically(
              tx -> {
                // Started in the same transaction: the scratch sweeper completes a due start.
                RecordingState starting =
                    tx.recordings().start(sessionId, RecordingProperties.defaults(), now, now);
                tx.recordings().markStarted(starting.id());
                tx.idempotency()
                    .record(
                        new IdempotencyRecord(key, key, 200, "application/json", "{}", now),
                        Duration.ofMinutes(1));
                return starting;
              });
      scratch
          .store()
          .atomically(
              tx -> {
                tx.idempotency().find(key);
                String id = tx.sessions().get(sessionId).activeRecordingId();
                tx.recordings().stop(id, "recordingStoppedByServer", false, now);
                tx.recordings().finish(id, RecordingStatus.READY, 0, 0, null);
                return tx.recordings().delete(id);
              });
    }
  }

  private static String startBody(String sessionId, String properties) {
    try {
      return ((com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(properties))
          .put("session", sessionId)
          .toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Opens the participant's WebSocket and joins with the token (signaling.md §4.1). */
  private static WebSocket join(HttpClient http, String base, String sessionId, String token) {
    CompletableFuture<String> answer = new CompletableFuture<>();
    WebSocket.Listener listener =
        new WebSocket.Listener() {
          private final StringBuilder text = new StringBuilder();

          @Override
          public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
              answer.complete(text.toString());
              text.setLength(0);
            }
            socket.request(1);
            return null;
          }
        };
    try {
      WebSocket socket =
          http.newWebSocketBuilder()
              .buildAsync(
                  URI.create(base.replaceFirst("^http", "ws") + "/openvidu?sessionId=" + sessionId),
                  listener)
              .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      socket.sendText(
          JSON.createObjectNode()
              .put("jsonrpc", "2.0")
              .put("id", 1)
              .put("method", "joinRoom")
              .set(
                  "params",
                  JSON.createObjectNode()
                      .put("token", token)
                      .put("session", sessionId)
                      .put("platform", "recording warm-up")
                      .put("metadata", "")
                      .put("secret", "")
                      .put("recorder", false))
              .toString(),
          true);
      JsonNode reply = JSON.readTree(answer.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
      if (!reply.has("result")) {
        throw new IllegalStateException("the warm-up participant could not join: " + reply);
      }
      return socket;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the warm-up participant could not join", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while warming up", e);
    }
  }

  /** The scratch master's REST API. */
  private record Api(HttpClient http, String base, String secret) {

    JsonNode call(String method, String path, String body, String idempotencyKey) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(TIMEOUT)
              .header("Authorization", authorization())
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(body));
      if (body != null) {
        request.header("Content-Type", "application/json");
      }
      if (idempotencyKey != null) {
        request.header("Idempotency-Key", idempotencyKey);
      }
      HttpResponse<String> response = send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            method + " " + path + " answered " + response.statusCode() + " " + response.body());
      }
      try {
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void download(String path) {
      send(
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(TIMEOUT)
              .header("Authorization", authorization())
              .build(),
          HttpResponse.BodyHandlers.discarding());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
      try {
        return http.send(request, handler);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while warming up", e);
      }
    }

    private String authorization() {
      return "Basic "
          + Base64.getEncoder()
              .encodeToString(("OPENVIDUAPP:" + secret).getBytes(StandardCharsets.UTF_8));
    }
  }
}
