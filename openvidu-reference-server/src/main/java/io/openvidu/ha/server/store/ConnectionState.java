package io.openvidu.ha.server.store;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A connection of a session as the store keeps it: created by REST as {@code PENDING} with a
 * one-use token, turned {@code ACTIVE} when a participant joins with that token (then {@code
 * activeAt}, {@code ip}, {@code platform}, {@code location}, {@code clientData}, {@code publishers}
 * and {@code subscribers} are set). IP cameras are active from the start. {@code masterId} names
 * the master holding the participant's WebSocket (null while pending, and for IP cameras).
 * Immutable; change it through {@link #toBuilder()}.
 */
public record ConnectionState(
    String id,
    String sessionId,
    ConnectionStatus status,
    ConnectionType type,
    long createdAt,
    Long activeAt,
    boolean record,
    OpenViduRole role,
    KurentoOptions kurentoOptions,
    String rtspUri,
    Boolean adaptativeBitrate,
    Boolean onlyPlayWithSubscribers,
    Integer networkCache,
    String serverData,
    String token,
    String location,
    String ip,
    String platform,
    String clientData,
    List<PublisherState> publishers,
    List<SubscriberState> subscribers,
    String masterId) {

  public ConnectionState {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(type, "type");
    publishers = publishers == null ? List.of() : List.copyOf(publishers);
    subscribers = subscribers == null ? List.of() : List.copyOf(subscribers);
  }

  /** Whether a participant has joined with this connection. */
  public boolean isActive() {
    return status == ConnectionStatus.ACTIVE;
  }

  /** A builder for a new connection. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this connection's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** A copy changed by {@code change} applied to a builder of this connection. */
  public ConnectionState with(UnaryOperator<Builder> change) {
    return change.apply(toBuilder()).build();
  }

  /** Hides the token: it is a credential. */
  @Override
  public String toString() {
    return "ConnectionState[id="
        + id
        + ", sessionId="
        + sessionId
        + ", status="
        + status
        + ", type="
        + type
        + ", role="
        + role
        + ", masterId="
        + masterId
        + ", publishers="
        + publishers.size()
        + ", subscribers="
        + subscribers.size()
        + "]";
  }

  /** Builds {@link ConnectionState}s. Not thread-safe. */
  public static final class Builder {
    private String id;
    private String sessionId;
    private ConnectionStatus status = ConnectionStatus.PENDING;
    private ConnectionType type = ConnectionType.WEBRTC;
    private long createdAt;
    private Long activeAt;
    private boolean record = true;
    private OpenViduRole role;
    private KurentoOptions kurentoOptions;
    private String rtspUri;
    private Boolean adaptativeBitrate;
    private Boolean onlyPlayWithSubscribers;
    private Integer networkCache;
    private String serverData = "";
    private String token;
    private String location;
    private String ip;
    private String platform;
    private String clientData;
    private List<PublisherState> publishers = List.of();
    private List<SubscriberState> subscribers = List.of();
    private String masterId;

    private Builder() {}

    private Builder(ConnectionState c) {
      id = c.id;
      sessionId = c.sessionId;
      status = c.status;
      type = c.type;
      createdAt = c.createdAt;
      activeAt = c.activeAt;
      record = c.record;
      role = c.role;
      kurentoOptions = c.kurentoOptions;
      rtspUri = c.rtspUri;
      adaptativeBitrate = c.adaptativeBitrate;
      onlyPlayWithSubscribers = c.onlyPlayWithSubscribers;
      networkCache = c.networkCache;
      serverData = c.serverData;
      token = c.token;
      location = c.location;
      ip = c.ip;
      platform = c.platform;
      clientData = c.clientData;
      publishers = c.publishers;
      subscribers = c.subscribers;
      masterId = c.masterId;
    }

    public Builder id(String value) {
      id = value;
      return this;
    }

    public Builder sessionId(String value) {
      sessionId = value;
      return this;
    }

    public Builder status(ConnectionStatus value) {
      status = value;
      return this;
    }

    public Builder type(ConnectionType value) {
      type = value;
      return this;
    }

    public Builder createdAt(long value) {
      createdAt = value;
      return this;
    }

    public Builder activeAt(Long value) {
      activeAt = value;
      return this;
    }

    public Builder record(boolean value) {
      record = value;
      return this;
    }

    public Builder role(OpenViduRole value) {
      role = value;
      return this;
    }

    public Builder kurentoOptions(KurentoOptions value) {
      kurentoOptions = value;
      return this;
    }

    public Builder rtspUri(String value) {
      rtspUri = value;
      return this;
    }

    public Builder adaptativeBitrate(Boolean value) {
      adaptativeBitrate = value;
      return this;
    }

    public Builder onlyPlayWithSubscribers(Boolean value) {
      onlyPlayWithSubscribers = value;
      return this;
    }

    public Builder networkCache(Integer value) {
      networkCache = value;
      return this;
    }

    public Builder serverData(String value) {
      serverData = value;
      return this;
    }

    public Builder token(String value) {
      token = value;
      return this;
    }

    public Builder location(String value) {
      location = value;
      return this;
    }

    public Builder ip(String value) {
      ip = value;
      return this;
    }

    public Builder platform(String value) {
      platform = value;
      return this;
    }

    public Builder clientData(String value) {
      clientData = value;
      return this;
    }

    public Builder publishers(List<PublisherState> value) {
      publishers = value;
      return this;
    }

    public Builder subscribers(List<SubscriberState> value) {
      subscribers = value;
      return this;
    }

    public Builder masterId(String value) {
      masterId = value;
      return this;
    }

    public ConnectionState build() {
      return new ConnectionState(
          id,
          sessionId,
          status,
          type,
          createdAt,
          activeAt,
          record,
          role,
          kurentoOptions,
          rtspUri,
          adaptativeBitrate,
          onlyPlayWithSubscribers,
          networkCache,
          serverData,
          token,
          location,
          ip,
          platform,
          clientData,
          publishers,
          subscribers,
          masterId);
    }
  }
}
