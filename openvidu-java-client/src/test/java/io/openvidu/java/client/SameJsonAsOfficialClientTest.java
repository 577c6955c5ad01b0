package io.openvidu.java.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Applications serialize SDK objects (a tutorial hands a {@link Recording} to the browser through
 * Gson; others use Jackson): for the same server answers (the specification's examples, from a real
 * HTTP server) our objects give the same JSON as the official 2.20.0 client's, compared as JSON
 * trees (member order aside). {@link ClientObjects} runs the same calls on both clients.
 */
class SameJsonAsOfficialClientTest {

  private static HttpServer server;
  private static Map<String, String> ours;
  private static Map<String, String> official;

  @BeforeAll
  static void runBothClients() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", SameJsonAsOfficialClientTest::answer);
    server.start();
    String url = "http://127.0.0.1:" + server.getAddress().getPort();
    ours = ClientObjects.capture(url);
    try (OfficialClientLoader loader = OfficialClientLoader.create()) {
      official = capture(loader, "capture", url);
    }
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  @Test
  void theScenarioRanOnTheOfficialClient() throws Exception {
    try (OfficialClientLoader loader = OfficialClientLoader.create()) {
      Class<?> theirs = loader.loadClass(OpenVidu.class.getName());
      assertThat(theirs).isNotSameAs(OpenVidu.class);
      assertThat(theirs.getProtectionDomain().getCodeSource().getLocation().getPath())
          .contains("openvidu-java-client-2.20.0");
    }
    assertThat(official.keySet()).containsExactlyElementsOf(ours.keySet());
  }

  @Test
  void sdkObjectsSerializeAsTheOfficialOnesUnderGsonAndJackson() {
    assertThat(differences(ours, official)).isEmpty();
  }

  @Test
  void gsonTypedMembersGiveWhatTheOfficialOnesGive() throws Exception {
    Map<String, String> theirs;
    try (OfficialClientLoader loader = OfficialClientLoader.create()) {
      theirs = capture(loader, "gsonMembers");
    }
    assertThat(differences(ClientObjects.gsonMembers(), theirs)).isEmpty();
  }

  private static List<String> differences(Map<String, String> ours, Map<String, String> official) {
    List<String> differences = new ArrayList<>();
    for (Map.Entry<String, String> entry : official.entrySet()) {
      String mine = ours.get(entry.getKey());
      if (!sameJson(mine, entry.getValue())) {
        differences.add(
            entry.getKey() + "\n  official: " + entry.getValue() + "\n  ours:     " + mine);
      }
    }
    return differences;
  }

  private static boolean sameJson(String a, String b) {
    if (a == null || b == null) {
      return a == b;
    }
    try {
      JsonNode left = SpecExamples.JSON.readTree(a);
      JsonNode right = SpecExamples.JSON.readTree(b);
      return left.equals(right);
    } catch (IOException notJson) {
      return a.equals(b);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> capture(
      OfficialClientLoader loader, String method, Object... arguments) throws Exception {
    Class<?> scenario = loader.loadClass(ClientObjects.class.getName());
    Class<?>[] types = new Class<?>[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      types[i] = arguments[i].getClass();
    }
    return (Map<String, String>) scenario.getMethod(method, types).invoke(null, arguments);
  }

  /** The specification's example answers; Basic authentication challenged as OpenVidu does. */
  private static void answer(HttpExchange exchange) throws IOException {
    if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"OpenVidu\"");
      send(exchange, 401, "");
      return;
    }
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    String sessions = "/openvidu/api/sessions";
    String recordings = "/openvidu/api/recordings";
    String session = sessions + "/" + ClientObjects.SESSION_ID;
    if (method.equals("POST") && path.equals(sessions)) {
      send(exchange, 200, SpecExamples.session().toString());
    } else if (method.equals("POST") && path.equals(session + "/connection")) {
      send(exchange, 200, SpecExamples.pendingConnection().toString());
    } else if (method.equals("GET") && path.equals(session)) {
      send(
          exchange,
          200,
          SpecExamples.sessionWith(
                  SpecExamples.activeConnection(),
                  SpecExamples.secondActiveConnection(),
                  SpecExamples.ipCameraConnection())
              .toString());
    } else if (method.equals("GET") && path.equals(recordings + "/" + ClientObjects.SESSION_ID)) {
      send(exchange, 200, SpecExamples.readyRecording().toString());
    } else if (method.equals("GET") && path.equals(recordings)) {
      send(
          exchange,
          200,
          SpecExamples.recordingList(
                  SpecExamples.readyRecording(), SpecExamples.startedIndividualRecording())
              .toString());
    } else {
      send(exchange, 404, "");
    }
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
