package io.openvidu.ha.springboot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The browser side of a tutorial: calls an application's REST routes with JSON bodies, as its page
 * would, and keeps each call and answer ({@link #steps()}) so that the same calls can be made to
 * another run of the application ({@link #replay}). Not thread-safe.
 */
final class Page {

  static final ObjectMapper JSON = new ObjectMapper();

  private final String url;
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final List<Step> steps = new ArrayList<>();

  /**
   * One call of the page and the application's answer.
   *
   * @param body the request's JSON body, or null
   */
  record Step(String method, String path, String body, int status, String answer) {

    /** The answer as JSON (a missing node when it is empty). */
    JsonNode json() {
      try {
        return answer.isEmpty() ? JSON.missingNode() : JSON.readTree(answer);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + answer, e);
      }
    }
  }

  Page(String url) {
    this.url = url;
  }

  Step get(String path) {
    return call("GET", path, null);
  }

  Step post(String path, String json) {
    return call("POST", path, json);
  }

  Step delete(String path) {
    return call("DELETE", path, null);
  }

  List<Step> steps() {
    return List.copyOf(steps);
  }

  /** Makes the same calls, in the same order, to the application at {@code url}. */
  static List<Step> replay(List<Step> steps, String url) {
    Page page = new Page(url);
    for (Step step : steps) {
      page.call(step.method(), step.path(), step.body());
    }
    return page.steps();
  }

  private Step call(String method, String path, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url + path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      Step step = new Step(method, path, json, response.statusCode(), response.body());
      steps.add(step);
      return step;
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + url + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
