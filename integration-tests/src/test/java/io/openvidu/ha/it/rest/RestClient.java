package io.openvidu.ha.it.rest;

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

/**
 * Plain HTTP calls to one master, for what neither client has a method for (signals, media nodes,
 * configuration, health) and for downloading recording files. Basic credentials on every request;
 * JSON as text. Thread-safe.
 */
public final class RestClient {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final String authorization;

  private RestClient(String baseUrl, String authorization) {
    this.baseUrl = baseUrl;
    this.authorization = authorization;
  }

  /**
   * A client of the master at {@code baseUrl} ({@code http://host:port}) authenticated with {@code
   * secret}.
   */
  public static RestClient of(String baseUrl, String secret) {
    return new RestClient(
        baseUrl,
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("OPENVIDUAPP:" + secret).getBytes(StandardCharsets.UTF_8)));
  }

  public Reply get(String path) {
    return send("GET", baseUrl + path, null);
  }

  public Reply post(String path, String json) {
    return send("POST", baseUrl + path, json);
  }

  /** GETs an absolute URL (a recording's {@code url}) with this client's credentials. */
  public Reply download(String url) {
    return send("GET", url, null);
  }

  private Reply send(String method, String url, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", authorization)
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    try {
      HttpResponse<byte[]> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + url + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + method + " " + url, e);
    }
  }

  /** An HTTP answer. */
  public record Reply(int status, byte[] body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (status " + status + "): " + text(), e);
      }
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }
}
