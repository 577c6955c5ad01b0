package io.openvidu.examples;

import io.openvidu.ha.server.testing.SimulatedParticipant;
import io.openvidu.java.client.Connection;
import io.openvidu.java.client.ConnectionProperties;
import io.openvidu.java.client.OpenViduHttpException;
import io.openvidu.java.client.OpenViduJavaClientException;
import io.openvidu.java.client.OpenViduRole;
import io.openvidu.java.client.Session;
import java.net.URI;

/**
 * Stand-ins for browsers: participants that join a session and publish a camera the way
 * openvidu-browser does, over OpenVidu's WebSocket protocol, without real media. The examples need
 * them because OpenVidu records only sessions somebody is connected to. In your application,
 * browsers do this part.
 */
public final class Participants {
  private Participants() {}

  /**
   * Creates a connection to {@code session} for a participant called {@code name}, joins with its
   * token through {@code master} and publishes a camera.
   *
   * @param master the master whose WebSocket to use, or {@code null} for the address in the token
   * @param clientAddress the address a load balancer in front of the masters would report for the
   *     participant ({@code X-Forwarded-For}), or {@code null}
   * @return the joined participant; close it to leave
   */
  public static SimulatedParticipant joinAndPublish(
      Session session, String name, URI master, String clientAddress)
      throws OpenViduJavaClientException, OpenViduHttpException {
    Connection connection =
        session.createConnection(
            new ConnectionProperties.Builder().role(OpenViduRole.PUBLISHER).data(name).build());
    SimulatedParticipant.Builder builder =
        SimulatedParticipant.builder(connection.getToken()).platform("simulated browser");
    if (master != null) {
      builder.via(master);
    }
    if (clientAddress != null) {
      builder.header("X-Forwarded-For", clientAddress);
    }
    SimulatedParticipant participant = builder.join();
    try {
      participant.publish();
    } catch (RuntimeException e) {
      participant.close();
      throw e;
    }
    return participant;
  }
}
