package io.openvidu.ha.server.recording;

import static io.openvidu.ha.server.recording.RecordingFixtures.composed;
import static io.openvidu.ha.server.recording.RecordingFixtures.individual;
import static io.openvidu.ha.server.recording.RecordingFixtures.stopped;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvidu.ha.server.store.RecordingState;
import io.openvidu.ha.server.store.RecordingStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingJsonTest {

  private static final String PUBLIC_URL = "https://my.openvidu.ip/";

  @Test
  void readyComposedRecordingHasEveryMemberOfTheRestObject() {
    RecordingState ready =
        stopped(composed("MyRecording"), 8_600, List.of())
            .finished(RecordingStatus.READY, 1_973_428, 8.6, null);

    ObjectNode json = RecordingJson.rest(ready, PUBLIC_URL);

    assertThat(json.toString())
        .isEqualTo(
            "{\"id\":\"ses_A\",\"object\":\"recording\",\"name\":\"MyRecording\","
                + "\"outputMode\":\"COMPOSED\",\"resolution\":\"1280x720\",\"frameRate\":25,"
                + "\"recordingLayout\":\"BEST_FIT\",\"sessionId\":\"ses_A\",\"mediaNode\":\"media_1\","
                + "\"createdAt\":1600000000000,\"size\":1973428,\"duration\":8.6,"
                + "\"url\":\"https://my.openvidu.ip/openvidu/recordings/ses_A/MyRecording.mp4\","
                + "\"hasAudio\":true,\"hasVideo\":true,\"status\":\"ready\"}");
  }

  @Test
  void urlIsNullUntilTheRecordingIsFinal() {
    RecordingState stoppedRecording = stopped(composed("r"), 1_000, List.of());

    assertThat(RecordingJson.rest(stoppedRecording, PUBLIC_URL).get("url").isNull()).isTrue();
  }

  @Test
  void failedRecordingHasAUrl() {
    RecordingState failed =
        stopped(composed("r"), 1_000, List.of()).finished(RecordingStatus.FAILED, 0, 0, null);

    assertThat(RecordingJson.rest(failed, PUBLIC_URL).get("url").asText()).endsWith("/ses_A/r.mp4");
  }

  @Test
  void individualRecordingHasNoComposedMembersAndAZipUrl() {
    RecordingState ready =
        stopped(individual("r"), 1_000, List.of()).finished(RecordingStatus.READY, 0, 0, null);

    ObjectNode json = RecordingJson.rest(ready, PUBLIC_URL);

    assertThat(json.has("resolution")).isFalse();
    assertThat(json.has("recordingLayout")).isFalse();
    assertThat(json.has("frameRate")).isFalse();
    assertThat(json.get("url").asText())
        .isEqualTo("https://my.openvidu.ip/openvidu/recordings/ses_A/r.zip");
  }

  @Test
  void restFormHasNoUniqueSessionIdButMetadataHas() {
    RecordingState recording = stopped(composed("r"), 1_000, List.of());

    assertThat(RecordingJson.rest(recording, PUBLIC_URL).has("uniqueSessionId")).isFalse();
    assertThat(RecordingJson.metadata(recording, PUBLIC_URL).get("uniqueSessionId").asText())
        .isEqualTo(recording.uniqueSessionId());
  }
}
