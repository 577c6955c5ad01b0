package io.openvidu.java.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The published jar as users get it, in an application whose build pins old versions of what the
 * jar relocates: run by failsafe on the shaded jar, next to slf4j-api, gson and the Kotlin standard
 * library, Jackson and OkHttp of Spring Boot 2.7's era instead of ours (see the pom). Unrelocated,
 * Kotlin 1.6 broke OkHttp 5 ({@code NoClassDefFoundError: kotlin/enums/EnumEntriesKt}). Real calls
 * over a real socket to a JDK HTTP server.
 */
class ShadedJarIT {

  private final List<String> requests = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/openvidu/api/sessions", exchange -> answer(exchange, 200, "session"));
    server.createContext(
        "/openvidu/api/recordings/", exchange -> answer(exchange, 200, "recording-ready"));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void theClassPathHoldsTheApplicationsOldVersionsAndOurJar() throws Exception {
    assertThat(Class.forName("kotlin.KotlinVersion").getField("CURRENT").get(null).toString())
        .isEqualTo("1.6.21");
    assertThat(
            Class.forName("com.fasterxml.jackson.databind.cfg.PackageVersion")
                .getField("VERSION")
                .get(null)
                .toString())
        .isEqualTo("2.13.5");
    assertThat(Class.forName("okhttp3.OkHttp").getField("VERSION").get(null)).isEqualTo("4.12.0");
    assertThat(OpenVidu.class.getProtectionDomain().getCodeSource().getLocation().getPath())
        .endsWith(".jar");
  }

  @Test
  void theShadedJarCreatesASessionAndReadsARecording() throws Exception {
    try (OpenVidu openVidu = new OpenVidu(url(), "MY_SECRET")) {
      Session session =
          openVidu.createSession(
              new SessionProperties.Builder().customSessionId("ses_YnDaGYNcd7").build());
      Recording recording = openVidu.getRecording("ses_YnDaGYNcd7");

      assertThat(session.getSessionId()).isEqualTo("ses_YnDaGYNcd7");
      assertThat(recording.getStatus()).isEqualTo(Recording.Status.ready);
      assertThat(recording.getOutputMode()).isEqualTo(Recording.OutputMode.COMPOSED);
    }
    assertThat(requests)
        .containsExactly(
            "POST /openvidu/api/sessions", "GET /openvidu/api/recordings/ses_YnDaGYNcd7");
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void answer(HttpExchange exchange, int status, String example) throws IOException {
    requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
    byte[] body = read("responses/" + example + ".json");
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static byte[] read(String resource) throws IOException {
    try (InputStream in = ShadedJarIT.class.getResourceAsStream(resource)) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        bytes.write(buffer, 0, n);
      }
      return bytes.toByteArray();
    }
  }
}
