package io.openvidu.ha.server.recording;

import static io.openvidu.ha.server.recording.RecordingFixtures.composed;
import static io.openvidu.ha.server.recording.RecordingFixtures.individual;
import static io.openvidu.ha.server.recording.RecordingFixtures.stopped;
import static io.openvidu.ha.server.recording.RecordingFixtures.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvidu.ha.server.store.RecordingProperties;
import io.openvidu.ha.server.store.RecordingState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class RecordingArtifactsTest {

  @Test
  void composedRecordingIsAnMp4LastingFromStartToStopAndAThumbnail() {
    RecordingArtifacts artifacts =
        RecordingArtifacts.of(stopped(composed("MyRecording"), 8_600, List.of()));

    assertThat(artifacts.fileName()).isEqualTo("MyRecording.mp4");
    assertThat(artifacts.duration()).isEqualTo(8.6);
    assertThat(artifacts.files().keySet()).containsExactly("MyRecording.mp4", "ses_A.jpg");
  }

  @Test
  void composedSizeIsTheSizeOfTheMp4() throws IOException {
    RecordingArtifacts artifacts = RecordingArtifacts.of(stopped(composed("r"), 3_000, List.of()));

    assertThat(artifacts.size()).isEqualTo(content(artifacts, "r.mp4").length);
  }

  @Test
  void audioOnlyComposedRecordingIsAWebmWithoutThumbnail() {
    RecordingProperties audioOnly =
        new RecordingProperties(
            "r",
            true,
            false,
            io.openvidu.ha.server.store.OutputMode.COMPOSED,
            null,
            null,
            null,
            null,
            null,
            null,
            null);

    RecordingArtifacts artifacts = RecordingArtifacts.of(stopped(audioOnly, 1_000, List.of()));

    assertThat(artifacts.files().keySet()).containsExactly("r.webm");
  }

  @Test
  void individualRecordingIsAZipOfOneWebmPerStreamAndTheSynchronisationFile() throws IOException {
    RecordingState recording =
        stopped(
            individual("rec"),
            60_000,
            List.of(
                stream("str_CAM_A", "con_A", 95, 56_445),
                stream("str_CAM_B", "con_B", 1_000, 60_000)));

    Map<String, byte[]> entries = unzip(content(RecordingArtifacts.of(recording), "rec.zip"));

    assertThat(entries.keySet()).containsExactly("rec.json", "str_CAM_A.webm", "str_CAM_B.webm");
    assertThat(entries.get("str_CAM_A.webm")).startsWith(0x1A, 0x45, 0xDF, 0xA3);
  }

  @Test
  void individualSizeIsTheSumOfTheStreamFilesAndDurationSpansThem() throws IOException {
    RecordingState recording =
        stopped(
            individual("rec"),
            60_000,
            List.of(
                stream("str_CAM_A", "con_A", 95, 56_445),
                stream("str_CAM_B", "con_B", 1_000, 60_000)));
    RecordingArtifacts artifacts = RecordingArtifacts.of(recording);

    Map<String, byte[]> entries = unzip(content(artifacts, "rec.zip"));

    assertThat(artifacts.size())
        .isEqualTo(entries.get("str_CAM_A.webm").length + entries.get("str_CAM_B.webm").length);
    assertThat(artifacts.duration()).isEqualTo((60_000 - 95) / 1000.0);
  }

  @Test
  void synchronisationFileDescribesEveryStreamFile() throws IOException {
    RecordingState recording =
        stopped(individual("rec"), 60_000, List.of(stream("str_CAM_A", "con_A", 95, 56_445)));
    Map<String, byte[]> entries = unzip(content(RecordingArtifacts.of(recording), "rec.zip"));

    JsonNode json = new ObjectMapper().readTree(entries.get("rec.json"));

    assertThat(json.get("id").asText()).isEqualTo("ses_A");
    assertThat(json.get("name").asText()).isEqualTo("rec");
    assertThat(json.get("sessionId").asText()).isEqualTo("ses_A");
    assertThat(json.get("createdAt").asLong()).isEqualTo(RecordingFixtures.CREATED_AT);
    JsonNode file = json.get("files").get(0);
    assertThat(file.get("name").asText()).isEqualTo("str_CAM_A.webm");
    assertThat(file.get("connectionId").asText()).isEqualTo("con_A");
    assertThat(file.get("streamId").asText()).isEqualTo("str_CAM_A");
    assertThat(file.get("size").asLong()).isEqualTo(entries.get("str_CAM_A.webm").length);
    assertThat(file.get("clientData").asText()).isEqualTo("client-con_A");
    assertThat(file.get("serverData").asText()).isEqualTo("server-con_A");
    assertThat(file.get("typeOfVideo").asText()).isEqualTo("CAMERA");
    assertThat(file.get("startTimeOffset").asLong()).isEqualTo(95);
    assertThat(file.get("endTimeOffset").asLong()).isEqualTo(56_445);
  }

  @Test
  void individualRecordingWithoutStreamsIsAnEmptyZipWithTheSynchronisationFile()
      throws IOException {
    RecordingArtifacts artifacts =
        RecordingArtifacts.of(stopped(individual("rec"), 1_000, List.of()));

    assertThat(unzip(content(artifacts, "rec.zip")).keySet()).containsExactly("rec.json");
    assertThat(artifacts.size()).isZero();
    assertThat(artifacts.duration()).isZero();
  }

  @Test
  void producingTwiceGivesTheSameBytes() throws IOException {
    RecordingState recording =
        stopped(individual("rec"), 10_000, List.of(stream("str_CAM_A", "con_A", 0, 9_000)));

    assertThat(content(RecordingArtifacts.of(recording), "rec.zip"))
        .isEqualTo(content(RecordingArtifacts.of(recording), "rec.zip"));
  }

  @Test
  void zipEntriesAreDatedAtTheStopSoThatTheZipDoesNotDependOnWhenItIsWritten() throws IOException {
    RecordingState recording =
        stopped(individual("rec"), 10_000, List.of(stream("str_CAM_A", "con_A", 0, 9_000)));

    try (ZipInputStream in =
        new ZipInputStream(
            new ByteArrayInputStream(content(RecordingArtifacts.of(recording), "rec.zip")))) {
      // DOS timestamps have a two-second resolution
      assertThat(in.getNextEntry().getTime()).isCloseTo(recording.stoppedAt(), within(2_000L));
    }
  }

  @Test
  void recordingThatHasNotStoppedHasNoArtifacts() {
    RecordingState started = RecordingState.starting("s", "s", composed("s"), "m", 0, null);

    assertThatThrownBy(() -> RecordingArtifacts.of(started))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] content(RecordingArtifacts artifacts, String fileName) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    artifacts.files().get(fileName).writeTo(out);
    return out.toByteArray();
  }

  static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    return entries;
  }
}
