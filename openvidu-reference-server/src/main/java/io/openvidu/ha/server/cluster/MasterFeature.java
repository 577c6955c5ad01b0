package io.openvidu.ha.server.cluster;

import io.javalin.config.JavalinConfig;
import io.openvidu.ha.server.api.ApiContext;

/**
 * Something a master serves besides the core REST API (participant signalling, recordings, …).
 * Installed into each master's Javalin configuration every time the master starts; what it returns
 * is closed when the master stops (for subscriptions to the store's events, for instance).
 * Implementations must be thread-safe: every master of a cluster calls the same instance.
 */
@FunctionalInterface
public interface MasterFeature {

  /** Adds routes, WebSocket handlers or filters for the master described by {@code master}. */
  AutoCloseable install(JavalinConfig config, ApiContext master);

  /**
   * What an installed feature returns when it can also die abruptly: {@link Master#kill()} calls
   * {@link #crash()} instead of {@link #close()}, and the rest of the cluster must notice the death
   * on its own.
   */
  interface Crashable extends AutoCloseable {

    /** Stops acting at once, without the orderly goodbye of {@link #close()}. */
    void crash();

    /** Stops in order. */
    @Override
    void close();
  }
}
