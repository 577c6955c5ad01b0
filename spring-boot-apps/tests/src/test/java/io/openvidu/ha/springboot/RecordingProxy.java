package io.openvidu.ha.springboot;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Stands between an application and an OpenVidu master: forwards every call unchanged and keeps
 * what the master answered, in order, for a {@link ReplayServer}. Thread-safe.
 */
final class RecordingProxy implements AutoCloseable {

  /** Headers java.net.http sets itself, and compression, so that bodies are kept readable. */
  private static final Set<String> NOT_FORWARDED =
      Set.of("connection", "content-length", "expect", "host", "upgrade", "accept-encoding");

  private final URI target;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

  RecordingProxy(String target) throws IOException {
    this.target = URI.create(target);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::forward);
    server.setExecutor(executor);
    server.start();
  }

  /** The URL to give the application as OpenVidu's, without a trailing slash. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every call answered so far, in the order the answers came. */
  List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] requestBody = exchange.getRequestBody().readAllBytes();
      HttpRequest.Builder request =
          HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
              .timeout(Duration.ofSeconds(30))
              .method(
                  exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(requestBody));
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                  values.forEach(value -> request.header(name, value));
                }
              });
      HttpResponse<byte[]> answer;
      try {
        answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      String contentType = answer.headers().firstValue("Content-Type").orElse(null);
      exchanges.add(
          new Exchange(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              answer.statusCode(),
              contentType,
              answer.body()));
      if (contentType != null) {
        exchange.getResponseHeaders().set("Content-Type", contentType);
      }
      answer
          .headers()
          .firstValue("WWW-Authenticate")
          .ifPresent(value -> exchange.getResponseHeaders().set("WWW-Authenticate", value));
      send(exchange, answer.statusCode(), answer.body());
    }
  }

  static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
