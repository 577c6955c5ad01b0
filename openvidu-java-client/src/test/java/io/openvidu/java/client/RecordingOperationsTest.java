package io.openvidu.java.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@ExtendWith(MockOpenViduExtension.class)
class RecordingOperationsTest {

  private static final ObjectNode DEFAULT_START_BODY =
      (ObjectNode)
          parse(
              "{\"session\":\"ses_YnDaGYNcd7\",\"name\":\"\","
                  + "\"hasAudio\":true,\"hasVideo\":true,\"outputMode\":\"COMPOSED\",\"recordingLayout\":\"BEST_FIT\","
                  + "\"resolution\":\"1280x720\",\"frameRate\":25,\"shmSize\":536870912}");

  @Test
  void startRecordingPostsTheDefaultPropertiesExplicitly(MockOpenVidu mock) throws Exception {
    mock.answer(200, SpecExamples.readyRecording().put("status", "started"));

    mock.openVidu.startRecording("ses_YnDaGYNcd7");

    RecordedRequest request = mock.request();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo("/openvidu/api/recordings/start");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo(MockOpenVidu.AUTHORIZATION);
    assertThat(MockOpenVidu.json(request)).isEqualTo(DEFAULT_START_BODY);
  }

  @Test
  void startRecordingWithANameSendsIt(MockOpenVidu mock) throws Exception {
    mock.answer(200, SpecExamples.readyRecording().put("status", "started"));

    mock.openVidu.startRecording("ses_YnDaGYNcd7", "MyRecording");

    ObjectNode named = DEFAULT_START_BODY.deepCopy();
    assertThat(mock.requestBody()).isEqualTo(named.put("name", "MyRecording"));
  }

  @Test
  void startRecordingIndividualSendsOnlyWhatAppliesToIt(MockOpenVidu mock) throws Exception {
    mock.answer(200, SpecExamples.startedIndividualRecording());

    mock.openVidu.startRecording(
        "TestSession",
        new RecordingProperties.Builder()
            .outputMode(Recording.OutputMode.INDIVIDUAL)
            .resolution("640x480")
            .build());

    assertThat(mock.requestBody())
        .isEqualTo(
            parse(
                "{\"session\":\"TestSession\",\"name\":\"\",\"hasAudio\":true,"
                    + "\"hasVideo\":true,\"outputMode\":\"INDIVIDUAL\",\"ignoreFailedStreams\":false}"));
  }

  @Test
  void startRecordingComposedWithCustomLayoutSendsTheLayout(MockOpenVidu mock) throws Exception {
    mock.answer(200, SpecExamples.readyRecording().put("status", "started"));

    mock.openVidu.startRecording(
        "ses_YnDaGYNcd7",
        new RecordingProperties.Builder()
            .recordingLayout(RecordingLayout.CUSTOM)
            .customLayout("layouts/mine")
            .frameRate(30)
            .shmSize(268435456L)
            .resolution("1920x1080")
            .mediaNode("media_1")
            .build());

    JsonNode body = mock.requestBody();
    assertThat(body.get("recordingLayout").asText()).isEqualTo("CUSTOM");
    assertThat(body.get("customLayout").asText()).isEqualTo("layouts/mine");
    assertThat(body.get("frameRate").intValue()).isEqualTo(30);
    assertThat(body.get("shmSize").longValue()).isEqualTo(268435456L);
    assertThat(body.get("resolution").asText()).isEqualTo("1920x1080");
    assertThat(body.get("mediaNode").get("id").asText()).isEqualTo("media_1");
  }

  @Test
  void startRecordingAudioOnlyComposedSendsNoVideoMembers(MockOpenVidu mock) throws Exception {
    mock.answer(200, SpecExamples.readyRecording().put("status", "started").put("hasVideo", false));

    mock.openVidu.startRecording(
        "ses_YnDaGYNcd7", new RecordingProperties.Builder().hasVideo(false).build());

    JsonNode body = mock.requestBody();
    assertThat(body.has("recordingLayout")).isFalse();
    assertThat(body.has("resolution")).isFalse();
    assertThat(body.has("frameRate")).isFalse();
    assertThat(body.has("shmSize")).isFalse();
  }

  @Test
  void startRecordingMarksTheKnownSessionAsBeingRecorded(MockOpenVidu mock) throws Exception {
    Session session = mock.createExampleSession();
    mock.answer(200, SpecExamples.readyRecording().put("status", "started"));

    mock.openVidu.startRecording("ses_YnDaGYNcd7");

    assertThat(session.isBeingRecorded()).isTrue();
  }

  @Test
  void stopRecordingPostsToTheStopPathAndUnmarksTheSession(MockOpenVidu mock) throws Exception {
    Session session = mock.createExampleSession();
    mock.answer(200, SpecExamples.readyRecording().put("status", "started"));
    mock.openVidu.startRecording("ses_YnDaGYNcd7");
    mock.request();
    mock.answer(
        200,
        SpecExamples.readyRecording()
            .put("status", "stopped")
            .put("size", 0)
            .put("duration", 0)
            .putNull("url"));

    Recording stopped = mock.openVidu.stopRecording("ses_YnDaGYNcd7");

    RecordedRequest request = mock.request();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo("/openvidu/api/recordings/stop/ses_YnDaGYNcd7");
    assertThat(stopped.getStatus()).isEqualTo(Recording.Status.stopped);
    assertThat(stopped.getUrl()).isNull();
    assertThat(session.isBeingRecorded()).isFalse();
  }

  @Test
  void getRecordingReadsEveryMemberOfAReadyComposedRecording(MockOpenVidu mock) throws Exception {
    mock.answer(200, SpecExamples.readyRecording());

    Recording recording = mock.openVidu.getRecording("ses_YnDaGYNcd7");

    RecordedRequest request = mock.request();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo("/openvidu/api/recordings/ses_YnDaGYNcd7");
    assertThat(recording.getId()).isEqualTo("ses_YnDaGYNcd7");
    assertThat(recording.getName()).isEqualTo("MyRecording");
    assertThat(recording.getSessionId()).isEqualTo("ses_YnDaGYNcd7");
    assertThat(recording.getStatus()).isEqualTo(Recording.Status.ready);
    assertThat(recording.getOutputMode()).isEqualTo(Recording.OutputMode.COMPOSED);
    assertThat(recording.getRecordingLayout()).isEqualTo(RecordingLayout.BEST_FIT);
    assertThat(recording.getResolution()).isEqualTo("1280x720");
    assertThat(recording.getFrameRate()).isEqualTo(25);
    assertThat(recording.getCreatedAt()).isEqualTo(1600564785109L);
    assertThat(recording.getSize()).isEqualTo(303072692L);
    assertThat(recording.getDuration()).isEqualTo(108000.234);
    assertThat(recording.getUrl())
        .isEqualTo("https://my.openvidu.ip/openvidu/recordings/ses_YnDaGYNcd7/MyRecording.mp4");
    assertThat(recording.hasAudio()).isTrue();
    assertThat(recording.hasVideo()).isTrue();
    assertThat(recording.getCustomLayout()).isNull();
    assertThat(recording.ignoreFailedStreams()).isFalse();
  }

  @Test
  void individualRecordingHasNoComposedMembers(MockOpenVidu mock) throws Exception {
    mock.answer(200, SpecExamples.startedIndividualRecording().put("resolution", "1280x720"));

    Recording recording = mock.openVidu.getRecording("TestSession-1");

    assertThat(recording.getOutputMode()).isEqualTo(Recording.OutputMode.INDIVIDUAL);
    assertThat(recording.getResolution()).isNull();
    assertThat(recording.getRecordingLayout()).isNull();
    assertThat(recording.getFrameRate()).isNull();
  }

  @ParameterizedTest
  @EnumSource(Recording.Status.class)
  void everyRecordingStatusIsRead(Recording.Status status, MockOpenVidu mock) throws Exception {
    mock.answer(200, SpecExamples.readyRecording().put("status", status.name()));

    assertThat(mock.openVidu.getRecording("ses_YnDaGYNcd7").getStatus()).isEqualTo(status);
  }

  @ParameterizedTest
  @EnumSource(Recording.OutputMode.class)
  void everyOutputModeIsRead(Recording.OutputMode mode, MockOpenVidu mock) throws Exception {
    mock.answer(200, SpecExamples.readyRecording().put("outputMode", mode.name()));

    assertThat(mock.openVidu.getRecording("ses_YnDaGYNcd7").getOutputMode()).isEqualTo(mode);
  }

  @Test
  void listRecordingsReadsEveryItem(MockOpenVidu mock) throws Exception {
    mock.answer(
        200,
        SpecExamples.recordingList(
            SpecExamples.readyRecording(), SpecExamples.startedIndividualRecording()));

    assertThat(mock.openVidu.listRecordings())
        .extracting(Recording::getId)
        .containsExactly("ses_YnDaGYNcd7", "TestSession-1");
    RecordedRequest request = mock.request();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo("/openvidu/api/recordings");
  }

  @Test
  void deleteRecordingDeletesIt(MockOpenVidu mock) throws Exception {
    mock.answer(204);

    mock.openVidu.deleteRecording("TestSession-1");

    RecordedRequest request = mock.request();
    assertThat(request.getMethod()).isEqualTo("DELETE");
    assertThat(request.getTarget()).isEqualTo("/openvidu/api/recordings/TestSession-1");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo(MockOpenVidu.AUTHORIZATION);
  }

  private static JsonNode parse(String json) {
    try {
      return SpecExamples.JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
