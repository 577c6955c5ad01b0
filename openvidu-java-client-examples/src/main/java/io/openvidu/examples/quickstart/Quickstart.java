package io.openvidu.examples.quickstart;

import io.openvidu.examples.Deployment;
import io.openvidu.java.client.Connection;
import io.openvidu.java.client.ConnectionProperties;
import io.openvidu.java.client.OpenVidu;
import io.openvidu.java.client.OpenViduHttpException;
import io.openvidu.java.client.OpenViduJavaClientException;
import io.openvidu.java.client.OpenViduRole;
import io.openvidu.java.client.Session;
import java.io.PrintStream;

/**
 * The smallest useful backend code: create a session and a connection whose token a browser joins
 * the session with ({@code session.connect(token)} in openvidu-browser).
 *
 * <p>Run it against your deployment with {@code OPENVIDU_URL} and {@code OPENVIDU_SECRET} set, or
 * without them against an embedded cluster:
 *
 * <pre>
 * mvn -B -q -Pdemo -pl openvidu-java-client-examples -am compile -Ddemo.main=io.openvidu.examples.quickstart.Quickstart
 * </pre>
 */
public final class Quickstart {
  private Quickstart() {}

  /** A session and the token of one participant's connection to it. */
  public record Invitation(String sessionId, String connectionId, String token) {
    /** Hides the token: it lets anyone who has it join the session. */
    @Override
    public String toString() {
      return "Invitation[sessionId="
          + sessionId
          + ", connectionId="
          + connectionId
          + ", token=****]";
    }
  }

  /**
   * Creates a session and invites one participant to it.
   *
   * @param openVidu the client, shared by the whole application
   * @param userName what the other participants see of this one ({@code Connection.serverData})
   */
  public static Invitation invite(OpenVidu openVidu, String userName)
      throws OpenViduJavaClientException, OpenViduHttpException {
    Session session = openVidu.createSession();
    Connection connection =
        session.createConnection(
            new ConnectionProperties.Builder().role(OpenViduRole.PUBLISHER).data(userName).build());
    return new Invitation(
        session.getSessionId(), connection.getConnectionId(), connection.getToken());
  }

  /**
   * Invites "alice" to a new session of {@code deployment} and tells it on {@code out}, the token
   * hidden.
   *
   * @return the invitation
   */
  public static Invitation run(Deployment deployment, PrintStream out)
      throws OpenViduJavaClientException, OpenViduHttpException {
    // One client for the whole application: it keeps connections to every master and their health.
    try (OpenVidu openVidu =
        new OpenVidu(String.join(",", deployment.urls()), deployment.secret())) {
      Invitation invitation = invite(openVidu, "alice");
      out.println("OpenVidu at " + deployment.urls());
      out.println("session    " + invitation.sessionId());
      out.println("connection " + invitation.connectionId());
      // A token is a credential: hand it to the browser in your HTTP answer, never write it to a
      // log.
      out.println("token      " + redacted(invitation.token()));
      return invitation;
    }
  }

  public static void main(String[] args) throws Exception {
    try (Deployment deployment = Deployment.fromEnvironment()) {
      run(deployment, System.out);
    }
  }

  private static String redacted(String token) {
    int secretPart = token.indexOf("token=");
    return secretPart < 0 ? "****" : token.substring(0, secretPart + "token=".length()) + "****";
  }
}
