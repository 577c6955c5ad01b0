package io.openvidu.examples.webapp;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.openvidu.java.client.Connection;
import io.openvidu.java.client.ConnectionProperties;
import io.openvidu.java.client.OpenVidu;
import io.openvidu.java.client.OpenViduHttpException;
import io.openvidu.java.client.OpenViduJavaClientException;
import io.openvidu.java.client.OpenViduRole;
import io.openvidu.java.client.Session;
import io.openvidu.java.client.SessionProperties;
import java.util.regex.Pattern;

/**
 * Hands out tokens: {@code POST /api/sessions/{sessionName}/connections}. The session name is the
 * OpenVidu session id, so every backend instance (and every master) agrees on it without sharing
 * anything but OpenVidu. Thread-safe.
 */
final class SessionEndpoints {
  /** What OpenVidu accepts as a custom session id. */
  private static final Pattern SESSION_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,100}");

  private final OpenVidu openVidu;

  SessionEndpoints(OpenVidu openVidu) {
    this.openVidu = openVidu;
  }

  /** A token to join the session; what a browser passes to {@code session.connect(token)}. */
  record Invitation(String sessionId, String connectionId, String token) {
    @Override
    public String toString() {
      return "Invitation[sessionId="
          + sessionId
          + ", connectionId="
          + connectionId
          + ", token=****]";
    }
  }

  void createConnection(Context ctx) throws OpenViduJavaClientException, OpenViduHttpException {
    String sessionName = ctx.pathParam("sessionName");
    if (!SESSION_NAME.matcher(sessionName).matches()) {
      throw new BadRequestResponse("sessionName must be 1 to 100 letters, digits, '-' or '_'");
    }
    // Creating a session that exists already returns it: two users asking at once get the same
    // session.
    Session session =
        openVidu.createSession(
            new SessionProperties.Builder().customSessionId(sessionName).build());
    Connection connection =
        session.createConnection(
            new ConnectionProperties.Builder().role(OpenViduRole.PUBLISHER).build());
    ctx.json(
        new Invitation(
            session.getSessionId(), connection.getConnectionId(), connection.getToken()));
  }
}
