package io.openvidu.ha.server.recording;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.openvidu.ha.server.api.ApiClient;
import io.openvidu.ha.server.store.ClusterStore;
import io.openvidu.ha.server.store.Identifiers;
import io.openvidu.ha.server.store.MediaOptions;
import io.openvidu.ha.server.store.PublisherState;
import io.openvidu.ha.server.store.SessionOperations;

/**
 * Sessions with participants for recording tests: sessions and connections are made through the REST API like an
 * application does; what a participant does over its socket (join with the token, publish, leave) is written to the
 * store directly, as the master holding the socket would.
 */
final class Participants {

  private final ApiClient api;
  private final ClusterStore store;

  Participants(ApiClient api, ClusterStore store) {
    this.api = api;
    this.store = store;
  }

  /** Creates a session with {@code body} ({@code null} for the defaults) and returns its id. */
  String session(String body) {
    ApiClient.Reply reply = api.post("/openvidu/api/sessions", body);
    if (reply.status() != 200) {
      throw new AssertionError("session not created: " + reply.status() + " " + reply.body());
    }
    return reply.json().get("id").asText();
  }

  /** Creates a connection with {@code role} and joins with its token; returns the connection id. */
  String join(String sessionId, String role) {
    ApiClient.Reply reply = api.post("/openvidu/api/sessions/" + sessionId + "/connection",
        "{\"role\":\"" + role + "\",\"data\":\"server-" + role + "\"}");
    if (reply.status() != 200) {
      throw new AssertionError("connection not created: " + reply.status() + " " + reply.body());
    }
    String token = reply.json().get("token").asText();
    SessionOperations.Activation activation = new SessionOperations.Activation(System.currentTimeMillis(),
        "127.0.0.1", "Chrome", "unknown", "client-" + role, "test-master");
    return store.atomically(tx -> tx.sessions().activateConnection(sessionId, token, activation)).id();
  }

  /** Publishes a camera stream of 640x480 with audio; returns its stream id. */
  String publish(String sessionId, String connectionId) {
    String streamId = Identifiers.streamId("CAMERA", connectionId);
    MediaOptions media = new MediaOptions(true, true, true, true, "CAMERA", 30, "{\"width\":640,\"height\":480}",
        JsonNodeFactory.instance.objectNode(), null, null, null);
    PublisherState publisher = new PublisherState(streamId, System.currentTimeMillis(), null, media);
    store.atomically(tx -> tx.sessions().addPublisher(sessionId, connectionId, publisher));
    return streamId;
  }

  /** Stops publishing. */
  void unpublish(String sessionId, String streamId) {
    store.atomically(tx -> tx.sessions().removePublisher(sessionId, streamId));
  }

  /** Leaves the session as {@code leaveRoom} does. */
  void leave(String sessionId, String connectionId) {
    store.atomically(tx -> tx.sessions().evict(sessionId, connectionId, "disconnect", System.currentTimeMillis()));
  }

  /** A session with one publishing participant; returns the session id. */
  String sessionWithPublisher() {
    String sessionId = session(null);
    publish(sessionId, join(sessionId, "PUBLISHER"));
    return sessionId;
  }
}
