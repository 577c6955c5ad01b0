package io.openvidu.ha.server.recording;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvidu.ha.server.api.ApiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A recording start cannot half-happen (issue #18): a name that cannot become a file is refused
 * before anything starts, and a start whose files cannot be written ends {@code failed} and leaves
 * the session free to record again.
 */
class RecordingStartFailureTest {

  private static final String START = "/openvidu/api/recordings/start";

  @RegisterExtension final RecordingCluster cluster = RecordingCluster.withMasters(1);

  private ApiClient api;
  private Participants participants;

  @BeforeEach
  void connect() {
    api = cluster.api(0);
    participants = cluster.participants();
  }

  @Test
  void aNameTooLongForAFileIs400AndStartsNothing() {
    String sessionId = participants.sessionWithPublisher();

    ApiClient.Reply refused =
        api.post(START, "{\"session\":\"" + sessionId + "\",\"name\":\"" + "n".repeat(252) + "\"}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("200");
    assertThat(api.get("/openvidu/api/recordings").json().path("count").asInt()).isZero();
    assertThat(api.post(START, "{\"session\":\"" + sessionId + "\"}").status()).isEqualTo(200);
  }

  @Test
  void aSessionDefaultNameThatCannotBeAFileIs400AtStart() {
    String sessionId =
        participants.session("{\"defaultRecordingProperties\":{\"name\":\"a/../b\"}}");
    participants.publish(participants.join(sessionId, "PUBLISHER"));

    ApiClient.Reply refused = api.post(START, "{\"session\":\"" + sessionId + "\"}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(api.get("/openvidu/api/recordings").json().path("count").asInt()).isZero();
  }

  @Test
  void aStartWhoseFilesCannotBeWrittenEndsFailedAndFreesTheSession() throws Exception {
    String sessionId = participants.sessionWithPublisher();
    Path recordings = cluster.cluster().settings().recordingsDir();
    Files.createDirectories(recordings);
    Files.writeString(recordings.resolve(sessionId), "a file where the folder would go");

    ApiClient.Reply failed = api.post(START, "{\"session\":\"" + sessionId + "\"}");

    assertThat(failed.status()).isEqualTo(500);
    assertThat(failed.json().path("message").asText()).startsWith("Error starting recording");
    assertThat(api.get("/openvidu/api/recordings/" + sessionId).json().path("status").asText())
        .isEqualTo("failed");
    assertThat(api.get("/openvidu/api/sessions/" + sessionId).json().path("recording").asBoolean())
        .isFalse();
    ApiClient.Reply again = api.post(START, "{\"session\":\"" + sessionId + "\"}");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().path("id").asText()).isEqualTo(sessionId + "-1");
    assertThat(api.delete("/openvidu/api/recordings/" + sessionId).status()).isEqualTo(204);
  }
}
