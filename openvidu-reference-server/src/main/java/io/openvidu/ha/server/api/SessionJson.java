package io.openvidu.ha.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvidu.ha.server.store.ConnectionState;
import io.openvidu.ha.server.store.KurentoOptions;
import io.openvidu.ha.server.store.MediaOptions;
import io.openvidu.ha.server.store.PublisherState;
import io.openvidu.ha.server.store.SessionState;
import io.openvidu.ha.server.store.SubscriberState;
import java.util.List;
import java.util.Locale;

/**
 * The JSON of sessions, connections, publishers and subscribers exactly as rest-api.md §3 shows
 * them: explicit {@code null} members where the object has no value, members present only where
 * documented.
 */
public final class SessionJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SessionJson() {}

  /**
   * A session with its connections: active ones, then pending ones if {@code pendingConnections}.
   */
  public static ObjectNode session(
      SessionState session, boolean pendingConnections, boolean webRtcStats) {
    ObjectNode json = NODES.objectNode();
    json.put("id", session.id());
    json.put("object", "session");
    json.put("sessionId", session.id());
    json.put("createdAt", session.createdAt());
    json.put("mediaMode", session.mediaMode().name());
    json.put("recordingMode", session.recordingMode().name());
    json.set(
        "defaultRecordingProperties",
        RecordingPropertiesJson.render(session.defaultRecordingProperties()));
    json.put("customSessionId", session.customSessionId());
    json.set("connections", connectionList(session, pendingConnections, webRtcStats));
    json.put("recording", session.isBeingRecorded());
    json.put("forcedVideoCodec", session.forcedVideoCodec().name());
    json.put("allowTranscoding", session.allowTranscoding());
    if (session.mediaNodeId() != null) {
      json.put("mediaNodeId", session.mediaNodeId());
    }
    return json;
  }

  /** {@code {"numberOfElements": n, "content": [...]}} of a session's connections, active first. */
  public static ObjectNode connectionList(
      SessionState session, boolean pendingConnections, boolean webRtcStats) {
    ArrayNode content = NODES.arrayNode();
    session.connections().stream()
        .filter(ConnectionState::isActive)
        .forEach(c -> content.add(connection(c, webRtcStats)));
    if (pendingConnections) {
      session.connections().stream()
          .filter(c -> !c.isActive())
          .forEach(c -> content.add(connection(c, false)));
    }
    return page(content);
  }

  /** {@code {"numberOfElements": n, "content": [...]}}. */
  public static ObjectNode page(ArrayNode content) {
    ObjectNode json = NODES.objectNode();
    json.put("numberOfElements", content.size());
    json.set("content", content);
    return json;
  }

  /**
   * A connection, pending or active; {@code webRtcStats} adds the media-debug members to active
   * ones.
   */
  public static ObjectNode connection(ConnectionState c, boolean webRtcStats) {
    ObjectNode json = NODES.objectNode();
    json.put("id", c.id());
    json.put("object", "connection");
    json.put("status", c.status().name().toLowerCase(Locale.ROOT));
    json.put("connectionId", c.id());
    json.put("sessionId", c.sessionId());
    json.put("createdAt", c.createdAt());
    putNullable(json, "activeAt", c.activeAt());
    json.put("location", c.location());
    json.put("ip", c.ip());
    json.put("platform", c.platform());
    json.put("token", c.token());
    json.put("type", c.type().name());
    json.put("record", c.record());
    json.put("role", c.role() == null ? null : c.role().name());
    json.set(
        "kurentoOptions",
        c.kurentoOptions() == null ? NODES.nullNode() : kurentoOptions(c.kurentoOptions()));
    json.put("rtspUri", c.rtspUri());
    putNullable(json, "adaptativeBitrate", c.adaptativeBitrate());
    putNullable(json, "onlyPlayWithSubscribers", c.onlyPlayWithSubscribers());
    putNullable(json, "networkCache", c.networkCache());
    json.put("serverData", c.serverData());
    json.put("clientData", c.clientData());
    if (c.isActive()) {
      json.set("publishers", publishers(c.publishers(), webRtcStats));
      json.set("subscribers", subscribers(c.subscribers(), webRtcStats));
    } else {
      json.putNull("publishers");
      json.putNull("subscribers");
    }
    return json;
  }

  /** Only the members that were given at creation. */
  public static ObjectNode kurentoOptions(KurentoOptions options) {
    ObjectNode json = NODES.objectNode();
    putIfSet(json, "videoMaxRecvBandwidth", options.videoMaxRecvBandwidth());
    putIfSet(json, "videoMinRecvBandwidth", options.videoMinRecvBandwidth());
    putIfSet(json, "videoMaxSendBandwidth", options.videoMaxSendBandwidth());
    putIfSet(json, "videoMinSendBandwidth", options.videoMinSendBandwidth());
    if (options.allowedFilters() != null && !options.allowedFilters().isEmpty()) {
      ArrayNode filters = json.putArray("allowedFilters");
      options.allowedFilters().forEach(filters::add);
    }
    return json;
  }

  private static ArrayNode publishers(List<PublisherState> publishers, boolean webRtcStats) {
    ArrayNode array = NODES.arrayNode();
    for (PublisherState p : publishers) {
      ObjectNode json = array.addObject();
      json.put("createdAt", p.createdAt());
      json.put("streamId", p.streamId());
      if (p.rtspUri() != null) {
        json.put("rtspUri", p.rtspUri());
      }
      json.set("mediaOptions", mediaOptions(p.mediaOptions()));
      if (webRtcStats) {
        addStats(json, p.streamId());
      }
    }
    return array;
  }

  private static ArrayNode subscribers(List<SubscriberState> subscribers, boolean webRtcStats) {
    ArrayNode array = NODES.arrayNode();
    for (SubscriberState s : subscribers) {
      ObjectNode json = array.addObject();
      json.put("createdAt", s.createdAt());
      json.put("streamId", s.streamId());
      if (webRtcStats) {
        addStats(json, s.streamId());
      }
    }
    return array;
  }

  private static ObjectNode mediaOptions(MediaOptions m) {
    ObjectNode json = NODES.objectNode();
    json.put("hasAudio", m.hasAudio());
    if (m.hasAudio()) {
      json.put("audioActive", Boolean.TRUE.equals(m.audioActive()));
    }
    json.put("hasVideo", m.hasVideo());
    if (m.hasVideo()) {
      json.put("videoActive", Boolean.TRUE.equals(m.videoActive()));
      json.put("typeOfVideo", m.typeOfVideo());
      putNullable(json, "frameRate", m.frameRate());
      json.put("videoDimensions", m.videoDimensions());
    }
    json.set("filter", m.filter() == null ? NODES.objectNode() : m.filter().deepCopy());
    if (m.adaptativeBitrate() != null) {
      json.put("adaptativeBitrate", m.adaptativeBitrate());
      json.put("onlyPlayWithSubscribers", m.onlyPlayWithSubscribers());
      json.put("networkCache", m.networkCache());
    }
    return json;
  }

  /** A media-less cluster has no WebRTC statistics: the members exist, empty. */
  private static void addStats(ObjectNode json, String streamId) {
    json.put("webrtcEndpointName", streamId);
    json.putNull("remoteSdp");
    json.putNull("localSdp");
    json.putArray("clientIceCandidates");
    json.putArray("serverIceCandidates");
    json.putNull("localCandidate");
    json.putNull("remoteCandidate");
    json.putArray("events");
  }

  private static void putNullable(ObjectNode json, String name, Object value) {
    if (value == null) {
      json.putNull(name);
    } else if (value instanceof Long l) {
      json.put(name, l);
    } else if (value instanceof Integer i) {
      json.put(name, i);
    } else if (value instanceof Boolean b) {
      json.put(name, b);
    } else {
      throw new IllegalArgumentException("unsupported member type " + value.getClass());
    }
  }

  private static void putIfSet(ObjectNode json, String name, Integer value) {
    if (value != null) {
      json.put(name, value);
    }
  }
}
