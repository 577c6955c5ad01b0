package io.openvidu.ha.server.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.openvidu.ha.server.store.ClusterStore;
import io.openvidu.ha.server.store.ConnectionState;
import io.openvidu.ha.server.store.MediaOptions;
import io.openvidu.ha.server.store.PublisherState;
import io.openvidu.ha.server.store.SessionOperations;
import io.openvidu.ha.server.store.SubscriberState;

/**
 * Stands in for participants in REST tests: does to the store what a master does when a browser
 * joins with a token or publishes (the WebSocket side is part 2 of the cluster).
 */
final class Participants {
  private final ClusterStore store;

  Participants(ClusterStore store) {
    this.store = store;
  }

  ConnectionState join(String sessionId, String token) {
    return store.atomically(
        tx ->
            tx.sessions()
                .activateConnection(
                    sessionId,
                    token,
                    new SessionOperations.Activation(
                        System.currentTimeMillis(),
                        "127.0.0.1",
                        "Chrome 100 on Linux",
                        "unknown",
                        "client data",
                        "test-master")));
  }

  String publish(String sessionId, String connectionId) {
    String streamId = "str_CAM_Abcd_" + connectionId;
    store.atomically(
        tx ->
            tx.sessions()
                .addPublisher(
                    sessionId,
                    connectionId,
                    new PublisherState(
                        streamId,
                        System.currentTimeMillis(),
                        null,
                        new MediaOptions(
                            true,
                            true,
                            true,
                            true,
                            "CAMERA",
                            30,
                            "{\"width\":640,\"height\":480}",
                            JsonNodeFactory.instance.objectNode(),
                            null,
                            null,
                            null))));
    return streamId;
  }

  void subscribe(String sessionId, String connectionId, String streamId) {
    store.atomically(
        tx ->
            tx.sessions()
                .addSubscriber(
                    sessionId,
                    connectionId,
                    new SubscriberState(streamId, System.currentTimeMillis())));
  }
}
