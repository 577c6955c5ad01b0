package io.openvidu.ha.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvidu.ha.server.api.ApiClient;
import io.openvidu.ha.server.api.RawHttp;
import io.openvidu.ha.server.rpc.RawSocket;
import io.openvidu.ha.server.testing.OpenViduClusterExtension;
import io.openvidu.ha.server.testing.SimulatedParticipant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A seeded campaign of hostile traffic ({@link HostileTraffic}) against a 2-master cluster: REST
 * requests over raw sockets to every endpoint, JSON-RPC frames over WebSockets to every method,
 * alternating between the masters. It asserts, for every request, no 5xx (but the two 501s the
 * contract prescribes), never HTML, an error in one of rest-api.md §2.2's shapes (JSON, or
 * OpenVidu's status-only empty body) and an answer in time; for every frame, an answer in time
 * carrying the request's id when it was readable (or the socket closed, for a frame over the size
 * limit); and afterwards that every master is healthy and admits a participant, and that everything
 * the traffic created can be removed through the API.
 *
 * <p>Bounded for {@code mvn verify} (seed 18, 600 requests, 200 frames: a few seconds); a longer
 * campaign is the same test with system properties, see the module README: {@code -Dfuzz.seed},
 * {@code -Dfuzz.requests}, {@code -Dfuzz.frames}.
 */
class HostileInputFuzzTest {
  private static final String SECRET = "fuzz-secret";
  private static final Duration NO_HANG = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SHOWN_FAILURES = 15;

  /** Jetty's default limit on a request's line and headers. */
  private static final int JETTY_MAX_HEADER_BYTES = 8 * 1024;

  @RegisterExtension
  final OpenViduClusterExtension cluster =
      OpenViduClusterExtension.builder().masters(2).mediaNodes(2).secret(SECRET).build();

  private final List<SimulatedParticipant> participants = new ArrayList<>();
  private final List<RawSocket> sockets = new ArrayList<>();

  @AfterEach
  void closeClients() {
    participants.forEach(SimulatedParticipant::close);
    sockets.forEach(RawSocket::close);
  }

  @Test
  void hostileTrafficNeverGets5xxOrHtmlAndLeavesTheClusterUsable() {
    long seed = Long.getLong("fuzz.seed", 18);
    int requests = Integer.getInteger("fuzz.requests", 600);
    int frames = Integer.getInteger("fuzz.frames", 200);
    List<String> masters = cluster.urlList();
    Set<String> ownNodes = mediaNodeIds(api(0));
    HostileTraffic traffic = new HostileTraffic(seed, SECRET, ownNodes);
    for (int m = 0; m < masters.size(); m++) {
      populate(traffic, m);
    }
    List<RawHttp> raw = masters.stream().map(url -> RawHttp.of(url, NO_HANG)).toList();
    for (String url : masters) {
      sockets.add(RawSocket.open(URI.create(url)));
    }
    List<String> failures = new ArrayList<>();
    int sentRequests = 0;
    int sentFrames = 0;
    long started = System.nanoTime();
    for (int step = 0; sentRequests < requests || sentFrames < frames; step++) {
      int master = step % masters.size();
      boolean http = sentFrames >= frames || (sentRequests < requests && step % 4 != 3);
      if (http) {
        HostileTraffic.HttpCase request = traffic.nextHttp();
        String at = "#" + step + " ";
        check(raw.get(master), request, traffic).ifPresent(f -> failures.add(at + f));
        sentRequests++;
      } else {
        HostileTraffic.FrameCase frame = traffic.nextFrame();
        String at = "#" + step + " ";
        check(master, frame, masters).ifPresent(f -> failures.add(at + f));
        sentFrames++;
      }
    }
    long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf(
        "Fuzz campaign: seed %d, %d requests, %d frames over %d masters in %d ms, %d failures%n",
        seed, sentRequests, sentFrames, masters.size(), elapsedMillis, failures.size());

    assertThat(failures)
        .as("seed %d: first failures of %d", seed, failures.size())
        .satisfies(f -> assertThat(f.subList(0, Math.min(SHOWN_FAILURES, f.size()))).isEmpty());
    for (int m = 0; m < masters.size(); m++) {
      assertHealthyAndAdmitting(m);
    }
    removeEverything(ownNodes);
  }

  // ---- one request, one frame

  private java.util.Optional<String> check(
      RawHttp raw, HostileTraffic.HttpCase request, HostileTraffic traffic) {
    RawHttp.Answer answer;
    try {
      answer = raw.send(request.bytes(), request.halfClose());
    } catch (RawHttp.ClosedEarly e) {
      if (headerBytes(request.bytes()) > JETTY_MAX_HEADER_BYTES) {
        return java.util.Optional.empty(); // refused (431) and closed before it was all sent
      }
      return java.util.Optional.of(
          request.description()
              + " ("
              + headerBytes(request.bytes())
              + " header bytes, "
              + request.bytes().length
              + " in all): "
              + e.getMessage());
    } catch (RawHttp.NoAnswer e) {
      return java.util.Optional.of(request.description() + ": connection closed without an answer");
    } catch (UncheckedIOException e) {
      return java.util.Optional.of(request.description() + ": " + e.getMessage());
    } catch (AssertionError notHttp) {
      // What the server sent is not an HTTP answer: a failure, reported with the request that got
      // it.
      return java.util.Optional.of(request.description() + ": " + notHttp.getMessage());
    }
    String contentType = answer.header("Content-Type").orElse("");
    if (answer.status() >= 500 && !specifiedByTheContract(request, answer.status())) {
      return java.util.Optional.of(
          request.description() + ": " + answer.status() + " " + abbreviate(answer.body()));
    }
    if (contentType.contains("html")) {
      return java.util.Optional.of(request.description() + ": HTML answer " + answer.status());
    }
    if (answer.status() >= 400 && !request.isHead() && !answer.isWellFormedError()) {
      return java.util.Optional.of(
          request.description()
              + ": malformed error "
              + answer.status()
              + " "
              + contentType
              + " "
              + abbreviate(answer.body()));
    }
    if (answer.status() < 300 && contentType.startsWith("application/json")) {
      learn(traffic, answer.body());
    }
    return java.util.Optional.empty();
  }

  private java.util.Optional<String> check(
      int master, HostileTraffic.FrameCase frame, List<String> masters) {
    RawSocket socket = sockets.get(master);
    if (socket.isClosed()) {
      socket = RawSocket.open(URI.create(masters.get(master)));
      sockets.set(master, socket);
    }
    JsonNode answer;
    try {
      if (frame.binary()) {
        socket.sendBinary(frame.text().getBytes(StandardCharsets.UTF_8));
      } else {
        socket.sendText(frame.text());
      }
      answer = socket.nextAnswer(NO_HANG);
    } catch (AssertionError | RuntimeException e) {
      if (socket.isClosed()) {
        return java.util.Optional.empty(); // over the frame limit: closed, a state it can leave
      }
      return java.util.Optional.of("frame " + abbreviate(frame.text()) + ": " + e.getMessage());
    }
    if (answer == null) {
      return java.util.Optional.empty();
    }
    JsonNode expectedId = frame.binary() ? null : readableId(frame.text());
    JsonNode id = answer.get("id");
    if (expectedId != null && (id == null || !sameId(expectedId, id))) {
      return java.util.Optional.of(
          "frame " + abbreviate(frame.text()) + ": answered with id " + id + ": " + answer);
    }
    if (answer.has("error") && !answer.path("error").path("code").isIntegralNumber()) {
      return java.util.Optional.of("frame " + abbreviate(frame.text()) + ": error code " + answer);
    }
    if (!answer.has("error") && !answer.has("result")) {
      return java.util.Optional.of(
          "frame " + abbreviate(frame.text()) + ": not an answer " + answer);
    }
    return java.util.Optional.empty();
  }

  /**
   * The two 5xx rest-api.md prescribes for a request: 501 for {@code POST /media-nodes} without a
   * {@code uri} on premises (§5.17) and 501 from the recording endpoints while recording is off
   * (§5.7).
   */
  private static boolean specifiedByTheContract(HostileTraffic.HttpCase request, int status) {
    return status == 501
        && (request.path().equals("/openvidu/api/media-nodes")
            || request.path().startsWith("/openvidu/api/recordings"));
  }

  /** The id a request carries, when the whole frame is one JSON object and the id is usable. */
  private static JsonNode readableId(String text) {
    try (var parser = RawSocket.JSON.createParser(text)) {
      JsonNode tree = RawSocket.JSON.readTree(parser);
      if (tree == null || !tree.isObject()) {
        return null;
      }
      JsonNode id = tree.get("id");
      return id != null && (id.isTextual() || id.isNumber()) ? id : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static boolean sameId(JsonNode sent, JsonNode answered) {
    if (sent.isNumber() && answered.isNumber()) {
      return sent.decimalValue().compareTo(answered.decimalValue()) == 0;
    }
    return sent.equals(answered);
  }

  // ---- what the traffic learns, and the cluster it starts with

  /** Two sessions per master with a joined, publishing participant, for the traffic to reach. */
  private void populate(HostileTraffic traffic, int master) {
    ApiClient api = api(master);
    for (int i = 0; i < 2; i++) {
      String sessionId = api.post("/openvidu/api/sessions", "{}").json().get("id").asText();
      traffic.sessions.add(sessionId);
      String token = connectionToken(api, sessionId, "MODERATOR");
      SimulatedParticipant participant =
          SimulatedParticipant.builder(token).via(URI.create(cluster.urlList().get(master))).join();
      participants.add(participant);
      traffic.connections.add(participant.connectionId());
      traffic.streams.add(participant.publish());
      traffic.tokens.add(connectionToken(api, sessionId, "PUBLISHER"));
    }
  }

  private static void learn(HostileTraffic traffic, String body) {
    JsonNode tree;
    try {
      tree = JSON.readTree(body);
    } catch (IOException e) {
      return;
    }
    if (tree == null) {
      return;
    }
    tree.findParents("id")
        .forEach(
            node -> {
              String id = node.path("id").asText("");
              switch (node.path("object").asText("")) {
                case "session" -> add(traffic.sessions, id);
                case "connection" -> add(traffic.connections, id);
                case "recording" -> add(traffic.recordings, id);
                default -> {
                  if (id.startsWith("str_")) {
                    add(traffic.streams, id);
                  }
                }
              }
            });
    tree.findValues("token").forEach(t -> add(traffic.tokens, t.asText("")));
    tree.findValues("streamId").forEach(s -> add(traffic.streams, s.asText("")));
  }

  private static void add(List<String> pool, String value) {
    if (value.isEmpty() || pool.contains(value)) {
      return;
    }
    pool.add(value);
    if (pool.size() > 40) {
      pool.remove(0);
    }
  }

  // ---- afterwards

  private void assertHealthyAndAdmitting(int master) {
    ApiClient api = api(master);
    ApiClient.Reply health = api.without("Authorization").get("/openvidu/health");
    assertThat(health.status()).as("health of master %d", master).isEqualTo(200);
    assertThat(health.json().path("status").asText()).isEqualTo("UP");

    String sessionId = api.post("/openvidu/api/sessions", "{}").json().get("id").asText();
    SimulatedParticipant participant =
        SimulatedParticipant.builder(connectionToken(api, sessionId, "PUBLISHER"))
            .via(URI.create(cluster.urlList().get(master)))
            .join();
    participants.add(participant);
    assertThat(participant.joinResult().path("session").asText()).isEqualTo(sessionId);
    participant.publish();
  }

  /** Everything the traffic created goes away through the API; the cluster ends as it began. */
  private void removeEverything(Set<String> ownNodes) {
    ApiClient api = api(0);
    assertThat(api.post("/openvidu/api/restart", "{\"OPENVIDU_RECORDING\":true}").status())
        .isEqualTo(200);
    participants.forEach(SimulatedParticipant::close);
    participants.clear();
    for (JsonNode recording : api.get("/openvidu/api/recordings").json().path("items")) {
      if (recording.path("status").asText().equals("started")) {
        api.post("/openvidu/api/recordings/stop/" + recording.path("id").asText(), null);
      }
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              for (JsonNode recording : api.get("/openvidu/api/recordings").json().path("items")) {
                assertThat(
                        api.delete("/openvidu/api/recordings/" + recording.path("id").asText())
                            .status())
                    .as("deleting recording %s", recording)
                    .isIn(204, 404);
              }
              assertThat(api.get("/openvidu/api/recordings").json().path("count").asInt()).isZero();
            });
    for (JsonNode session : api.get("/openvidu/api/sessions").json().path("content")) {
      assertThat(api.delete("/openvidu/api/sessions/" + session.path("id").asText()).status())
          .as("closing session %s", session.path("id"))
          .isIn(204, 404);
    }
    for (String node : mediaNodeIds(api)) {
      if (!ownNodes.contains(node)) {
        assertThat(api.delete("/openvidu/api/media-nodes/" + node).status())
            .as("removing media node %s", node)
            .isBetween(200, 299);
      }
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(api.get("/openvidu/api/sessions").json().path("numberOfElements").asInt())
                  .isZero();
              assertThat(mediaNodeIds(api)).isEqualTo(ownNodes);
            });
  }

  private static Set<String> mediaNodeIds(ApiClient api) {
    Set<String> ids = new HashSet<>();
    api.get("/openvidu/api/media-nodes")
        .json()
        .path("content")
        .forEach(n -> ids.add(n.path("id").asText()));
    return ids;
  }

  private static String connectionToken(ApiClient api, String sessionId, String role) {
    ApiClient.Reply reply =
        api.post(
            "/openvidu/api/sessions/" + sessionId + "/connection", "{\"role\":\"" + role + "\"}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().get("token").asText();
  }

  private ApiClient api(int master) {
    return ApiClient.of(cluster.urlList().get(master), SECRET);
  }

  private static int headerBytes(byte[] request) {
    String text = new String(request, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    return end < 0 ? request.length : end;
  }

  private static String abbreviate(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "...(" + text.length() + ")" : text;
  }
}
