package io.openvidu.ha.springboot;

import com.google.gson.JsonObject;
import io.openvidu.java.client.Connection;
import io.openvidu.java.client.ConnectionProperties;
import io.openvidu.java.client.ConnectionType;
import io.openvidu.java.client.OpenVidu;
import io.openvidu.java.client.OpenViduHttpException;
import io.openvidu.java.client.OpenViduJavaClientException;
import io.openvidu.java.client.OpenViduRole;
import io.openvidu.java.client.Session;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sessions by the name the browser gives, as OpenVidu's Java tutorials keep them: the first
 * participant's request creates the session, every request gets a connection whose token the
 * browser passes to {@code session.connect(token)}. The SDK objects go to the browser as Spring's
 * JSON mapper (Gson) writes them.
 */
@RestController
@RequestMapping("/api/sessions")
public class SessionController {

  private final OpenVidu openVidu;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  public SessionController(OpenVidu openVidu) {
    this.openVidu = openVidu;
  }

  /** Body (optional): {@code {"data": "..."}}, the server data of the connection. */
  @PostMapping("/{name}/connection")
  public ResponseEntity<Connection> connect(
      @PathVariable("name") String name, @RequestBody(required = false) JsonObject body)
      throws OpenViduJavaClientException, OpenViduHttpException {
    Session session = sessions.get(name);
    if (session == null) {
      session = openVidu.createSession();
      sessions.put(name, session);
    }
    ConnectionProperties properties =
        new ConnectionProperties.Builder()
            .type(ConnectionType.WEBRTC)
            .role(OpenViduRole.PUBLISHER)
            .data(body != null && body.has("data") ? body.get("data").getAsString() : "")
            .build();
    return ResponseEntity.ok(session.createConnection(properties));
  }

  /** The session's participants, with what they publish, as OpenVidu reports them now. */
  @GetMapping("/{name}/connections")
  public ResponseEntity<List<Connection>> connections(@PathVariable("name") String name)
      throws OpenViduJavaClientException, OpenViduHttpException {
    Session session = sessions.get(name);
    if (session == null) {
      return ResponseEntity.notFound().build();
    }
    session.fetch();
    return ResponseEntity.ok(session.getActiveConnections());
  }

  @DeleteMapping("/{name}")
  public ResponseEntity<Void> close(@PathVariable("name") String name)
      throws OpenViduJavaClientException, OpenViduHttpException {
    Session session = sessions.remove(name);
    if (session == null) {
      return ResponseEntity.notFound().build();
    }
    session.close();
    return ResponseEntity.noContent().build();
  }
}
