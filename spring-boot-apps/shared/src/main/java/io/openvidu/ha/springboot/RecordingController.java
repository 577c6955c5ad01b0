package io.openvidu.ha.springboot;

import com.google.gson.JsonObject;
import io.openvidu.java.client.OpenVidu;
import io.openvidu.java.client.OpenViduHttpException;
import io.openvidu.java.client.OpenViduJavaClientException;
import io.openvidu.java.client.Recording;
import io.openvidu.java.client.RecordingProperties;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The recording buttons of a tutorial page: each answer is the SDK's {@link Recording} as Gson
 * writes it, from which the page reads {@code id}, {@code status}, {@code url}...
 */
@RestController
@RequestMapping("/api/recording")
public class RecordingController {

  private final OpenVidu openVidu;

  public RecordingController(OpenVidu openVidu) {
    this.openVidu = openVidu;
  }

  /**
   * Body: {@code {"session": id, "outputMode": "COMPOSED", "hasAudio": true, "hasVideo": true}}.
   */
  @PostMapping("/start")
  public ResponseEntity<Recording> start(@RequestBody JsonObject body)
      throws OpenViduJavaClientException, OpenViduHttpException {
    RecordingProperties properties =
        new RecordingProperties.Builder()
            .outputMode(Recording.OutputMode.valueOf(body.get("outputMode").getAsString()))
            .hasAudio(body.get("hasAudio").getAsBoolean())
            .hasVideo(body.get("hasVideo").getAsBoolean())
            .build();
    return ResponseEntity.ok(
        openVidu.startRecording(body.get("session").getAsString(), properties));
  }

  /** Body: {@code {"recording": id}}. */
  @PostMapping("/stop")
  public ResponseEntity<Recording> stop(@RequestBody JsonObject body)
      throws OpenViduJavaClientException, OpenViduHttpException {
    return ResponseEntity.ok(openVidu.stopRecording(body.get("recording").getAsString()));
  }

  @GetMapping("/get/{id}")
  public ResponseEntity<Recording> get(@PathVariable("id") String id)
      throws OpenViduJavaClientException, OpenViduHttpException {
    return ResponseEntity.ok(openVidu.getRecording(id));
  }

  @GetMapping("/list")
  public ResponseEntity<List<Recording>> list()
      throws OpenViduJavaClientException, OpenViduHttpException {
    return ResponseEntity.ok(openVidu.listRecordings());
  }

  @DeleteMapping("/delete/{id}")
  public ResponseEntity<JsonObject> delete(@PathVariable("id") String id)
      throws OpenViduJavaClientException, OpenViduHttpException {
    openVidu.deleteRecording(id);
    JsonObject deleted = new JsonObject();
    deleted.addProperty("deleted", id);
    return ResponseEntity.ok(deleted);
  }
}
