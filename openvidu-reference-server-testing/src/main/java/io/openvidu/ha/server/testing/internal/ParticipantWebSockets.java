package io.openvidu.ha.server.testing.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * The WebSocket clients simulated participants open their sockets with: one for plain {@code ws://}
 * and one per TLS context, started on first use and shared for the life of the JVM. Their threads
 * are daemons, so a program using participants exits without closing them. Thread-safe.
 */
public final class ParticipantWebSockets {

  /** openvidu-browser never times out an idle socket; its pings keep the server's side alive. */
  private static final Duration NO_IDLE_TIMEOUT = Duration.ofDays(1);

  /** A joinRoom answer lists every participant: big sessions make big messages. */
  private static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

  private static final Object PLAIN = new Object();
  private static final Map<Object, WebSocketClient> CLIENTS = new ConcurrentHashMap<>();

  private ParticipantWebSockets() {}

  /** The started client for {@code sslContext}, or for plain sockets when it is null. */
  public static WebSocketClient client(SSLContext sslContext) {
    return CLIENTS.computeIfAbsent(
        sslContext == null ? PLAIN : sslContext, key -> start(sslContext));
  }

  private static WebSocketClient start(SSLContext sslContext) {
    ClientConnector connector = new ClientConnector();
    if (sslContext != null) {
      SslContextFactory.Client tls = new SslContextFactory.Client();
      tls.setSslContext(sslContext);
      connector.setSslContextFactory(tls);
    }
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("simulated-participants");
    threads.setDaemon(true);
    HttpClient http = new HttpClient(new HttpClientTransportOverHTTP(connector));
    http.setExecutor(threads);
    http.setScheduler(new ScheduledExecutorScheduler("simulated-participants-timer", true));
    WebSocketClient client = new WebSocketClient(http);
    client.setIdleTimeout(NO_IDLE_TIMEOUT);
    client.setMaxTextMessageSize(MAX_MESSAGE_BYTES);
    // The WebSocket layer builds a pool of its own ("WebSocket@..."), not a daemon by default: it
    // kept a program that used participants from exiting after main returned.
    for (QueuedThreadPool pool : client.getContainedBeans(QueuedThreadPool.class)) {
      pool.setDaemon(true);
    }
    try {
      client.start();
    } catch (Exception e) {
      throw new IllegalStateException("Could not start the participants' WebSocket client", e);
    }
    return client;
  }
}
