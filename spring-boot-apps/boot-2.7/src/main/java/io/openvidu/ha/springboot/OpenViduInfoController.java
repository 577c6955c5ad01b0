package io.openvidu.ha.springboot;

import com.google.gson.JsonObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The administration page's view of the deployment, from {@link OpenViduService}. */
@RestController
public class OpenViduInfoController {

  private final OpenViduService openVidu;

  public OpenViduInfoController(OpenViduService openVidu) {
    this.openVidu = openVidu;
  }

  @GetMapping("/api/openvidu")
  public ResponseEntity<JsonObject> describe() {
    return ResponseEntity.ok(openVidu.describe());
  }
}
