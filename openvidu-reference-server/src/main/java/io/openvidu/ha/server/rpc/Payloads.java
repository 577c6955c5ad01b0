package io.openvidu.ha.server.rpc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvidu.ha.server.store.ConnectionState;
import io.openvidu.ha.server.store.MediaOptions;
import io.openvidu.ha.server.store.PublisherState;

/**
 * The JSON shapes participants see of each other (signaling.md §4.1): remote connections and their
 * streams.
 */
final class Payloads {

  private Payloads() {}

  /**
   * What other participants see as a connection's data: client data, server data, or both joined by
   * {@code %/%}.
   */
  static String fullMetadata(ConnectionState connection) {
    String client = connection.clientData() == null ? "" : connection.clientData();
    String server = connection.serverData() == null ? "" : connection.serverData();
    if (!client.isEmpty() && !server.isEmpty()) {
      return client + "%/%" + server;
    }
    return client.isEmpty() ? server : client;
  }

  /** {@code {id, createdAt, metadata}} plus {@code streams} when the connection publishes. */
  static ObjectNode remoteConnection(ConnectionState connection) {
    ObjectNode node = announcement(connection);
    if (!connection.publishers().isEmpty()) {
      streams(node, connection);
    }
    return node;
  }

  /** The {@code participantJoined} params: a remote connection without streams. */
  static ObjectNode announcement(ConnectionState connection) {
    ObjectNode node = RpcFrames.object();
    node.put("id", connection.id());
    node.put(
        "createdAt",
        connection.activeAt() == null ? connection.createdAt() : connection.activeAt());
    node.put("metadata", fullMetadata(connection));
    return node;
  }

  /** The {@code participantPublished} params. */
  static ObjectNode published(ConnectionState connection) {
    ObjectNode node = RpcFrames.object();
    node.put("id", connection.id());
    streams(node, connection);
    return node;
  }

  private static void streams(ObjectNode node, ConnectionState connection) {
    ArrayNode streams = node.putArray("streams");
    connection.publishers().forEach(p -> streams.add(stream(p)));
  }

  static ObjectNode stream(PublisherState publisher) {
    MediaOptions media = publisher.mediaOptions();
    ObjectNode node = RpcFrames.object();
    node.put("id", publisher.streamId());
    node.put("createdAt", publisher.createdAt());
    node.put("hasAudio", media.hasAudio());
    node.put("hasVideo", media.hasVideo());
    node.put("audioActive", Boolean.TRUE.equals(media.audioActive()));
    node.put("videoActive", Boolean.TRUE.equals(media.videoActive()));
    node.put("typeOfVideo", media.typeOfVideo() == null ? "" : media.typeOfVideo());
    node.put("frameRate", media.frameRate() == null ? -1 : media.frameRate());
    node.put("videoDimensions", media.videoDimensions() == null ? "" : media.videoDimensions());
    node.set("filter", media.filter() == null ? RpcFrames.object() : media.filter());
    return node;
  }

  /**
   * {@code {connectionId, reason}}: the params of participantLeft, participantEvicted,
   * participantUnpublished.
   */
  static ObjectNode connectionAndReason(String connectionId, String reason) {
    ObjectNode node = RpcFrames.object();
    node.put("connectionId", connectionId);
    node.put("reason", reason);
    return node;
  }
}
