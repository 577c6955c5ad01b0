package io.openvidu.ha.server.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.openvidu.ha.server.config.ClusterSettings;
import io.openvidu.ha.server.store.ConnectionState;
import io.openvidu.ha.server.store.ConnectionStatus;
import io.openvidu.ha.server.store.ConnectionType;
import io.openvidu.ha.server.store.Identifiers;
import io.openvidu.ha.server.store.KurentoOptions;
import io.openvidu.ha.server.store.MediaOptions;
import io.openvidu.ha.server.store.OpenViduRole;
import io.openvidu.ha.server.store.PublisherState;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * The ConnectionProperties body of {@code POST …/connection} and {@code POST /tokens} (rest-api.md
 * §3.8, §5.1), validated in OpenVidu's order, turned into the connection to store: a pending WEBRTC
 * connection with a fresh one-use token, or an IP camera that is active and publishing at once.
 */
final class ConnectionRequest {
  private final ConnectionType type;
  private final String data;
  private final boolean record;
  private final OpenViduRole role;
  private final KurentoOptions kurentoOptions;

  /** What an IP camera's connection id may contain to be used in a URL path as it is. */
  private static final java.util.regex.Pattern URL_SAFE_ID =
      java.util.regex.Pattern.compile("[A-Za-z0-9_]+");

  private final URI rtspUri;
  private final boolean adaptativeBitrate;
  private final boolean onlyPlayWithSubscribers;
  private final int networkCache;

  private ConnectionRequest(
      ConnectionType type,
      String data,
      boolean record,
      OpenViduRole role,
      KurentoOptions kurentoOptions,
      URI rtspUri,
      boolean adaptativeBitrate,
      boolean onlyPlayWithSubscribers,
      int networkCache) {
    this.type = type;
    this.data = data;
    this.record = record;
    this.role = role;
    this.kurentoOptions = kurentoOptions;
    this.rtspUri = rtspUri;
    this.adaptativeBitrate = adaptativeBitrate;
    this.onlyPlayWithSubscribers = onlyPlayWithSubscribers;
    this.networkCache = networkCache;
  }

  /** Parses a ConnectionProperties body; 400 JSON errors for wrong types and values. */
  static ConnectionRequest parse(JsonRequestBody body) {
    String typeName = body.string("type").orElse("WEBRTC");
    String data = body.string("data").orElse("");
    ConnectionType type;
    try {
      type = ConnectionType.valueOf(typeName);
    } catch (IllegalArgumentException e) {
      throw ApiException.json(400, "Parameter 'type' " + typeName + " is not defined");
    }
    boolean record = body.bool("record").orElse(true);
    if (type == ConnectionType.WEBRTC) {
      return new ConnectionRequest(
          type, data, record, parseRole(body), parseKurentoOptions(body), null, true, true, 2000);
    }
    String uri = body.name("rtspUri").orElse(null);
    boolean adaptativeBitrate = body.bool("adaptativeBitrate").orElse(true);
    boolean onlyPlayWithSubscribers = body.bool("onlyPlayWithSubscribers").orElse(true);
    int networkCache = body.integer("networkCache").orElse(2000);
    return new ConnectionRequest(
        type,
        data,
        record,
        null,
        null,
        parseRtspUri(uri),
        adaptativeBitrate,
        onlyPlayWithSubscribers,
        networkCache);
  }

  /** Parses a WEBRTC-only body ({@code POST /tokens}): no type, and {@code record} is discarded. */
  static ConnectionRequest parseToken(JsonRequestBody body) {
    String data = body.string("data").orElse("");
    return new ConnectionRequest(
        ConnectionType.WEBRTC,
        data,
        true,
        parseRole(body),
        parseKurentoOptions(body),
        null,
        true,
        true,
        2000);
  }

  boolean isIpCamera() {
    return type == ConnectionType.IPCAM;
  }

  boolean hasKurentoOptions() {
    return kurentoOptions != null;
  }

  /** The connection to store in {@code sessionId}, created at {@code now}. */
  ConnectionState toConnection(String sessionId, ClusterSettings settings, long now) {
    if (type == ConnectionType.WEBRTC) {
      String token =
          (settings.isSecure() ? "wss://" : "ws://")
              + settings.publicHostAndPort()
              + "?sessionId="
              + sessionId
              + "&token="
              + Identifiers.tokenSecret();
      return ConnectionState.builder()
          .id(Identifiers.connectionId())
          .sessionId(sessionId)
          .status(ConnectionStatus.PENDING)
          .type(type)
          .createdAt(now)
          .record(record)
          .role(role)
          .kurentoOptions(kurentoOptions)
          .serverData(data)
          .token(token)
          .build();
    }
    String connectionId = Identifiers.ipCameraConnectionId(rtspUri);
    if (!URL_SAFE_ID.matcher(connectionId).matches()) {
      // The camera's connection id is made of its URI and is a URL path segment from then on.
      throw ApiException.json(
          400,
          "Parameter 'rtspUri' is wrong: its host and path may only use letters, digits and"
              + " - . _ / :");
    }
    MediaOptions media =
        new MediaOptions(
            true,
            true,
            true,
            true,
            "IPCAM",
            null,
            null,
            JsonNodeFactory.instance.objectNode(),
            adaptativeBitrate,
            onlyPlayWithSubscribers,
            networkCache);
    PublisherState publisher =
        new PublisherState(
            Identifiers.streamId("IPCAM", connectionId), now, rtspUri.toString(), media);
    return ConnectionState.builder()
        .id(connectionId)
        .sessionId(sessionId)
        .status(ConnectionStatus.ACTIVE)
        .type(type)
        .createdAt(now)
        .activeAt(now)
        .record(record)
        .rtspUri(rtspUri.toString())
        .adaptativeBitrate(adaptativeBitrate)
        .onlyPlayWithSubscribers(onlyPlayWithSubscribers)
        .networkCache(networkCache)
        .serverData(data)
        .location("unknown")
        .ip(ipOf(rtspUri))
        .platform("IPCAM")
        .publishers(List.of(publisher))
        .build();
  }

  private static OpenViduRole parseRole(JsonRequestBody body) {
    String roleName = body.string("role").orElse("PUBLISHER");
    try {
      return OpenViduRole.valueOf(roleName);
    } catch (IllegalArgumentException e) {
      throw ApiException.json(400, "Parameter role " + roleName + " is not defined");
    }
  }

  private static KurentoOptions parseKurentoOptions(JsonRequestBody body) {
    if (!body.has("kurentoOptions")) {
      return null;
    }
    if (!body.raw("kurentoOptions").orElseThrow().isObject()) {
      throw ApiException.json(
          400, "Type error in some parameter: 'kurentoOptions' must be an object");
    }
    JsonRequestBody options =
        body.object("kurentoOptions")
            .orElseThrow()
            .withTypeErrorPrefix("Type error in some parameter of 'kurentoOptions': ");
    return new KurentoOptions(
        options.integer("videoMaxRecvBandwidth").orElse(null),
        options.integer("videoMinRecvBandwidth").orElse(null),
        options.integer("videoMaxSendBandwidth").orElse(null),
        options.integer("videoMinSendBandwidth").orElse(null),
        options.stringList("allowedFilters").orElse(null));
  }

  private static URI parseRtspUri(String value) {
    ApiException invalid = ApiException.json(400, "\"rtspUri\" parameter is not a valid rtsp uri");
    if (value == null || !(value.startsWith("rtsp://") || value.startsWith("file://"))) {
      throw invalid;
    }
    try {
      URI uri = new URI(value);
      if (uri.getHost() == null && !value.startsWith("file://")) {
        throw invalid;
      }
      return uri;
    } catch (URISyntaxException e) {
      throw invalid;
    }
  }

  /**
   * OpenVidu resolves the camera's host name; we only take IP literals as they are, so that no
   * request waits on DNS, and report other hosts by name.
   */
  private static String ipOf(URI uri) {
    String host = uri.getHost();
    if (host == null) {
      return "127.0.0.1";
    }
    if (host.matches("[0-9.]+") || host.contains(":")) {
      try {
        return InetAddress.getByName(host).getHostAddress();
      } catch (java.net.UnknownHostException e) {
        return host;
      }
    }
    return host;
  }
}
