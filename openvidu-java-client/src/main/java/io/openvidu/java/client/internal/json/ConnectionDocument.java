package io.openvidu.java.client.internal.json;

import io.openvidu.java.client.ConnectionType;
import io.openvidu.java.client.KurentoOptions;
import io.openvidu.java.client.OpenViduRole;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A connection as the server described it (REST Connection object), pending or active, WebRTC or IP
 * camera. Immutable and thread-safe; the {@code with...} methods return modified copies, used to
 * apply the effect of a successful write without fetching.
 *
 * <p>{@link #toString()} never shows the token.
 */
public final class ConnectionDocument {

  private final String connectionId;
  private final String status;
  private final Long createdAt;
  private final Long activeAt;
  private final ConnectionType type;
  private final boolean record;
  private final OpenViduRole role;
  private final KurentoOptions kurentoOptions;
  private final String rtspUri;
  private final Boolean adaptativeBitrate;
  private final Boolean onlyPlayWithSubscribers;
  private final Integer networkCache;
  private final String serverData;
  private final String clientData;
  private final String token;
  private final String location;
  private final String ip;
  private final String platform;
  private final List<PublisherDocument> publishers;
  private final List<String> subscribers;

  private ConnectionDocument(ResponseJson json) {
    this.connectionId = json.requireText("connectionId");
    this.status = json.requireText("status");
    this.createdAt = json.requireLong("createdAt");
    this.activeAt = json.optionalLong("activeAt");
    this.type = json.requireEnum("type", ConnectionType.class);
    Boolean recordMember = json.optionalBoolean("record");
    // The server always sends it; when absent, the documented default applies.
    this.record = recordMember == null || recordMember;
    this.role = json.optionalEnum("role", OpenViduRole.class);
    this.kurentoOptions = parseKurentoOptions(json.optionalObject("kurentoOptions"));
    this.rtspUri = json.optionalText("rtspUri");
    this.adaptativeBitrate = json.optionalBoolean("adaptativeBitrate");
    this.onlyPlayWithSubscribers = json.optionalBoolean("onlyPlayWithSubscribers");
    this.networkCache = json.optionalInt("networkCache");
    this.serverData = json.optionalText("serverData");
    this.clientData = json.optionalText("clientData");
    this.token = json.optionalText("token");
    this.location = json.optionalText("location");
    this.ip = json.optionalText("ip");
    this.platform = json.optionalText("platform");
    List<PublisherDocument> parsedPublishers = new ArrayList<>();
    for (ResponseJson publisher : json.optionalObjects("publishers")) {
      parsedPublishers.add(PublisherDocument.parse(publisher));
    }
    this.publishers = Collections.unmodifiableList(parsedPublishers);
    List<String> parsedSubscribers = new ArrayList<>();
    for (ResponseJson subscriber : json.optionalObjects("subscribers")) {
      parsedSubscribers.add(subscriber.requireText("streamId"));
    }
    this.subscribers = Collections.unmodifiableList(parsedSubscribers);
  }

  private ConnectionDocument(
      ConnectionDocument base,
      OpenViduRole role,
      boolean record,
      List<PublisherDocument> publishers,
      List<String> subscribers) {
    this.connectionId = base.connectionId;
    this.status = base.status;
    this.createdAt = base.createdAt;
    this.activeAt = base.activeAt;
    this.type = base.type;
    this.record = record;
    this.role = role;
    this.kurentoOptions = base.kurentoOptions;
    this.rtspUri = base.rtspUri;
    this.adaptativeBitrate = base.adaptativeBitrate;
    this.onlyPlayWithSubscribers = base.onlyPlayWithSubscribers;
    this.networkCache = base.networkCache;
    this.serverData = base.serverData;
    this.clientData = base.clientData;
    this.token = base.token;
    this.location = base.location;
    this.ip = base.ip;
    this.platform = base.platform;
    this.publishers = Collections.unmodifiableList(new ArrayList<>(publishers));
    this.subscribers = Collections.unmodifiableList(new ArrayList<>(subscribers));
  }

  /**
   * @throws MalformedResponseException when a member the client needs ({@code connectionId}, {@code
   *     status}, {@code createdAt}, {@code type}) is missing or any member has the wrong type
   */
  public static ConnectionDocument parse(ResponseJson json) {
    return new ConnectionDocument(json);
  }

  private static KurentoOptions parseKurentoOptions(ResponseJson json) {
    if (json == null) {
      return null;
    }
    List<String> filters = json.optionalTexts("allowedFilters");
    return new KurentoOptions(
        json.optionalInt("videoMaxRecvBandwidth"),
        json.optionalInt("videoMinRecvBandwidth"),
        json.optionalInt("videoMaxSendBandwidth"),
        json.optionalInt("videoMinSendBandwidth"),
        filters == null ? null : filters.toArray(new String[0]));
  }

  /**
   * @return a copy with the role and record flag an update set; a {@code null} argument keeps the
   *     value
   */
  public ConnectionDocument withRoleAndRecord(OpenViduRole newRole, Boolean newRecord) {
    return new ConnectionDocument(
        this,
        newRole != null ? newRole : role,
        newRecord != null ? newRecord : record,
        publishers,
        subscribers);
  }

  /**
   * @return a copy without the stream: neither published nor subscribed to any more
   */
  public ConnectionDocument withoutStream(String streamId) {
    List<PublisherDocument> keptPublishers = new ArrayList<>(publishers);
    keptPublishers.removeIf(publisher -> publisher.streamId().equals(streamId));
    List<String> keptSubscribers = new ArrayList<>(subscribers);
    keptSubscribers.removeIf(streamId::equals);
    if (keptPublishers.size() == publishers.size()
        && keptSubscribers.size() == subscribers.size()) {
      return this;
    }
    return new ConnectionDocument(this, role, record, keptPublishers, keptSubscribers);
  }

  public String connectionId() {
    return connectionId;
  }

  public String status() {
    return status;
  }

  public Long createdAt() {
    return createdAt;
  }

  public Long activeAt() {
    return activeAt;
  }

  public ConnectionType type() {
    return type;
  }

  public boolean record() {
    return record;
  }

  public OpenViduRole role() {
    return role;
  }

  public KurentoOptions kurentoOptions() {
    return kurentoOptions;
  }

  public String rtspUri() {
    return rtspUri;
  }

  public Boolean adaptativeBitrate() {
    return adaptativeBitrate;
  }

  public Boolean onlyPlayWithSubscribers() {
    return onlyPlayWithSubscribers;
  }

  public Integer networkCache() {
    return networkCache;
  }

  public String serverData() {
    return serverData;
  }

  public String clientData() {
    return clientData;
  }

  public String token() {
    return token;
  }

  public String location() {
    return location;
  }

  public String ip() {
    return ip;
  }

  public String platform() {
    return platform;
  }

  /**
   * @return the published streams; empty, never {@code null}
   */
  public List<PublisherDocument> publishers() {
    return publishers;
  }

  /**
   * @return the stream ids the connection receives; empty, never {@code null}
   */
  public List<String> subscribers() {
    return subscribers;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ConnectionDocument)) {
      return false;
    }
    ConnectionDocument that = (ConnectionDocument) o;
    return record == that.record
        && connectionId.equals(that.connectionId)
        && status.equals(that.status)
        && Objects.equals(createdAt, that.createdAt)
        && Objects.equals(activeAt, that.activeAt)
        && type == that.type
        && role == that.role
        && Objects.equals(kurentoOptions, that.kurentoOptions)
        && Objects.equals(rtspUri, that.rtspUri)
        && Objects.equals(adaptativeBitrate, that.adaptativeBitrate)
        && Objects.equals(onlyPlayWithSubscribers, that.onlyPlayWithSubscribers)
        && Objects.equals(networkCache, that.networkCache)
        && Objects.equals(serverData, that.serverData)
        && Objects.equals(clientData, that.clientData)
        && Objects.equals(token, that.token)
        && Objects.equals(location, that.location)
        && Objects.equals(ip, that.ip)
        && Objects.equals(platform, that.platform)
        && publishers.equals(that.publishers)
        && subscribers.equals(that.subscribers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        connectionId,
        status,
        createdAt,
        activeAt,
        type,
        record,
        role,
        kurentoOptions,
        rtspUri,
        adaptativeBitrate,
        onlyPlayWithSubscribers,
        networkCache,
        serverData,
        clientData,
        token,
        location,
        ip,
        platform,
        publishers,
        subscribers);
  }

  @Override
  public String toString() {
    return "Connection{connectionId="
        + connectionId
        + ", status="
        + status
        + ", type="
        + type
        + ", role="
        + role
        + ", record="
        + record
        + ", createdAt="
        + createdAt
        + ", activeAt="
        + activeAt
        + ", ip="
        + ip
        + ", location="
        + location
        + ", platform="
        + platform
        + ", serverData="
        + serverData
        + ", clientData="
        + clientData
        + ", token="
        + (token == null ? "null" : "****")
        + ", publishers="
        + publishers
        + ", subscribers="
        + subscribers
        + "}";
  }
}
