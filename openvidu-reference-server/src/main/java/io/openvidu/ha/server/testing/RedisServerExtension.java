package io.openvidu.ha.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.embedded.RedisServer;

/**
 * A JUnit 5 extension that runs a real Redis ({@code redis-server} as shipped by
 * {@code com.github.codemonstur:embedded-redis}, which must be on the test class path) on a free loopback port, with
 * persistence off. Registered as a static field it lives for the test class, as an instance field for each test:
 *
 * <pre>{@code
 * @RegisterExtension static RedisServerExtension redis = new RedisServerExtension();
 * ... ClusterStore store = ClusterStore.over(RedisDocumentStore.connect(redis.uri()), "test:");
 * }</pre>
 *
 * <p>{@link #stop()} and {@link #start()} let a test take Redis away and bring it back on the same port. Not
 * thread-safe: control it from the test thread.
 */
public final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
    AfterEachCallback {
  private int port;
  private RedisServer server;
  private boolean perClass;

  @Override
  public void beforeAll(ExtensionContext context) {
    perClass = true;
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (!perClass) {
      start();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!perClass) {
      stop();
    }
  }

  /** Starts Redis (on the same port as before, if it ran before). Does nothing while it runs. */
  public void start() {
    if (server != null) {
      return;
    }
    if (port == 0) {
      port = FreePorts.find();
    }
    try {
      RedisServer started = RedisServer.newRedisServer()
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
