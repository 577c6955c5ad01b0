package io.openvidu.ha.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * A plain HTTP client for the REST API in tests: Basic credentials by default, JSON bodies as
 * strings. Public for the tests of other packages (recordings, participants).
 */
public final class ApiClient {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final String baseUrl;
  private final Map<String, String> headers;

  private ApiClient(HttpClient http, String baseUrl, Map<String, String> headers) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.headers = headers;
  }

  /** A client authenticated with {@code secret}. */
  public static ApiClient of(String baseUrl, String secret) {
    return new ApiClient(HTTP, baseUrl, Map.of())
        .withHeader("Authorization", basic("OPENVIDUAPP", secret));
  }

  /** The same client verifying TLS servers with {@code context} (a TLS cluster's trust). */
  public ApiClient trusting(SSLContext context) {
    HttpClient trusting =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).sslContext(context).build();
    return new ApiClient(trusting, baseUrl, headers);
  }

  /** {@code Basic base64(user:password)}. */
  public static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** The same client with one more header (or another value for it). */
  public ApiClient withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new ApiClient(http, baseUrl, copy);
  }

  /** The same client without the header. */
  public ApiClient without(String name) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.remove(name);
    return new ApiClient(http, baseUrl, copy);
  }

  public Reply get(String path) {
    return send("GET", path, null);
  }

  public Reply post(String path, String body) {
    return send("POST", path, body);
  }

  public Reply patch(String path, String body) {
    return send("PATCH", path, body);
  }

  public Reply put(String path, String body) {
    return send("PUT", path, body);
  }

  public Reply delete(String path) {
    return send("DELETE", path, null);
  }

  public Reply send(String method, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(20))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An HTTP answer. */
  public record Reply(int status, Map<String, java.util.List<String>> headers, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    public Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst();
    }
  }
}
