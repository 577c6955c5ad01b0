package io.openvidu.java.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvidu.java.client.transport.BalancingPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Two OpenVidu masters sharing one table of sessions and recordings, as HA masters share their
 * store, and a client that always tries master A first. {@link #crashAfterNextWriteOnA()} makes A
 * apply its next write and then drop the connection before answering: the client cannot know
 * whether the write happened. Only what the scenarios need: create, fetch and close a session;
 * start, stop, get and list recordings (one active per session); connection creation is recorded,
 * never answered usefully. Register with {@code @RegisterExtension}.
 */
final class TwoMasters implements AfterEachCallback {

  private static final String SESSIONS = "/openvidu/api/sessions";
  private static final String RECORDINGS = "/openvidu/api/recordings";

  final Map<String, ObjectNode> sessions = new ConcurrentHashMap<>();
  final Map<String, ObjectNode> recordings = new ConcurrentHashMap<>();
  final MockWebServer a = master("A");
  final MockWebServer b = master("B");
  final OpenVidu openVidu =
      new OpenVidu.Builder()
          .endpoints(a.url("/").toString(), b.url("/").toString())
          .secret("MY_SECRET")
          .balancingPolicy(BalancingPolicy.PRIMARY_FIRST)
          .connectTimeout(Duration.ofSeconds(1))
          .attemptTimeout(Duration.ofSeconds(5))
          .callTimeout(Duration.ofSeconds(10))
          .build();

  /** Every request either master received, as {@code "A POST /openvidu/api/sessions"}. */
  final List<String> requests = new CopyOnWriteArrayList<>();

  /** The {@code Idempotency-Key} of every POST, in arrival order. */
  final List<String> idempotencyKeys = new CopyOnWriteArrayList<>();

  private final AtomicBoolean crashAfterNextWriteOnA = new AtomicBoolean();

  void crashAfterNextWriteOnA() {
    crashAfterNextWriteOnA.set(true);
  }

  private MockWebServer master(String name) {
    MockWebServer server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            requests.add(name + " " + request.getMethod() + " " + request.getUrl().encodedPath());
            if ("POST".equals(request.getMethod())) {
              idempotencyKeys.add(request.getHeaders().get("Idempotency-Key"));
            }
            MockResponse answer = handle(request);
            boolean write = !"GET".equals(request.getMethod());
            if (write && name.equals("A") && crashAfterNextWriteOnA.getAndSet(false)) {
              return new MockResponse.Builder()
                  .onResponseStart(new SocketEffect.CloseSocket(true, false, false))
                  .build();
            }
            return answer;
          }
        });
    try {
      server.start(InetAddress.getLoopbackAddress(), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return server;
  }

  private MockResponse handle(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    String method = request.getMethod();
    if (path.startsWith(RECORDINGS)) {
      return handleRecording(method, path, request);
    }
    if (method.equals("POST") && path.equals(SESSIONS)) {
      String id = body(request).path("customSessionId").asText();
      ObjectNode session = SpecExamples.session().put("id", id).put("sessionId", id);
      return sessions.putIfAbsent(id, session) == null ? json(200, session) : status(409);
    }
    if (path.startsWith(SESSIONS + "/") && path.endsWith("/connection") && method.equals("POST")) {
      return status(501); // A crashes before answering in the scenarios that create connections
    }
    if (path.startsWith(SESSIONS + "/")) {
      String id = path.substring(SESSIONS.length() + 1);
      if (method.equals("GET")) {
        ObjectNode session = sessions.get(id);
        return session == null ? status(404) : json(200, session);
      }
      if (method.equals("DELETE")) {
        return sessions.remove(id) == null ? status(404) : status(204);
      }
    }
    return status(405);
  }

  private synchronized MockResponse handleRecording(
      String method, String path, RecordedRequest request) {
    if (method.equals("POST") && path.equals(RECORDINGS + "/start")) {
      String sessionId = body(request).path("session").asText();
      boolean active =
          recordings.values().stream()
              .anyMatch(
                  r ->
                      r.path("sessionId").asText().equals(sessionId)
                          && r.path("status").asText().equals("started"));
      if (active) {
        return status(409);
      }
      String id = sessionId + "-" + (recordings.size() + 1);
      ObjectNode recording =
          SpecExamples.startedIndividualRecording()
              .put("id", id)
              .put("name", id)
              .put("sessionId", sessionId);
      recordings.put(id, recording);
      return json(200, recording);
    }
    if (method.equals("POST") && path.startsWith(RECORDINGS + "/stop/")) {
      ObjectNode recording = recordings.get(path.substring((RECORDINGS + "/stop/").length()));
      if (recording == null) {
        return status(404);
      }
      if (!recording.path("status").asText().equals("started")) {
        return status(406);
      }
      return json(200, recording.put("status", "stopped"));
    }
    if (method.equals("GET") && path.equals(RECORDINGS)) {
      return json(200, SpecExamples.recordingList(recordings.values().toArray(new ObjectNode[0])));
    }
    if (method.equals("GET")) {
      ObjectNode recording = recordings.get(path.substring(RECORDINGS.length() + 1));
      return recording == null ? status(404) : json(200, recording);
    }
    return status(405);
  }

  private static JsonNode body(RecordedRequest request) {
    try {
      return SpecExamples.JSON.readTree(
          request.getBody() == null ? "{}" : request.getBody().utf8());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MockResponse json(int status, JsonNode body) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/json")
        .body(body.toString())
        .build();
  }

  private static MockResponse status(int status) {
    return new MockResponse.Builder().code(status).build();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    openVidu.close();
    a.close();
    b.close();
  }
}
