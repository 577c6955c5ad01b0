package io.openvidu.ha.springboot;

import static org.awaitility.Awaitility.await;

import io.openvidu.ha.server.testing.SimulatedParticipant;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * What a tutorial's page does with the applications' routes (see {@code ../shared}): a participant
 * gets a token and joins, the page lists the session's connections, records the session (start,
 * stop, wait for {@code ready}), lists, deletes, asks for a recording that does not exist, and
 * closes the session.
 */
final class TutorialPage {

  static final String SESSION = "daily-standup";
  static final String CONNECTION = "/api/sessions/" + SESSION + "/connection";
  static final String CONNECTIONS = "/api/sessions/" + SESSION + "/connections";
  static final String MISSING_RECORDING = "/api/recording/get/ses_Missing000";

  private TutorialPage() {}

  /**
   * @param outputMode {@code COMPOSED} or {@code INDIVIDUAL}
   * @param whileJoined more calls of the page while the participant is in the session
   */
  static Consumer<Page> recordingCycle(String outputMode, Consumer<Page> whileJoined) {
    return page -> {
      String token = page.post(CONNECTION, "{\"data\":\"ana\"}").json().path("token").asText();
      try (SimulatedParticipant ana = SimulatedParticipant.builder(token).join()) {
        ana.publish();
        page.get(CONNECTIONS);
        whileJoined.accept(page);
        String id =
            page.post(
                    "/api/recording/start",
                    "{\"session\":\""
                        + ana.sessionId()
                        + "\",\"outputMode\":\""
                        + outputMode
                        + "\",\"hasAudio\":true,\"hasVideo\":true}")
                .json()
                .path("id")
                .asText();
        page.post("/api/recording/stop", "{\"recording\":\"" + id + "\"}");
        // Pro and Enterprise answer a stop with "stopped" and finish the files shortly after.
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    page.get("/api/recording/get/" + id)
                        .json()
                        .path("status")
                        .asText()
                        .equals("ready"));
        page.get("/api/recording/list");
        page.delete("/api/recording/delete/" + id);
        page.get(MISSING_RECORDING);
        page.delete("/api/sessions/" + SESSION);
      }
    };
  }
}
