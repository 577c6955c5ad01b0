package io.openvidu.ha.server.recording;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.openvidu.ha.server.config.ClusterSettings;
import io.openvidu.ha.server.store.ClusterStore;
import io.openvidu.ha.server.store.ConnectionState;
import io.openvidu.ha.server.store.MediaNodeState;
import io.openvidu.ha.server.store.MediaNodeStatus;
import io.openvidu.ha.server.store.MediaOptions;
import io.openvidu.ha.server.store.OpenViduRole;
import io.openvidu.ha.server.store.OutputMode;
import io.openvidu.ha.server.store.PublisherState;
import io.openvidu.ha.server.store.RecordingProperties;
import io.openvidu.ha.server.store.RecordingState;
import io.openvidu.ha.server.store.SessionOperations;
import io.openvidu.ha.server.store.SessionState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs one COMPOSED and one INDIVIDUAL recording from start to final files through the same code as
 * real recordings, on a private in-memory store and a scratch directory, so that a media node's
 * first real recording does not pay for loading and initialising that code (OpenVidu 2.20.0 fixed
 * the slow first COMPOSED recording by warming the recording module before a node reports {@code
 * running}). Leaves nothing behind.
 */
final class RecordingWarmUp {

  private static final String NODE = "media_warm-up";

  private RecordingWarmUp() {}

  /**
   * @return how long it took
   */
  static Duration run(ClusterSettings cluster, RecordingSettings settings) {
    long started = System.nanoTime();
    Path scratchDir = null;
    try (ClusterStore store = ClusterStore.inMemory()) {
      scratchDir = Files.createTempDirectory("openvidu-recording-warm-up");
      ClusterSettings scratch =
          new ClusterSettings(
              cluster.secret(), cluster.publicUrl(), scratchDir, true, cluster.idempotencyTtl());
      RecordingFolder folder = new RecordingFolder(scratchDir);
      RecordingTransitions transitions = new RecordingTransitions(scratch);
      RecordingProcessor processor =
          new RecordingProcessor(
              store, folder, scratch, settings.withProcessingTime(Duration.ZERO));
      store.atomically(
          tx ->
              tx.mediaNodes()
                  .add(
                      new MediaNodeState(
                          NODE,
                          "warm-up",
                          "127.0.0.1",
                          "ws://127.0.0.1:8888/kurento",
                          0,
                          true,
                          0L,
                          null,
                          MediaNodeStatus.RUNNING,
                          0,
                          List.of())));
      record(store, transitions, processor, "warm-up-composed", RecordingProperties.defaults());
      record(
          store,
          transitions,
          processor,
          "warm-up-individual",
          new RecordingProperties(
              "", true, true, OutputMode.INDIVIDUAL, null, null, null, null, null, false, null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (scratchDir != null) {
        new RecordingFolder(scratchDir).deleteAll();
      }
    }
    return Duration.ofNanos(System.nanoTime() - started);
  }

  private static void record(
      ClusterStore store,
      RecordingTransitions transitions,
      RecordingProcessor processor,
      String sessionId,
      RecordingProperties properties) {
    long now = System.currentTimeMillis();
    store.atomically(
        tx -> tx.sessions().create(SessionState.builder().id(sessionId).createdAt(now).build()));
    store.atomically(
        tx ->
            tx.sessions()
                .addConnection(
                    ConnectionState.builder()
                        .id("con_" + sessionId)
                        .sessionId(sessionId)
                        .createdAt(now)
                        .role(OpenViduRole.PUBLISHER)
                        .token("tok_" + sessionId)
                        .build()));
    store.atomically(
        tx ->
            tx.sessions()
                .activateConnection(
                    sessionId,
                    "tok_" + sessionId,
                    new SessionOperations.Activation(
                        now, "127.0.0.1", "warm-up", "unknown", "", "warm-up")));
    store.atomically(
        tx ->
            tx.sessions()
                .addPublisher(
                    sessionId,
                    "con_" + sessionId,
                    new PublisherState(
                        "str_CAM_Warm_con_" + sessionId,
                        now,
                        null,
                        new MediaOptions(
                            true,
                            true,
                            true,
                            true,
                            "CAMERA",
                            30,
                            "{\"width\":640,\"height\":480}",
                            JsonNodeFactory.instance.objectNode(),
                            null,
                            null,
                            null))));
    RecordingState recording =
        store.atomically(
            tx -> transitions.start(tx, tx.sessions().get(sessionId), properties, now));
    processor.writeStarted(recording);
    RecordingJson.rest(recording, processor.publicUrl());
    RecordingState stopped =
        store.atomically(tx -> transitions.stop(tx, recording.id(), "warmUp", true, now + 1_000));
    processor.writeMetadata(stopped);
    processor.finishIfDue(stopped, now + 1_000);
  }
}
