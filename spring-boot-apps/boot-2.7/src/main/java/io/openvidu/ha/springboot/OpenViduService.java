package io.openvidu.ha.springboot;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.openvidu.java.client.OpenVidu;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The client as a Spring service of the application's own, as users write it: a subclass of {@link
 * OpenVidu} that reads the protected members the official client offers its subclasses.
 */
@Service
public class OpenViduService extends OpenVidu {

  public OpenViduService(
      @Value("${openvidu.url}") String url, @Value("${openvidu.secret}") String secret) {
    super(url, secret);
  }

  /**
   * @return the deployment's REST addresses and the ids of the sessions this client knows
   */
  public JsonObject describe() {
    JsonObject description = new JsonObject();
    description.addProperty("hostname", hostname);
    description.addProperty("sessionsApi", hostname + API_SESSIONS);
    description.addProperty("recordingsApi", hostname + API_RECORDINGS);
    description.addProperty("startRecordingApi", hostname + API_RECORDINGS_START);
    List<String> ids = new ArrayList<>(activeSessions.keySet());
    Collections.sort(ids);
    JsonArray sessions = new JsonArray();
    for (String id : ids) {
      sessions.add(id);
    }
    description.add("activeSessions", sessions);
    return description;
  }
}
