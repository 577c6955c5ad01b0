package io.openvidu.examples.webapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.openvidu.java.client.OpenVidu;
import io.openvidu.java.client.OpenViduHttpException;
import io.openvidu.java.client.OpenViduJavaClientException;
import io.openvidu.java.client.Recording;
import io.openvidu.java.client.RecordingProperties;
import java.util.Locale;

/**
 * Starts, stops, lists and deletes recordings under {@code /api/recordings}. Recordings are
 * OpenVidu's: this backend keeps nothing, so any instance of it serves any request. Thread-safe.
 */
final class RecordingEndpoints {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OpenVidu openVidu;

  RecordingEndpoints(OpenVidu openVidu) {
    this.openVidu = openVidu;
  }

  /** The body of {@code POST /api/recordings}; absent members take OpenVidu's defaults. */
  record StartRequest(String sessionName, String outputMode, Boolean hasAudio, Boolean hasVideo) {}

  /** A recording as the browser sees it. */
  record RecordingView(
      String id,
      String sessionId,
      String name,
      String outputMode,
      String status,
      long size,
      double duration,
      String url) {
    static RecordingView of(Recording recording) {
      return new RecordingView(
          recording.getId(),
          recording.getSessionId(),
          recording.getName(),
          recording.getOutputMode().name(),
          recording.getStatus().name(),
          recording.getSize(),
          recording.getDuration(),
          recording.getUrl());
    }
  }

  void start(Context ctx) throws OpenViduJavaClientException, OpenViduHttpException {
    StartRequest request = startRequest(ctx.body());
    if (request.sessionName() == null || request.sessionName().isBlank()) {
      throw new BadRequestResponse("sessionName is required");
    }
    RecordingProperties.Builder properties = new RecordingProperties.Builder();
    if (request.outputMode() != null) {
      properties.outputMode(outputMode(request.outputMode()));
    }
    if (request.hasAudio() != null) {
      properties.hasAudio(request.hasAudio());
    }
    if (request.hasVideo() != null) {
      properties.hasVideo(request.hasVideo());
    }
    ctx.json(RecordingView.of(openVidu.startRecording(request.sessionName(), properties.build())));
  }

  void stop(Context ctx) throws OpenViduJavaClientException, OpenViduHttpException {
    ctx.json(RecordingView.of(openVidu.stopRecording(ctx.pathParam("recordingId"))));
  }

  void get(Context ctx) throws OpenViduJavaClientException, OpenViduHttpException {
    ctx.json(RecordingView.of(openVidu.getRecording(ctx.pathParam("recordingId"))));
  }

  void list(Context ctx) throws OpenViduJavaClientException, OpenViduHttpException {
    ctx.json(openVidu.listRecordings().stream().map(RecordingView::of).toList());
  }

  void delete(Context ctx) throws OpenViduJavaClientException, OpenViduHttpException {
    openVidu.deleteRecording(ctx.pathParam("recordingId"));
    ctx.status(204);
  }

  private static StartRequest startRequest(String body) {
    try {
      StartRequest request = JSON.readValue(body, StartRequest.class);
      if (request != null) {
        return request;
      }
    } catch (JsonProcessingException e) {
      // Answered below: the caller needs to know what to send, not how the parser failed.
    }
    throw new BadRequestResponse(
        "the body must be a JSON object such as {\"sessionName\": \"daily-standup\", "
            + "\"outputMode\": \"INDIVIDUAL\"}");
  }

  private static Recording.OutputMode outputMode(String text) {
    try {
      return Recording.OutputMode.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse(
          "outputMode must be COMPOSED, COMPOSED_QUICK_START or INDIVIDUAL");
    }
  }
}
