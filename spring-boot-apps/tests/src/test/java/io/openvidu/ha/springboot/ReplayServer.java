package io.openvidu.ha.springboot;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays OpenVidu for a second run of an application: answers each call with what the master
 * answered the first run for the same method and path, in the same order, so that both runs get the
 * same answers whatever ids or times the cluster would give again. Basic authentication is
 * challenged as OpenVidu does (the official client waits for the challenge). A call the first run
 * did not make gets a 404 and is remembered ({@link #unmatched()}). Thread-safe.
 */
final class ReplayServer implements AutoCloseable {

  private final HttpServer server;
  private final Map<String, Deque<Exchange>> answers = new HashMap<>();
  private final List<String> unmatched = new CopyOnWriteArrayList<>();
  private final AtomicInteger challenges = new AtomicInteger();

  ReplayServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  /** The URL to give the application as OpenVidu's, without a trailing slash. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The answers to give, in the order they were given the first time. */
  synchronized void load(List<Exchange> recorded) {
    answers.clear();
    for (Exchange exchange : recorded) {
      answers.computeIfAbsent(exchange.key(), key -> new ArrayDeque<>()).add(exchange);
    }
  }

  /** "METHOD path" of each call the first run did not make (or made fewer times). */
  List<String> unmatched() {
    return List.copyOf(unmatched);
  }

  /**
   * How many calls came without credentials and were challenged: the official client's Apache
   * HttpClient sends them only when challenged, our SDK on every call.
   */
  int challenges() {
    return challenges.get();
  }

  /** "METHOD path" of each recorded answer nobody asked for this time. */
  synchronized List<String> unused() {
    return answers.values().stream().flatMap(Deque::stream).map(Exchange::key).toList();
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
        challenges.incrementAndGet();
        exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"OpenVidu\"");
        RecordingProxy.send(exchange, 401, new byte[0]);
        return;
      }
      String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
      Exchange recorded;
      synchronized (this) {
        Deque<Exchange> queue = answers.get(key);
        recorded = queue == null ? null : queue.poll();
      }
      if (recorded == null) {
        unmatched.add(key);
        RecordingProxy.send(
            exchange,
            404,
            ("not called in the first run: " + key).getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (recorded.contentType() != null) {
        exchange.getResponseHeaders().set("Content-Type", recorded.contentType());
      }
      RecordingProxy.send(exchange, recorded.status(), recorded.body());
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
