package io.openvidu.ha.server.recording;

import io.javalin.config.JavalinConfig;
import io.openvidu.ha.server.api.ApiContext;
import io.openvidu.ha.server.api.IdempotentCalls;
import io.openvidu.ha.server.config.ClusterSettings;
import io.openvidu.ha.server.store.ClusterStore;
import io.openvidu.ha.server.store.OutputMode;
import io.openvidu.ha.server.store.RecordedStreamState;
import io.openvidu.ha.server.store.RecordingProperties;
import io.openvidu.ha.server.store.RecordingState;
import io.openvidu.ha.server.store.RecordingStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Recordings in one process of the cluster (recordings.md): the REST endpoints and file downloads each master
 * serves, and the background work every process does (finishing stopped recordings, automatic stops,
 * {@code ALWAYS} starts, failing the recordings of crashed media nodes). A recording's state lives in the shared
 * store and its files in the recordings directory, which every process of a cluster must share; nothing of a
 * recording belongs to a master, so killing one stops no recording and loses no file: any surviving process takes
 * over. Thread-safe; close it to stop its background work.
 */
public final class RecordingModule implements AutoCloseable {

    private final ClusterStore store;
    private final RecordingFolder folder;
    private final RecordingTransitions transitions;
    private final RecordingProcessor processor;
    private final RecordingSweeper sweeper;

    /**
     * Creates the module and starts its background work.
     *
     * @param store    the cluster's store
     * @param cluster  the cluster's settings (public URL, recordings directory, secret, recording switch)
     * @param settings the timing of the emulated recording module
     */
    public RecordingModule(ClusterStore store, ClusterSettings cluster, RecordingSettings settings) {
        this.store = store;
        this.folder = new RecordingFolder(cluster.recordingsDir());
        this.transitions = new RecordingTransitions(cluster);
        this.processor = new RecordingProcessor(store, folder, cluster, settings);
        this.sweeper = new RecordingSweeper(store, cluster, settings, transitions, processor);
        sweeper.start();
    }

    /**
     * Installs the recording endpoints into one master's configuration (the shape of the cluster's master
     * features).
     *
     * @return nothing to close: the routes hold no resources
     */
    public AutoCloseable install(JavalinConfig config, ApiContext api) {
        IdempotentCalls calls = new IdempotentCalls(api.store(), api.settings().idempotencyTtl());
        new RecordingRoutes(api, calls, transitions, processor, folder).install(config.routes);
        return null;
    }

    /**
     * Produces one recording of every kind, start to finish, in a scratch directory, so that the first real
     * recording does not pay for loading and initialising the file writers (the 2.20.0 fix: a media node's first
     * COMPOSED recording starts as fast as its later ones). Call it before media nodes report {@code running}.
     *
     * @return how long it took
     */
    public Duration warmUp() {
        long started = System.nanoTime();
        long now = System.currentTimeMillis();
        RecordedStreamState stream = new RecordedStreamState("str_CAM_Warm_con_WarmUp", "str_CAM_Warm_con_WarmUp",
                "con_WarmUp", "", "", true, true, "CAMERA", "{\"width\":640,\"height\":480}", now, now + 1_000);
        List<RecordingState> samples = List.of(
                sample("warm-up-composed", RecordingProperties.defaults(), List.of(), now),
                sample("warm-up-individual", new RecordingProperties("", true, true, OutputMode.INDIVIDUAL, null, null,
                        null, null, null, false, null), List.of(stream), now));
        try {
            Path scratch = Files.createTempDirectory("openvidu-recording-warm-up");
            RecordingFolder scratchFolder = new RecordingFolder(scratch);
            for (RecordingState recording : samples) {
                scratchFolder.writeStarted(recording, RecordingJson.metadata(recording, processor.publicUrl()));
                RecordingState stopped = recording.stopped("warmUp", now + 1_000);
                RecordingArtifacts artifacts = RecordingArtifacts.of(stopped);
                RecordingState ready = stopped.finished(RecordingStatus.READY, artifacts.size(), artifacts.duration(),
                        null);
                scratchFolder.writeFinal(ready, artifacts, RecordingJson.metadata(ready, processor.publicUrl()));
                scratchFolder.delete(recording.id());
            }
            Files.deleteIfExists(scratch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    @Override
    public void close() {
        sweeper.close();
    }

    /** One sweep now, on the calling thread (tests use it to avoid waiting for the timer). */
    void sweepNow() {
        sweeper.sweep();
    }

    ClusterStore store() {
        return store;
    }

    private static RecordingState sample(String id, RecordingProperties properties, List<RecordedStreamState> streams,
            long now) {
        return RecordingState.starting(id, id, properties.withName(id), null, now).withUniqueSessionId(id + "_" + now)
                .withStreams(streams).withStatus(RecordingStatus.STARTED);
    }
}
