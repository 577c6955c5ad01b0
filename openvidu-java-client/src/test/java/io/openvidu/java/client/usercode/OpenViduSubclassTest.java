package io.openvidu.java.client.usercode;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvidu.java.client.OpenVidu;
import io.openvidu.java.client.Session;
import io.openvidu.java.client.SessionProperties;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Applications subclass {@code OpenVidu} (a Spring {@code @Service}, say) and use the protected
 * members the official client gives subclasses; this one lives outside our package, as theirs do.
 */
class OpenViduSubclassTest {

  @StartStop private final MockWebServer server = new MockWebServer();

  /** A subclass as an application writes it against the official client. */
  static final class VideoService extends OpenVidu {

    VideoService(String url, String secret) {
      super(url, secret);
    }

    String sessionsUrl() {
      return hostname + API_SESSIONS;
    }

    Map<String, Session> known() {
      return activeSessions;
    }

    String[] paths() {
      return new String[] {
        API_PATH,
        API_SESSIONS,
        API_TOKENS,
        API_RECORDINGS,
        API_RECORDINGS_START,
        API_RECORDINGS_STOP
      };
    }
  }

  @Test
  void hostnameIsTheBaseUrlEndingWithASlash() {
    try (VideoService service = new VideoService(urlWithoutSlash(), "MY_SECRET")) {
      assertThat(service.sessionsUrl()).isEqualTo(urlWithoutSlash() + "/openvidu/api/sessions");
    }
  }

  @Test
  void activeSessionsHoldsTheSessionsTheClientCreated() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body(specExample("session.json")).build());
    try (VideoService service = new VideoService(urlWithoutSlash(), "MY_SECRET")) {
      Session created =
          service.createSession(
              new SessionProperties.Builder().customSessionId("ses_YnDaGYNcd7").build());

      assertThat(service.known()).containsEntry("ses_YnDaGYNcd7", created);
    }
  }

  @Test
  void apiPathsAreTheOfficialOnes() {
    try (VideoService service = new VideoService(urlWithoutSlash(), "MY_SECRET")) {
      assertThat(service.paths())
          .containsExactly(
              "openvidu/api",
              "openvidu/api/sessions",
              "openvidu/api/tokens",
              "openvidu/api/recordings",
              "openvidu/api/recordings/start",
              "openvidu/api/recordings/stop");
    }
  }

  private static String specExample(String name) throws IOException {
    try (InputStream in =
        OpenVidu.class.getResourceAsStream("/io/openvidu/java/client/responses/" + name)) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      byte[] buffer = new byte[4096];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        bytes.write(buffer, 0, n);
      }
      return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }
  }

  private String urlWithoutSlash() {
    return "http://" + server.getHostName() + ":" + server.getPort();
  }
}
