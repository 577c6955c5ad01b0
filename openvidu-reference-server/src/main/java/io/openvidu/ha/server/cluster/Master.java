package io.openvidu.ha.server.cluster;

import io.javalin.Javalin;
import io.openvidu.ha.server.api.ApiContext;
import io.openvidu.ha.server.api.RestApi;
import io.openvidu.ha.server.media.MediaNodes;
import io.openvidu.ha.server.tls.TlsIdentity;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One master: an HTTP (or, with a {@link TlsIdentity}, HTTPS and WSS only) server on its own port
 * serving the REST API (and the installed {@link MasterFeature}s) over the cluster's shared store.
 * Stateless apart from the sockets it holds, so it can be stopped, frozen and restarted while the
 * others keep serving everything. Thread-safe.
 */
public final class Master {
  private static final Logger log = LoggerFactory.getLogger(Master.class);

  private final ApiContext api;
  private final MediaNodes mediaNodes;
  private final List<MasterFeature> features;
  private final String host;
  private final int port;
  private final Optional<TlsIdentity> tls;
  private final HangGate gate = new HangGate();
  private Javalin server;
  private final List<AutoCloseable> installed = new ArrayList<>();

  Master(
      ApiContext api,
      MediaNodes mediaNodes,
      List<MasterFeature> features,
      String host,
      int port,
      Optional<TlsIdentity> tls) {
    this.api = api;
    this.mediaNodes = mediaNodes;
    this.features = List.copyOf(features);
    this.host = host;
    this.port = port;
    this.tls = tls;
  }

  /** This master's id, unique in the cluster. */
  public String id() {
    return api.masterId();
  }

  /** The base URL clients call, e.g. {@code http://127.0.0.1:4443} ({@code https} with TLS). */
  public String url() {
    String shownHost = host.equals("0.0.0.0") ? "localhost" : host;
    return (tls.isPresent() ? "https://" : "http://") + shownHost + ":" + port;
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
              tls.ifPresent(
                  identity ->
                      config.jetty.addConnector(
                          (server, http) -> tlsConnector(server, http, identity)));
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
    if (tls.isPresent()) {
      created.start(); // the TLS connector carries the host and port
    } else {
      created.start(host, port);
    }
    server = created;
    log.info("Master {} listens at {}", id(), url());
  }

  /** The only connector of a TLS master: HTTPS, and WSS for the WebSockets on the same port. */
  private ServerConnector tlsConnector(
      Server server, HttpConfiguration http, TlsIdentity identity) {
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    String password = Base64.getEncoder().encodeToString(random); // guards an in-memory store only
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStore(identity.keyStore(password.toCharArray()));
    ssl.setKeyStorePassword(password);
    ssl.setKeyManagerPassword(password);
    // Clients reach masters by IP literal as often as by name: no SNI check against the
    // certificate.
    http.addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
    ServerConnector connector =
        new ServerConnector(
            server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    return connector;
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
    dropConnections(server);
    server.stop();
    server = null;
    log.info("Master {} killed", id());
  }

  /**
   * Closes every open connection at once, as the kernel does for a killed process, rather than in
   * the order and time of Jetty's graceful stop.
   */
  private static void dropConnections(Javalin server) {
    for (Connector connector : server.jettyServer().server().getConnectors()) {
      for (EndPoint endPoint : connector.getConnectedEndPoints()) {
        endPoint.close();
      }
    }
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
