package io.openvidu.java.client;

import com.google.gson.JsonObject;
import io.openvidu.java.client.internal.json.RequestJson;
import java.util.Objects;

/**
 * What to create with {@link Session#createConnection(ConnectionProperties)} or change with {@link
 * Session#updateConnection(String, ConnectionProperties)}.
 *
 * <p>Every member is optional: one that is not set ({@code null}) is sent as JSON {@code null},
 * which the server treats as absent, so its default applies on creation (type {@code WEBRTC}, data
 * {@code ""}, record {@code true}, role {@code PUBLISHER}; for IP cameras adaptive bitrate and
 * only-play-with-subscribers {@code true}, network cache 2000 ms) and the current value is kept on
 * update. An update changes only {@code role} and {@code record}.
 *
 * <p>Immutable and thread-safe.
 */
public class ConnectionProperties {

  private final ConnectionType type;
  private final String data;
  private final Boolean record;
  private final OpenViduRole role;
  private final KurentoOptions kurentoOptions;
  private final String rtspUri;
  private final Boolean adaptativeBitrate;
  private final Boolean onlyPlayWithSubscribers;
  private final Integer networkCache;

  /** Builds {@link ConnectionProperties}; nothing is set initially. Not thread-safe. */
  public static class Builder {

    private ConnectionType type;
    private String data;
    private Boolean record;
    private OpenViduRole role;
    private KurentoOptions kurentoOptions;
    private String rtspUri;
    private Boolean adaptativeBitrate;
    private Boolean onlyPlayWithSubscribers;
    private Integer networkCache;

    /** A builder with nothing set. */
    public Builder() {}

    /**
     * @return the properties set so far
     */
    public ConnectionProperties build() {
      return new ConnectionProperties(this);
    }

    /**
     * @param type a browser participant ({@code WEBRTC}) or an IP camera ({@code IPCAM})
     * @return this builder
     */
    public Builder type(ConnectionType type) {
      this.type = type;
      return this;
    }

    /**
     * @param data server data attached to the connection, visible to every participant (the
     *     server's {@code serverData}); ignored by updates
     * @return this builder
     */
    public Builder data(String data) {
      this.data = data;
      return this;
    }

    /**
     * @param record whether the participant's streams are recorded by INDIVIDUAL recordings
     * @return this builder
     */
    public Builder record(boolean record) {
      this.record = record;
      return this;
    }

    /**
     * @param role what a WebRTC participant may do
     * @return this builder
     */
    public Builder role(OpenViduRole role) {
      this.role = role;
      return this;
    }

    /**
     * @param kurentoOptions media limits of a WebRTC participant
     * @return this builder
     */
    public Builder kurentoOptions(KurentoOptions kurentoOptions) {
      this.kurentoOptions = kurentoOptions;
      return this;
    }

    /**
     * @param rtspUri source of an IP camera, starting with {@code rtsp://} or {@code file://}
     * @return this builder
     */
    public Builder rtspUri(String rtspUri) {
      this.rtspUri = rtspUri;
      return this;
    }

    /**
     * @param adaptativeBitrate whether an IP camera's stream adapts its bitrate to the network
     * @return this builder
     */
    public Builder adaptativeBitrate(boolean adaptativeBitrate) {
      this.adaptativeBitrate = adaptativeBitrate;
      return this;
    }

    /**
     * @param onlyPlayWithSubscribers whether an IP camera's source is read only while someone
     *     subscribes
     * @return this builder
     */
    public Builder onlyPlayWithSubscribers(boolean onlyPlayWithSubscribers) {
      this.onlyPlayWithSubscribers = onlyPlayWithSubscribers;
      return this;
    }

    /**
     * @param networkCache an IP camera's buffer in milliseconds
     * @return this builder
     */
    public Builder networkCache(int networkCache) {
      this.networkCache = networkCache;
      return this;
    }
  }

  private ConnectionProperties(Builder builder) {
    this.type = builder.type;
    this.data = builder.data;
    this.record = builder.record;
    this.role = builder.role;
    this.kurentoOptions = builder.kurentoOptions;
    this.rtspUri = builder.rtspUri;
    this.adaptativeBitrate = builder.adaptativeBitrate;
    this.onlyPlayWithSubscribers = builder.onlyPlayWithSubscribers;
    this.networkCache = builder.networkCache;
  }

  /**
   * @return the connection type, or {@code null} when not set
   */
  public ConnectionType getType() {
    return type;
  }

  /**
   * @return the server data, or {@code null} when not set
   */
  public String getData() {
    return data;
  }

  /**
   * @return whether INDIVIDUAL recordings record the participant, or {@code null} when not set
   */
  public Boolean record() {
    return record;
  }

  /**
   * @return the role, or {@code null} when not set
   */
  public OpenViduRole getRole() {
    return role;
  }

  /**
   * @return the media limits, or {@code null} when not set
   */
  public KurentoOptions getKurentoOptions() {
    return kurentoOptions;
  }

  /**
   * @return the IP camera's source, or {@code null} when not set
   */
  public String getRtspUri() {
    return rtspUri;
  }

  /**
   * @return whether an IP camera adapts its bitrate, or {@code null} when not set
   */
  public Boolean adaptativeBitrate() {
    return adaptativeBitrate;
  }

  /**
   * @return whether an IP camera plays only with subscribers, or {@code null} when not set
   */
  public Boolean onlyPlayWithSubscribers() {
    return onlyPlayWithSubscribers;
  }

  /**
   * @return an IP camera's buffer in milliseconds, or {@code null} when not set
   */
  public Integer getNetworkCache() {
    return networkCache;
  }

  /**
   * @param sessionId the session the connection belongs to
   * @return the body of a request creating or updating a connection with these properties, as the
   *     official client writes it: every member, {@code null} when not set
   */
  public JsonObject toJson(String sessionId) {
    return RequestJson.toGson(RequestJson.connection(sessionId, this));
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ConnectionProperties)) {
      return false;
    }
    ConnectionProperties that = (ConnectionProperties) o;
    return type == that.type
        && Objects.equals(data, that.data)
        && Objects.equals(record, that.record)
        && role == that.role
        && Objects.equals(kurentoOptions, that.kurentoOptions)
        && Objects.equals(rtspUri, that.rtspUri)
        && Objects.equals(adaptativeBitrate, that.adaptativeBitrate)
        && Objects.equals(onlyPlayWithSubscribers, that.onlyPlayWithSubscribers)
        && Objects.equals(networkCache, that.networkCache);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        type,
        data,
        record,
        role,
        kurentoOptions,
        rtspUri,
        adaptativeBitrate,
        onlyPlayWithSubscribers,
        networkCache);
  }

  @Override
  public String toString() {
    return "ConnectionProperties{type="
        + type
        + ", data="
        + data
        + ", record="
        + record
        + ", role="
        + role
        + ", kurentoOptions="
        + kurentoOptions
        + ", rtspUri="
        + rtspUri
        + ", adaptativeBitrate="
        + adaptativeBitrate
        + ", onlyPlayWithSubscribers="
        + onlyPlayWithSubscribers
        + ", networkCache="
        + networkCache
        + "}";
  }
}
