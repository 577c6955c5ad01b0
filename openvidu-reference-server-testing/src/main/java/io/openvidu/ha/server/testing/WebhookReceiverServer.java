package io.openvidu.ha.server.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A real HTTP endpoint for a cluster's webhooks (the JDK's server on a free loopback port, path
 * {@code /webhook}): records every POST it gets (raw body and headers) and answers 200; or 503
 * while it is made to {@link #refuse()}; or nothing while it is {@link #hold() held}; or it is
 * {@link #goDown() down} altogether (connections refused) until it {@link #comeBack() comes back}
 * on the same port. It checks nothing: read the POSTs through the SDK's {@code WebhookReceiver}.
 * Thread-safe.
 */
public final class WebhookReceiverServer implements AutoCloseable {

  /** One POST as it arrived, whether it was answered 200, and when (UTC ms, body read). */
  public record Post(
      byte[] body, Map<String, List<String>> headers, boolean accepted, long receivedAt) {}

  private final List<Post> posts = new CopyOnWriteArrayList<>();
  private final AtomicInteger refusals = new AtomicInteger();
  private final AtomicInteger unanswered = new AtomicInteger();
  private final int port;
  private volatile HttpServer server;
  private volatile boolean refusing;
  private volatile CountDownLatch hold = new CountDownLatch(0);

  /** Starts listening on a free port. */
  public WebhookReceiverServer() {
    server = bind(0);
    port = server.getAddress().getPort();
  }

  /** The URL to configure as {@code OPENVIDU_WEBHOOK_ENDPOINT}. */
  public String url() {
    return "http://127.0.0.1:" + port + "/webhook";
  }

  /** Answers 503 to every POST until {@link #accept()}. */
  public void refuse() {
    refusing = true;
  }

  /** Answers 200 again. */
  public void accept() {
    refusing = false;
  }

  /** How many POSTs were answered 503. */
  public int refusals() {
    return refusals.get();
  }

  /** How many POSTs were received and are not answered yet (held, for instance). */
  public int unanswered() {
    return unanswered.get();
  }

  /** Answers nothing (for 30 s at most) until {@link #release()}. */
  public void hold() {
    hold = new CountDownLatch(1);
  }

  /** Answers the held POSTs and the next ones. */
  public void release() {
    hold.countDown();
  }

  /** Stops listening: POSTs are refused at the TCP level until {@link #comeBack()}. */
  public synchronized void goDown() {
    stop(server);
  }

  /**
   * Listens again on the same port (waiting, 5 s at most, for the port to be free of the previous
   * listener).
   */
  public synchronized void comeBack() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (true) {
      try {
        server = bind(port);
        return;
      } catch (IllegalStateException e) {
        if (!(e.getCause() instanceof BindException) || System.nanoTime() > deadline) {
          throw e;
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
      }
    }
  }

  /** Every POST received, in arrival order. */
  public List<Post> posts() {
    return new ArrayList<>(posts);
  }

  /** The POSTs answered 200, in arrival order. */
  public List<Post> acceptedPosts() {
    return posts.stream().filter(Post::accepted).toList();
  }

  private HttpServer bind(int onPort) {
    HttpServer created;
    try {
      created =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
    } catch (IOException e) {
      throw new IllegalStateException("cannot listen on port " + onPort, e);
    }
    created.setExecutor(Executors.newCachedThreadPool());
    created.createContext("/webhook", this::handle);
    created.start();
    return created;
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    long receivedAt = System.currentTimeMillis();
    unanswered.incrementAndGet();
    try {
      hold.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      unanswered.decrementAndGet();
    }
    boolean accepted = !refusing;
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
    posts.add(new Post(body, headers, accepted, receivedAt));
    if (!accepted) {
      refusals.incrementAndGet();
    }
    exchange.sendResponseHeaders(accepted ? 200 : 503, -1);
    exchange.close();
  }

  private static void stop(HttpServer running) {
    running.stop(0);
    ((ExecutorService) running.getExecutor()).shutdownNow();
  }

  @Override
  public synchronized void close() {
    release();
    stop(server);
  }
}
