package io.openvidu.java.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvidu.java.client.transport.RetryPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * An OpenVidu server scripted by the test (a {@link MockWebServer} on a loopback port) and a client
 * ({@link #openVidu}) pointed at it. Created and closed around each test by {@link
 * MockOpenViduExtension}.
 */
final class MockOpenVidu implements AutoCloseable {

  static final String SECRET = "MY_SECRET";

  /** {@code OPENVIDUAPP:MY_SECRET}, the spec's own example (§1.2). */
  static final String AUTHORIZATION = "Basic T1BFTlZJRFVBUFA6TVlfU0VDUkVU";

  final MockWebServer server = new MockWebServer();
  final OpenVidu openVidu;

  MockOpenVidu() {
    try {
      server.start(InetAddress.getLoopbackAddress(), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    openVidu =
        new OpenVidu.Builder()
            .endpoints(server.url("/").toString())
            .secret(SECRET)
            .connectTimeout(Duration.ofSeconds(1))
            .attemptTimeout(Duration.ofSeconds(5))
            .callTimeout(Duration.ofSeconds(5))
            // One scripted answer per request: these tests are about what an answer turns into, so
            // a 502,
            // 503 or a cut-off answer must not be retried (failover is tested at the transport
            // level and in
            // FailoverEndToEndTest).
            .retryPolicy(RetryPolicy.noRetries())
            .build();
  }

  /** Answers the next request with a JSON body. */
  void answer(int status, JsonNode body) {
    answer(status, body.toString());
  }

  /** Answers the next request with this body, labelled JSON as OpenVidu does. */
  void answer(int status, String body) {
    server.enqueue(
        new MockResponse.Builder()
            .code(status)
            .setHeader("Content-Type", "application/json")
            .body(body)
            .build());
  }

  /** Answers the next request with a status and no body. */
  void answer(int status) {
    server.enqueue(new MockResponse.Builder().code(status).build());
  }

  /**
   * @return the next request the server received; fails the test if none arrives soon
   */
  RecordedRequest request() {
    try {
      RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
      assertThat(request).as("a request reached the server").isNotNull();
      return request;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * @return the next request's JSON body
   */
  JsonNode requestBody() {
    return json(request());
  }

  static JsonNode json(RecordedRequest request) {
    try {
      return SpecExamples.JSON.readTree(request.getBody().utf8());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Creates the spec's example session {@code ses_YnDaGYNcd7} through the client, consuming its
   * request.
   */
  Session createExampleSession() throws OpenViduException {
    answer(200, SpecExamples.session());
    Session session = openVidu.createSession();
    request();
    return session;
  }

  /**
   * Creates the example session and fetches it holding these connections (spec example documents),
   * consuming both requests.
   */
  Session exampleSessionWith(ObjectNode... connections) throws OpenViduException {
    Session session = createExampleSession();
    answer(200, SpecExamples.sessionWith(connections));
    session.fetch();
    request();
    return session;
  }

  @Override
  public void close() {
    openVidu.close();
    server.close();
  }
}
