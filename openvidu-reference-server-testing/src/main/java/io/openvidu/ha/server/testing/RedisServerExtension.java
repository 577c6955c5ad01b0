package io.openvidu.ha.server.testing;

import io.openvidu.ha.server.cluster.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import redis.embedded.RedisServer;

/**
 * A JUnit 5 extension that runs a real Redis ({@code redis-server} as shipped by {@code
 * com.github.codemonstur:embedded-redis}, which must be on the test class path) on a free loopback
 * port, with persistence off. Registered as a static field it lives for the test class, as an
 * instance field for each test:
 *
 * <pre>{@code
 * @RegisterExtension static RedisServerExtension redis = new RedisServerExtension();
 * ... ClusterStore store = ClusterStore.over(RedisDocumentStore.connect(redis.uri()), "test:");
 * }</pre>
 *
 * <p>{@link #stop()} and {@link #start()} let a test take Redis away and bring it back on the same
 * port. Not thread-safe: control it from the test thread.
 */
public final class RedisServerExtension extends ScopedExtension {
  private int port;
  private RedisServer server;

  /** Starts Redis (on the same port as before, if it ran before). Does nothing while it runs. */
  @Override
  public void start() {
    if (server != null) {
      return;
    }
    if (port == 0) {
      port = FreePorts.find();
    }
    try {
      RedisServer started =
          RedisServer.newRedisServer()
              .bind("127.0.0.1")
              .port(port)
              .setting("save \"\"")
              .setting("appendonly no")
              .build();
      started.start();
      server = started;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start redis-server on port " + port, e);
    }
  }

  /** Stops Redis; its data is lost. Does nothing when it is stopped. */
  @Override
  public void stop() {
    if (server == null) {
      return;
    }
    try {
      server.stop();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop redis-server", e);
    } finally {
      server = null;
    }
  }

  /** {@code redis://127.0.0.1:<port>}. */
  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  /** The port Redis listens on. */
  public int port() {
    return port;
  }
}
