package io.openvidu.ha.server.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP endpoint for webhooks (the JDK's server on a free port): records every POST it gets
 * (raw body and headers), and answers 200, or 503 while it is made to refuse, or not at all while
 * it is held. Thread-safe.
 */
final class WebhookReceiverServer implements AutoCloseable {

  /** One POST as it arrived, and when (UTC ms, once its body was read). */
  record Post(byte[] body, Map<String, List<String>> headers, boolean accepted, long receivedAt) {}

  private final HttpServer server;
  private final List<Post> posts = new CopyOnWriteArrayList<>();
  private final AtomicInteger refusals = new AtomicInteger();
  private volatile boolean refusing;
  private volatile CountDownLatch hold = new CountDownLatch(0);

  WebhookReceiverServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/webhook", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhook";
  }

  /** Answers 503 to every POST until {@link #accept()}. */
  void refuse() {
    refusing = true;
  }

  void accept() {
    refusing = false;
  }

  /** How many POSTs were answered 503. */
  int refusals() {
    return refusals.get();
  }

  /** Answers nothing until {@link #release()}. */
  void hold() {
    hold = new CountDownLatch(1);
  }

  void release() {
    hold.countDown();
  }

  /** Every POST received, in arrival order. */
  List<Post> posts() {
    return new ArrayList<>(posts);
  }

  /** The POSTs answered 200, in arrival order. */
  List<Post> acceptedPosts() {
    return posts.stream().filter(Post::accepted).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    long receivedAt = System.currentTimeMillis();
    try {
      hold.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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

  @Override
  public void close() {
    release();
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
