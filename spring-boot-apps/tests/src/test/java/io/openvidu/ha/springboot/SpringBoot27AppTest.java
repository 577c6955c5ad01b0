package io.openvidu.ha.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Spring Boot 2.7 application ({@code ../boot-2.7}): its {@code OpenVidu} is a {@code @Service}
 * subclass that reads the protected members, shown by {@code GET /api/openvidu}.
 */
class SpringBoot27AppTest extends TutorialAppContract {

  private static final String INFO = "/api/openvidu";

  @RegisterExtension
  static final TutorialAppExtension APP =
      TutorialAppExtension.of(
          "boot-2.7", TutorialPage.recordingCycle("INDIVIDUAL", page -> page.get(INFO)));

  @Override
  TutorialAppExtension app() {
    return APP;
  }

  @Override
  String outputMode() {
    return "INDIVIDUAL";
  }

  @Override
  String springBootsJackson() {
    return "2.13.5";
  }

  @Override
  String springBootsGson() {
    return "2.9.1";
  }

  @Test
  void aSubclassReadsTheHostnameThePathsAndTheActiveSessions() {
    JsonNode info = APP.ours("GET", INFO).json();
    String session = APP.ours("POST", "/api/recording/start").json().path("sessionId").asText();

    assertThat(info.path("hostname").asText()).isEqualTo(APP.ourOpenViduUrl() + "/");
    assertThat(info.path("sessionsApi").asText())
        .isEqualTo(APP.ourOpenViduUrl() + "/openvidu/api/sessions");
    assertThat(info.path("recordingsApi").asText())
        .isEqualTo(APP.ourOpenViduUrl() + "/openvidu/api/recordings");
    assertThat(info.path("startRecordingApi").asText())
        .isEqualTo(APP.ourOpenViduUrl() + "/openvidu/api/recordings/start");
    assertThat(info.path("activeSessions")).hasSize(1);
    assertThat(info.path("activeSessions").get(0).asText()).isEqualTo(session);
  }
}
