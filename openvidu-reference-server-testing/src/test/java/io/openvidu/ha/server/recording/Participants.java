package io.openvidu.ha.server.recording;

import io.openvidu.ha.server.api.ApiClient;
import io.openvidu.ha.server.testing.SimulatedParticipant;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions with participants for recording tests: sessions and connections are made through the
 * REST API like an application does, and each participant is a {@link SimulatedParticipant} that
 * joins over a real WebSocket through a master. Closing it closes every participant's socket.
 */
final class Participants implements AutoCloseable {

  private final ApiClient api;
  private final URI master;
  private final Map<String, SimulatedParticipant> joined = new ConcurrentHashMap<>();

  /**
   * @param api the REST client sessions and connections are made with
   * @param master the master participants open their sockets on
   */
  Participants(ApiClient api, URI master) {
    this.api = api;
    this.master = master;
  }

  /** Creates a session with {@code body} ({@code null} for the defaults) and returns its id. */
  String session(String body) {
    ApiClient.Reply reply = api.post("/openvidu/api/sessions", body);
    if (reply.status() != 200) {
      throw new AssertionError("session not created: " + reply.status() + " " + reply.body());
    }
    return reply.json().get("id").asText();
  }

  /**
   * Creates a connection with {@code role} (server data {@code server-<role>}) and joins with its
   * token (client data {@code client-<role>}); returns the connection id.
   */
  String join(String sessionId, String role) {
    ApiClient.Reply reply =
        api.post(
            "/openvidu/api/sessions/" + sessionId + "/connection",
            "{\"role\":\"" + role + "\",\"data\":\"server-" + role + "\"}");
    if (reply.status() != 200) {
      throw new AssertionError("connection not created: " + reply.status() + " " + reply.body());
    }
    SimulatedParticipant participant =
        SimulatedParticipant.builder(reply.json().get("token").asText())
            .via(master)
            .metadata("client-" + role)
            .join();
    joined.put(participant.connectionId(), participant);
    return participant.connectionId();
  }

  /** The participant of a connection, to do anything else with it. */
  SimulatedParticipant participant(String connectionId) {
    SimulatedParticipant participant = joined.get(connectionId);
    if (participant == null) {
      throw new IllegalArgumentException("no participant joined with " + connectionId);
    }
    return participant;
  }

  /** Publishes a camera with audio and video; returns its stream id. */
  String publish(String connectionId) {
    return participant(connectionId).publish();
  }

  /** Stops publishing. */
  void unpublish(String connectionId) {
    participant(connectionId).unpublish();
  }

  /** Leaves the session ({@code leaveRoom}). */
  void leave(String connectionId) {
    joined.remove(connectionId).leave();
  }

  /** A session with one publishing participant; returns the session id. */
  String sessionWithPublisher() {
    String sessionId = session(null);
    publish(join(sessionId, "PUBLISHER"));
    return sessionId;
  }

  @Override
  public void close() {
    joined.values().forEach(SimulatedParticipant::close);
    joined.clear();
  }
}
