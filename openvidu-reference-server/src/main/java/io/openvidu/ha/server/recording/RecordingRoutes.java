package io.openvidu.ha.server.recording;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.openvidu.ha.server.api.ApiContext;
import io.openvidu.ha.server.api.ApiException;
import io.openvidu.ha.server.api.ApiResponse;
import io.openvidu.ha.server.api.BasicAuthentication;
import io.openvidu.ha.server.api.IdempotentCalls;
import io.openvidu.ha.server.api.RequestText;
import io.openvidu.ha.server.config.RuntimeConfig;
import io.openvidu.ha.server.store.MediaMode;
import io.openvidu.ha.server.store.RecordingProperties;
import io.openvidu.ha.server.store.RecordingState;
import io.openvidu.ha.server.store.RecordingStatus;
import io.openvidu.ha.server.store.SessionState;
import io.openvidu.ha.server.store.TransitionRejectedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recording endpoints of one master (rest-api.md §5.7-5.11) and the download of recording files
 * ({@code GET /openvidu/recordings/<id>/<file>}, recordings.md §4). Every answer reflects the
 * shared store, so any master serves any recording; a recording whose processing time is over is
 * finished on the spot when read, so reads never lag behind the sweepers. Thread-safe.
 */
final class RecordingRoutes {

  private static final Logger log = LoggerFactory.getLogger(RecordingRoutes.class);

  static final String API = "/openvidu/api/recordings";
  static final String FILES = "/openvidu/recordings";
  private static final String STOPPED_BY_SERVER = "recordingStoppedByServer";

  private final ApiContext api;
  private final IdempotentCalls calls;
  private final RecordingTransitions transitions;
  private final RecordingLaunches launches;
  private final RecordingProcessor processor;
  private final RecordingFolder folder;
  private final BasicAuthentication authentication;
  private volatile boolean stopping;

  RecordingRoutes(
      ApiContext api,
      IdempotentCalls calls,
      RecordingTransitions transitions,
      RecordingLaunches launches,
      RecordingProcessor processor,
      RecordingFolder folder) {
    this.api = api;
    this.calls = calls;
    this.transitions = transitions;
    this.launches = launches;
    this.processor = processor;
    this.folder = folder;
    this.authentication = new BasicAuthentication(api.settings().secret());
  }

  /** Stops waiting for starts in progress: their requests answer 503 (this master stops). */
  void stop() {
    stopping = true;
  }

  void install(RoutesConfig routes) {
    routes.post(API + "/start", this::start);
    routes.post(API + "/stop/{recordingId}", this::stop);
    routes.get(API, this::list);
    routes.get(API + "/{recordingId}", this::get);
    routes.delete(API + "/{recordingId}", this::delete);
    routes.get(FILES + "/{recordingId}/{fileName}", this::download);
  }

  /**
   * Starts a recording in two transactions (recordings.md §6): the first makes it {@code starting}
   * and records, for an {@code Idempotency-Key}, the answer the start gives once it is over (the
   * Recording as {@code started}); the second, once its launch is over, makes it {@code started}.
   * The answer is sent only then, to the first request as to any replay of it, so nobody is told
   * {@code started} about a recording that is still {@code starting}; a start that failed meanwhile
   * answers 500 (rule 9), also when replayed.
   */
  private void start(Context ctx) {
    StartRecordingRequest request = StartRecordingRequest.of(RequestText.of(ctx));
    requireEnabled();
    String sessionId = request.sessionId();
    IdempotentCalls.Answer answer =
        calls.execute(
            ctx,
            tx -> {
              SessionState session =
                  tx.sessions().find(sessionId).orElseThrow(() -> ApiException.empty(404));
              // The session's own conditions come before the properties (rest-api.md §5.7 rules
              // 4-7).
              if (session.mediaMode() != MediaMode.ROUTED || session.isBeingRecorded()) {
                throw ApiException.empty(409);
              }
              if (!session.active() || session.activeConnections().isEmpty()) {
                throw ApiException.empty(406);
              }
              RecordingProperties properties;
              try {
                properties = request.resolve(session.defaultRecordingProperties());
              } catch (ApiException e) {
                return e.toResponse(StartRecordingRequest.PROPERTY_ERROR_PATH);
              }
              try {
                RecordingState starting =
                    transitions.start(tx, session, properties, System.currentTimeMillis());
                return ApiResponse.ok(
                    RecordingJson.rest(starting.started(), processor.publicUrl()));
              } catch (TransitionRejectedException e) {
                throw rejected(e);
              }
            });
    if (answer.response().status() == 200) {
      Optional<RecordingState> after =
          launches.awaitStart(readId(answer.response().body()), () -> stopping);
      if (after.isPresent() && after.get().status() == RecordingStatus.STARTING) {
        // This master stops: the start goes on in the cluster, and a retry with the same
        // Idempotency-Key on another master waits for it there.
        ApiException.json(503, "This master is stopping; the recording is still starting")
            .toResponse(ctx.path())
            .send(ctx);
        return;
      }
      if (after.isPresent() && after.get().isFailedStart()) {
        // OpenVidu's 500 for a failed start, as a JSON error like every other error here. Names
        // are validated before the start, so this is the server's own failure, never a client's.
        ApiException.json(
                500, "Error starting recording: the recording could not start on the media node")
            .toResponse(ctx.path())
            .send(ctx);
        return;
      }
    }
    answer.send(ctx);
  }

  private void stop(Context ctx) {
    requireEnabled();
    String id = ctx.pathParam("recordingId");
    calls.run(
        ctx,
        tx -> {
          try {
            RecordingState stopped =
                transitions.stop(tx, id, STOPPED_BY_SERVER, true, System.currentTimeMillis());
            return ApiResponse.ok(RecordingJson.rest(stopped, processor.publicUrl()));
          } catch (TransitionRejectedException e) {
            throw rejected(e);
          }
        });
    afterCommit(ctx, RecordingStatus.STOPPED, processor::writeMetadata);
  }

  private void get(Context ctx) {
    requireEnabled();
    String id = ctx.pathParam("recordingId");
    long now = System.currentTimeMillis();
    Optional<RecordingState> recording =
        api.store()
            .atomically(tx -> tx.recordings().find(id))
            .map(r -> processor.finishIfDue(launches.completeIfDue(r), now))
            .filter(RecordingRoutes::reported);
    recording
        .map(r -> ApiResponse.ok(RecordingJson.rest(r, processor.publicUrl())))
        .orElse(ApiResponse.empty(404))
        .send(ctx);
  }

  private void list(Context ctx) {
    requireEnabled();
    long now = System.currentTimeMillis();
    List<RecordingState> recordings =
        api.store().atomically(tx -> tx.recordings().list()).stream()
            .map(r -> processor.finishIfDue(launches.completeIfDue(r), now))
            .filter(RecordingRoutes::reported)
            .toList();
    ObjectNode page = RecordingJson.MAPPER.createObjectNode();
    page.put("count", recordings.size());
    ArrayNode items = page.putArray("items");
    recordings.forEach(r -> items.add(RecordingJson.rest(r, processor.publicUrl())));
    ApiResponse.ok(page).send(ctx);
  }

  private void delete(Context ctx) {
    requireEnabled();
    String id = ctx.pathParam("recordingId");
    try {
      api.store().atomically(tx -> tx.recordings().delete(id));
    } catch (TransitionRejectedException e) {
      throw rejected(e);
    }
    try {
      processor.deleteFiles(id);
    } catch (UncheckedIOException e) {
      // The store no longer knows the recording, so it is deleted: answering 500 would make a
      // client retry a
      // deletion that happened. What is left on disk is logged for the operator.
      log.warn(
          "Recording {} deleted, but its files could not all be removed: {}", id, e.getMessage());
    }
    ApiResponse.empty(204).send(ctx);
  }

  private void download(Context ctx) {
    RuntimeConfig config = api.store().atomically(tx -> RuntimeConfig.read(tx, api.settings()));
    if (!config.value("OPENVIDU_RECORDING_PUBLIC_ACCESS").asBoolean(false)) {
      authentication.check(ctx);
    }
    String id = ctx.pathParam("recordingId");
    String fileName = ctx.pathParam("fileName");
    if (!config.recordingEnabled()) {
      throw ApiException.framework(404, "Not Found");
    }
    api.store().atomically(tx -> tx.recordings().find(id)).ifPresent(processor::repairIfMissing);
    Path file =
        folder.file(id, fileName).orElseThrow(() -> ApiException.framework(404, "Not Found"));
    try {
      ctx.contentType(contentType(fileName));
      ctx.header("Content-Length", Long.toString(Files.size(file)));
      ctx.result(Files.newInputStream(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void requireEnabled() {
    boolean enabled =
        api.store().atomically(tx -> RuntimeConfig.read(tx, api.settings()).recordingEnabled());
    if (!enabled) {
      throw ApiException.empty(501);
    }
  }

  /**
   * After a committed start or stop (not a replay of one), writes the recording's files if it is
   * still in the status the call left it in; a later transition writes its own files.
   */
  private void afterCommit(Context ctx, RecordingStatus expected, Consumer<RecordingState> write) {
    if (ctx.statusCode() != 200 || ctx.res().getHeader(ApiResponse.REPLAYED_HEADER) != null) {
      return;
    }
    String id = readId(ctx.result());
    api.store()
        .atomically(tx -> tx.recordings().find(id))
        .filter(r -> r.status() == expected)
        .ifPresent(write);
  }

  /**
   * Whether reads report the recording (rest-api.md §5.9, recordings.md §6): OpenVidu reads its
   * metadata file, which a COMPOSED recording with video has while its container launches (it reads
   * {@code starting}) and other modes only once {@code started}.
   */
  private static boolean reported(RecordingState recording) {
    return recording.status() != RecordingStatus.STARTING
        || recording.properties().isComposedWithVideo();
  }

  private static String readId(String responseBody) {
    try {
      return RecordingJson.MAPPER.readTree(responseBody).get("id").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** OpenVidu's answers to the store's refusals (rest-api.md §5.7, §5.8, §5.11). */
  private static ApiException rejected(TransitionRejectedException e) {
    return switch (e.rejection()) {
      case SESSION_NOT_FOUND, RECORDING_NOT_FOUND -> ApiException.empty(404);
      case SESSION_NOT_ACTIVE, NO_PARTICIPANTS, RECORDING_STARTING -> ApiException.empty(406);
      case SESSION_NOT_ROUTED,
          SESSION_ALREADY_RECORDING,
          RECORDING_SESSION_MISMATCH,
          RECORDING_ACTIVE ->
          ApiException.empty(409);
      default -> throw e;
    };
  }

  private static String contentType(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".mp4")) {
      return "video/mp4";
    }
    if (lower.endsWith(".webm")) {
      return "video/webm";
    }
    if (lower.endsWith(".zip")) {
      return "application/zip";
    }
    if (lower.endsWith(".jpg")) {
      return "image/jpeg";
    }
    return "application/octet-stream";
  }
}
