package io.openvidu.ha.server.cluster;

import io.javalin.Javalin;
import io.openvidu.ha.server.api.ApiContext;
import io.openvidu.ha.server.api.RestApi;
import io.openvidu.ha.server.media.MediaNodes;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One master: an HTTP server on its own port serving the REST API (and the installed {@link
 * MasterFeature}s) over the cluster's shared store. Stateless apart from the sockets it holds, so
 * it can be stopped, frozen and restarted while the others keep serving everything. Thread-safe.
 */
public final class Master {
  private static final Logger log = LoggerFactory.getLogger(Master.class);

  private final ApiContext api;
  private final MediaNodes mediaNodes;
  private final List<MasterFeature> features;
  private final String host;
  private final int port;
  private final HangGate gate = new HangGate();
  private Javalin server;
  private final List<AutoCloseable> installed = new ArrayList<>();

  Master(
      ApiContext api, MediaNodes mediaNodes, List<MasterFeature> features, String host, int port) {
    this.api = api;
    this.mediaNodes = mediaNodes;
    this.features = List.copyOf(features);
    this.host = host;
    this.port = port;
  }

  /** This master's id, unique in the cluster. */
  public String id() {
    return api.masterId();
  }

  /** The base URL clients call, e.g. {@code http://127.0.0.1:4443}. */
  public String url() {
    String shownHost = host.equals("0.0.0.0") ? "localhost" : host;
    return "http://" + shownHost + ":" + port;
  }

  /** The port it listens on (the same across restarts). */
  public int port() {
    return port;
  }

  /** Whether it is listening. */
  public synchronized boolean isRunning() {
    return server != null;
  }

  /** Starts listening; does nothing when it already does. */
  public synchronized void start() {
    if (server != null) {
      return;
    }
    gate.open();
    Javalin created =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.routes.before(ctx -> gate.pass());
              config.routes.wsBeforeUpgrade(ctx -> gate.pass());
              RestApi.install(config, api, mediaNodes);
              for (MasterFeature feature : features) {
                AutoCloseable closeable = feature.install(config, api);
                if (closeable != null) {
                  installed.add(closeable);
                }
              }
            });
    created.start(host, port);
    server = created;
    log.info("Master {} listens at {}", id(), url());
  }

  /**
   * Closes the port: clients get "connection refused". Requests held by {@link #hang()} are
   * released first.
   */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    gate.open();
    for (AutoCloseable closeable : installed) {
      try {
        closeable.close();
      } catch (Exception e) {
        log.warn("A feature of master {} failed to stop", id(), e);
      }
    }
    installed.clear();
    server.stop();
    server = null;
    log.info("Master {} stopped", id());
  }

  /**
   * Dies as a process killed with {@code SIGKILL} would: the port closes without any goodbye.
   * Features that can ({@link MasterFeature.Crashable}) stop acting at once instead of stopping in
   * order, so that the other masters must notice the death themselves. {@link #start()} brings it
   * back.
   */
  public synchronized void kill() {
    if (server == null) {
      return;
    }
    gate.open();
    for (AutoCloseable feature : installed) {
      if (feature instanceof MasterFeature.Crashable crashable) {
        crashable.crash();
      }
    }
    installed.clear();
    server.stop();
    server = null;
    log.info("Master {} killed", id());
  }

  /**
   * Stops answering while keeping the port open, like a frozen process: connections are accepted,
   * requests wait. {@link #resume()} lets them (and later ones) through.
   */
  public void hang() {
    gate.close();
    log.info("Master {} hangs", id());
  }

  /** Ends {@link #hang()}: waiting requests proceed. */
  public void resume() {
    gate.open();
    log.info("Master {} resumes", id());
  }

  /** Stops and starts again on the same port. */
  public synchronized void restart() {
    stop();
    start();
  }
}
