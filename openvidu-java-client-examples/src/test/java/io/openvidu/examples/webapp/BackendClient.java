package io.openvidu.examples.webapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** What a browser does with the backend under test: JSON over HTTP. */
final class BackendClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final URI base;

  BackendClient(URI base) {
    this.base = base;
  }

  /** An answer: its status and JSON body. */
  record Answer(int status, String body) {
    /** The JSON body, after checking the status; fails with the body when the status differs. */
    JsonNode expect(int expectedStatus) throws IOException {
      if (status != expectedStatus) {
        throw new AssertionError("expected " + expectedStatus + " but got " + status + ": " + body);
      }
      return body.isEmpty() ? MissingNode.getInstance() : JSON.readTree(body);
    }
  }

  Answer post(String path, String json) throws IOException, InterruptedException {
    return send(
        request(path)
            .POST(
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json))
            .header("Content-Type", "application/json"));
  }

  Answer get(String path) throws IOException, InterruptedException {
    return send(request(path).GET());
  }

  Answer delete(String path) throws IOException, InterruptedException {
    return send(request(path).DELETE());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
  }

  private static Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body());
  }
}
