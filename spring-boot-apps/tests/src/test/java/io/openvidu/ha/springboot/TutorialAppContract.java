package io.openvidu.ha.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvidu.ha.springboot.Page.Step;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * What every tutorial application must show, on our SDK and next to the official client's run (see
 * {@link TutorialAppExtension}). A subclass names its application and what its Spring Boot pins.
 */
abstract class TutorialAppContract {

  abstract TutorialAppExtension app();

  /** The recording's output mode the page asks for. */
  abstract String outputMode();

  /** The versions of jackson-databind and Gson the application's Spring Boot manages. */
  abstract String springBootsJackson();

  abstract String springBootsGson();

  @Test
  void theApplicationRanOnOurShadedJar() throws IOException {
    Path jar = app().build().ourJar();

    assertThat(jar.getFileName().toString()).endsWith(".jar");
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      assertThat(zip.getEntry("io/openvidu/java/client/OpenVidu.class")).isNotNull();
      assertThat(zip.getEntry("io/openvidu/java/client/shaded/okhttp3/OkHttpClient.class"))
          .isNotNull();
    }
    assertThat(app().build().dependency("okhttp")).isEmpty();
    assertThat(app().build().dependency("kotlin-stdlib")).isEmpty();
  }

  @Test
  void springBootsPinsAreWhatTheApplicationRanWith() {
    assertThat(app().build().dependency("jackson-databind-"))
        .map(path -> path.getFileName().toString())
        .contains("jackson-databind-" + springBootsJackson() + ".jar");
    assertThat(app().build().dependency("gson-"))
        .map(path -> path.getFileName().toString())
        .contains("gson-" + springBootsGson() + ".jar");
  }

  @Test
  void theTokenLetsAParticipantJoinAndPublish() {
    JsonNode connection = app().ours("POST", TutorialPage.CONNECTION).json();
    JsonNode listed = app().ours("GET", TutorialPage.CONNECTIONS).json();

    assertThat(connection.path("token").asText()).startsWith("ws://");
    assertThat(connection.path("status").asText()).isEqualTo("pending");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).path("connectionId").asText())
        .isEqualTo(connection.path("connectionId").asText());
    assertThat(listed.get(0).path("status").asText()).isEqualTo("active");
    assertThat(listed.get(0).path("publishers")).hasSize(1);
  }

  @Test
  void aRecordingIsStartedStoppedAndReadyThenListedAndDeleted() {
    JsonNode started = app().ours("POST", "/api/recording/start").json();
    String id = started.path("id").asText();
    JsonNode stopped = app().ours("POST", "/api/recording/stop").json();
    List<Step> reads =
        app().ours().stream()
            .filter(step -> step.path().equals("/api/recording/get/" + id))
            .toList();

    assertThat(started.path("status").asText()).isEqualTo("started");
    assertThat(started.path("recordingProperties").path("outputMode").asText())
        .isEqualTo(outputMode());
    assertThat(stopped.path("id").asText()).isEqualTo(id);
    assertThat(stopped.path("status").asText()).isIn("stopped", "ready");
    assertThat(reads.get(reads.size() - 1).json().path("status").asText()).isEqualTo("ready");
    assertThat(app().ours("GET", "/api/recording/list").json().findValuesAsText("id")).contains(id);
    assertThat(app().ours("DELETE", "/api/recording/delete/" + id).status()).isEqualTo(200);
  }

  @Test
  void aRefusalShowsTheStatusAsTheOfficialClientsMessage() {
    Step missing = app().ours("GET", TutorialPage.MISSING_RECORDING);

    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().path("message").asText()).isEqualTo("404");
    assertThat(missing.json().path("status").asInt()).isEqualTo(404);
  }

  @Test
  void thePageReadsTheSameJsonAsWithTheOfficialClient() {
    assertThat(app().differences()).isEmpty();
  }

  @Test
  void theSecondRunWasTheOfficialClientOnTheSameAnswers() {
    assertThat(app().official()).hasSameSizeAs(app().ours());
    assertThat(app().replay().unmatched()).isEmpty();
    assertThat(app().replay().unused()).isEmpty();
    // Apache HttpClient sends credentials once challenged; our SDK sends them on every call.
    assertThat(app().replay().challenges()).isPositive();
  }
}
