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
import java.time.Clock;

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
  private final RecordingLaunches launches;
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
   * @param clock where the ends of recording launches are read (a test's clock holds recordings in
   *     {@code starting} until it moves)
   */
  public RecordingModule(
      ClusterStore store, ClusterSettings cluster, RecordingSettings settings, Clock clock) {
    this.cluster = cluster;
    this.settings = settings;
    this.folder = new RecordingFolder(cluster.recordingsDir());
    this.transitions = new RecordingTransitions(cluster, settings, clock);
    this.processor = new RecordingProcessor(store, folder, cluster, settings);
    this.launches = new RecordingLaunches(store, transitions, processor, settings, clock);
    this.sweeper = new RecordingSweeper(store, cluster, settings, transitions, launches, processor);
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
                    .filter(
                        r ->
                            r.status() == RecordingStatus.STOPPED
                                || r.status() == RecordingStatus.FAILED)
                    .ifPresent(processor::writeMetadata);
              }
            });
  }

  /**
   * Installs the recording endpoints into one master's configuration (the shape of the cluster's
   * master features).
   *
   * @return what stops the master's start requests from waiting for launches in progress
   */
  public AutoCloseable install(JavalinConfig config, ApiContext api) {
    IdempotentCalls calls = new IdempotentCalls(api.store(), api.settings().idempotencyTtl());
    RecordingRoutes routes =
        new RecordingRoutes(api, calls, transitions, launches, processor, folder);
    routes.install(config.routes);
    return routes::stop;
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
