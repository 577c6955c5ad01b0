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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.LoggerFactory;

/**
 * The 2.20.0 fix for a slow first COMPOSED recording ("warm the recording module before the node
 * reports running"), done the only way that leaves nothing cold: before the first cluster of this
 * JVM starts its media nodes, a private scratch cluster (in-memory store, one master on a free
 * loopback port, a temporary recordings directory) is driven over real HTTP and a real WebSocket
 * exactly as an application and a participant drive it: a session for each recording kind
 * (COMPOSED, COMPOSED_QUICK_START with an {@code Idempotency-Key}, INDIVIDUAL), a participant
 * joining it and publishing a camera, start, read, stop, processing and download; then a full
 * collection settles the heap. Every class, lambda and JSON binding a recording start touches is
 * then loaded and linked, so the first real start costs what later ones do.
 *
 * <p>What is warmed is this JVM's code, not a node: it runs once per JVM (later clusters and media
 * nodes added later find it warm) and leaves nothing behind. Thread-safe.
 */
final class ClusterWarmUp {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
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
        settleHeap();
      } catch (RuntimeException e) {
        // A warm-up that fails costs a slower first recording, not a cluster that does not start.
        LoggerFactory.getLogger(ClusterWarmUp.class)
            .warn("The recording warm-up failed; the first recording may start slower", e);
      }
      done = true;
      return Duration.ofNanos(System.nanoTime() - started);
    }
  }

  /**
   * A full collection now, while nothing is served: the warm-up loaded most of the classes the
   * cluster will use, and the metaspace threshold they cross otherwise starts a concurrent
   * collection cycle (a remark pause and collector threads on the CPUs) right at the first
   * requests, the first recording's start among them. After a full collection the JVM sets the next
   * threshold well above what is loaded.
   */
  private static void settleHeap() {
    System.gc();
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
   * One recording of a new session with one publishing participant, start to download. One, not
   * many: code that runs hot in the warm-up is compiled again by the JIT's optimising tier, and
   * that backlog, drained on the CPUs while the first real requests come in, made the first
   * recording slower with 20 cycles per kind than with one.
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
    Participant participant = Participant.joinAndPublish(http, api.base, sessionId, token);
    try {
      String body = startBody(sessionId, startProperties);
      String id =
          api.call("POST", "/openvidu/api/recordings/start", body, idempotencyKey)
              .get("id")
              .asText();
      api.call("GET", "/openvidu/api/recordings/" + id, null, null);
      api.call("POST", "/openvidu/api/recordings/stop/" + id, null, null);
      JsonNode ready = api.call("GET", "/openvidu/api/recordings/" + id, null, null);
      api.call("GET", "/openvidu/api/recordings", null, null);
      String url = ready.path("url").asText("");
      if (url.startsWith(api.base)) {
        api.download(url.substring(api.base.length()));
      }
      api.call("DELETE", "/openvidu/api/recordings/" + id, null, null);
      bindingCycles(scratch, sessionId);
    } finally {
      participant.close();
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

  /**
   * The warm-up's participant: one WebSocket that joins (signaling.md §4.1) and publishes a camera
   * (§4.4), as the participants of a recorded session do: recording code that only runs for a
   * session with streams would otherwise meet its first stream at the first real start (and the JIT
   * compiler, which compiled it without that branch, would throw its code away there).
   */
  private static final class Participant {
    /** A browser-shaped offer for one Opus and one VP8 track, sent only. */
    private static final String CAMERA_OFFER =
        String.join(
            "\r\n",
            "v=0",
            "o=- 1 2 IN IP4 127.0.0.1",
            "s=-",
            "t=0 0",
            "a=group:BUNDLE 0 1",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111",
            "c=IN IP4 0.0.0.0",
            "a=mid:0",
            "a=sendonly",
            "a=rtcp-mux",
            "a=rtpmap:111 opus/48000/2",
            "m=video 9 UDP/TLS/RTP/SAVPF 96",
            "c=IN IP4 0.0.0.0",
            "a=mid:1",
            "a=sendonly",
            "a=rtcp-mux",
            "a=rtpmap:96 VP8/90000",
            "");

    private final WebSocket socket;
    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private int lastId;

    private Participant(HttpClient http, String base, String sessionId) {
      WebSocket.Listener listener =
          new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
              text.append(data);
              if (last) {
                frames.add(text.toString());
                text.setLength(0);
              }
              webSocket.request(1);
              return null;
            }
          };
      try {
        socket =
            http.newWebSocketBuilder()
                .buildAsync(
                    URI.create(
                        base.replaceFirst("^http", "ws") + "/openvidu?sessionId=" + sessionId),
                    listener)
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException | TimeoutException e) {
        throw new IllegalStateException("the warm-up participant could not connect", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while warming up", e);
      }
    }

    /** Joins the session with the token and publishes a camera. */
    static Participant joinAndPublish(
        HttpClient http, String base, String sessionId, String token) {
      Participant participant = new Participant(http, base, sessionId);
      participant.call(
          "joinRoom",
          JSON.createObjectNode()
              .put("token", token)
              .put("session", sessionId)
              .put("platform", "recording warm-up")
              .put("metadata", "")
              .put("secret", "")
              .put("recorder", false));
      participant.call(
          "publishVideo",
          JSON.createObjectNode()
              .put("doLoopback", false)
              .put("hasAudio", true)
              .put("hasVideo", true)
              .put("audioActive", true)
              .put("videoActive", true)
              .put("typeOfVideo", "CAMERA")
              .put("frameRate", 30)
              .put("videoDimensions", "{\"width\":640,\"height\":480}")
              .put("sdpOffer", CAMERA_OFFER));
      return participant;
    }

    /** Sends a request and returns its result, skipping the notifications that come first. */
    private JsonNode call(String method, JsonNode params) {
      int id = ++lastId;
      try {
        // Waited for: the JDK's WebSocket fails a send begun before the previous one completed,
        // and the previous send may complete after its answer has already arrived.
        socket
            .sendText(
                JSON.createObjectNode()
                    .put("jsonrpc", "2.0")
                    .put("id", id)
                    .put("method", method)
                    .set("params", params)
                    .toString(),
                true)
            .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException | TimeoutException e) {
        throw new IllegalStateException("the warm-up participant could not send its " + method, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while warming up", e);
      }
      try {
        while (true) {
          String frame = frames.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
          if (frame == null) {
            throw new IllegalStateException("the warm-up participant's " + method + " timed out");
          }
          JsonNode reply = JSON.readTree(frame);
          if (reply.path("id").asInt(-1) != id) {
            continue;
          }
          if (!reply.has("result")) {
            throw new IllegalStateException("the warm-up participant's " + method + ": " + reply);
          }
          return reply.get("result");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while warming up", e);
      }
    }

    void close() {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(5, TimeUnit.SECONDS);
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
