package io.openvidu.ha.server.recording;

import io.javalin.config.JavalinConfig;
import io.openvidu.ha.server.api.ApiContext;
import io.openvidu.ha.server.api.IdempotentCalls;
import io.openvidu.ha.server.config.ClusterSettings;
import io.openvidu.ha.server.store.ClusterEvent;
import io.openvidu.ha.server.store.ClusterStore;
import io.openvidu.ha.server.store.EventOperations;
import io.openvidu.ha.server.store.RecordingStatus;
import io.openvidu.ha.server.store.Subscription;

/**
 * Recordings in one process of the cluster (recordings.md): the REST endpoints and file downloads
 * each master serves, and the background work every process does (finishing stopped recordings,
 * automatic stops, {@code ALWAYS} starts, failing the recordings of crashed media nodes). A
 * recording's state lives in the shared store and its files in the recordings directory, which
 * every process of a cluster must share; nothing of a recording belongs to a master, so killing one
 * stops no recording and loses no file: any surviving process takes over. Thread-safe; close it to
 * stop its background work.
 */
public final class RecordingModule implements AutoCloseable {

  private final RecordingFolder folder;
  private final RecordingTransitions transitions;
  private final RecordingProcessor processor;
  private final RecordingSweeper sweeper;
  private final Subscription closedSessions;
  private final ClusterSettings cluster;
  private final RecordingSettings settings;

  /**
   * Creates the module and starts its background work.
   *
   * @param store the cluster's store
   * @param cluster the cluster's settings (public URL, recordings directory, secret, recording
   *     switch)
   * @param settings the timing of the emulated recording module
   */
  public RecordingModule(ClusterStore store, ClusterSettings cluster, RecordingSettings settings) {
    this.cluster = cluster;
    this.settings = settings;
    this.folder = new RecordingFolder(cluster.recordingsDir());
    this.transitions = new RecordingTransitions(cluster);
    this.processor = new RecordingProcessor(store, folder, cluster, settings);
    this.sweeper = new RecordingSweeper(store, cluster, settings, transitions, processor);
    sweeper.start();
    this.closedSessions =
        store.subscribe(
            EventOperations.BROADCAST,
            event -> {
              // A session that closed stopped its recording inside the store: its metadata file
              // says so at once.
              String stoppedId =
                  event.type().equals(ClusterEvent.SESSION_CLOSED) && event.data() != null
                      ? event.data().path("stoppedRecordingId").asText(null)
                      : null;
              if (stoppedId != null) {
                store
                    .atomically(tx -> tx.recordings().find(stoppedId))
                    .filter(r -> r.status() == RecordingStatus.STOPPED)
                    .ifPresent(processor::writeMetadata);
              }
            });
  }

  /**
   * Installs the recording endpoints into one master's configuration (the shape of the cluster's
   * master features).
   *
   * @return nothing to close: the routes hold no resources
   */
  public AutoCloseable install(JavalinConfig config, ApiContext api) {
    IdempotentCalls calls = new IdempotentCalls(api.store(), api.settings().idempotencyTtl());
    new RecordingRoutes(api, calls, transitions, processor, folder).install(config.routes);
    return null;
  }

  /**
   * Removes the recordings directory and everything in it: for a directory created for this module
   * alone, once it is closed.
   *
   * @throws java.io.UncheckedIOException if some of it could not be removed
   */
  public void deleteRecordingsDirectory() {
    folder.deleteAll();
  }

  @Override
  public void close() {
    closedSessions.close();
    sweeper.close();
  }
}
