package io.openvidu.java.client;

import io.openvidu.java.client.internal.json.ConnectionDocument;
import io.openvidu.java.client.internal.json.PublisherDocument;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One participant of a {@link Session}: a WebRTC connection (pending until a client joins with its
 * token, then active) or an IP camera.
 *
 * <p>As in the official client, the object is the client's local view and is updated in place: by
 * {@link Session#fetch()} and {@link OpenVidu#fetch()} with what the server reports, and by the
 * session's write operations with their effect ({@link Session#updateConnection}, {@link
 * Session#forceUnpublish}).
 *
 * <p>Thread-safe: each getter returns a consistent value; two getters called while a refresh runs
 * may see the state before and after it. Lists are unmodifiable. {@link #toString()} never shows
 * the token.
 */
public class Connection {

  private transient volatile ConnectionDocument document;

  // The official client's fields, under its names and in its order: what an application's Gson
  // writes when it serializes a connection (it reads fields, not getters). Replaced together by
  // update(); a serialization running meanwhile may mix the states before and after.
  private volatile String connectionId;
  private volatile String status;
  private volatile Long createdAt;
  private volatile Long activeAt;
  private volatile String location;
  private volatile String ip;
  private volatile String platform;
  private volatile String clientData;
  private volatile ConnectionProperties connectionProperties;
  private volatile String token;
  // By stream id, in a hash map as the official client's: getPublishers() follows its order.
  private volatile Map<String, Publisher> publishers;
  private volatile List<String> subscribers;

  Connection(ConnectionDocument document) {
    update(document);
  }

  ConnectionDocument document() {
    return document;
  }

  final synchronized void update(ConnectionDocument newDocument) {
    this.document = newDocument;
    this.connectionId = newDocument.connectionId();
    this.status = newDocument.status();
    this.createdAt = newDocument.createdAt();
    this.activeAt = newDocument.activeAt();
    this.location = newDocument.location();
    this.ip = newDocument.ip();
    this.platform = newDocument.platform();
    this.clientData = newDocument.clientData();
    this.connectionProperties = propertiesOf(newDocument);
    this.token = newDocument.token();
    Map<String, Publisher> byStream = new ConcurrentHashMap<>();
    for (PublisherDocument publisher : newDocument.publishers()) {
      byStream.put(publisher.streamId(), new Publisher(publisher));
    }
    this.publishers = Collections.unmodifiableMap(byStream);
    this.subscribers = newDocument.subscribers();
  }

  /**
   * The properties the server reports, as the official client keeps them: without the Kurento
   * options (it does not read them back; {@link #kurentoOptions()} does).
   */
  private static ConnectionProperties propertiesOf(ConnectionDocument document) {
    ConnectionProperties.Builder builder =
        new ConnectionProperties.Builder()
            .type(document.type())
            .data(document.serverData())
            .record(document.record())
            .role(document.role())
            .rtspUri(document.rtspUri());
    if (document.adaptativeBitrate() != null) {
      builder.adaptativeBitrate(document.adaptativeBitrate());
    }
    if (document.onlyPlayWithSubscribers() != null) {
      builder.onlyPlayWithSubscribers(document.onlyPlayWithSubscribers());
    }
    if (document.networkCache() != null) {
      builder.networkCache(document.networkCache());
    }
    return builder.build();
  }

  /**
   * @return the connection id, e.g. {@code con_Xnxg19tonh}
   */
  public String getConnectionId() {
    return document.connectionId();
  }

  /**
   * @return {@code pending} (token not used yet) or {@code active} (a client joined with it)
   */
  public String getStatus() {
    return document.status();
  }

  /**
   * @return when the connection was created through the REST API, in UTC milliseconds
   */
  public Long createdAt() {
    return document.createdAt();
  }

  /**
   * @return when a client joined with the token, in UTC milliseconds, or {@code null} while pending
   */
  public Long activeAt() {
    return document.activeAt();
  }

  /**
   * @return WebRTC participant or IP camera
   */
  public ConnectionType getType() {
    return document.type();
  }

  /**
   * @return the server data given when the connection was created ({@code ""} when none)
   */
  public String getServerData() {
    return document.serverData();
  }

  /**
   * @return whether INDIVIDUAL recordings record the participant's streams
   */
  public boolean record() {
    return document.record();
  }

  /**
   * @return what the participant may do, or {@code null} for an IP camera
   */
  public OpenViduRole getRole() {
    return document.role();
  }

  /**
   * An addition to the official client's API; not named as a getter, so that an application's
   * Jackson (which writes getters) writes the same members as for the official client's connection.
   *
   * @return the participant's media limits, or {@code null} when none were given
   */
  public KurentoOptions kurentoOptions() {
    return document.kurentoOptions();
  }

  /**
   * @return an IP camera's source, otherwise {@code null}
   */
  public String getRtspUri() {
    return document.rtspUri();
  }

  /**
   * @return whether an IP camera adapts its bitrate, otherwise {@code null}
   */
  public Boolean adaptativeBitrate() {
    return document.adaptativeBitrate();
  }

  /**
   * @return whether an IP camera plays only with subscribers, otherwise {@code null}
   */
  public Boolean onlyPlayWithSubscribers() {
    return document.onlyPlayWithSubscribers();
  }

  /**
   * @return an IP camera's buffer in milliseconds, otherwise {@code null}
   */
  public Integer getNetworkCache() {
    return document.networkCache();
  }

  /**
   * @return the token a client joins with (a secret credential: give it only to that participant),
   *     or {@code null} for an IP camera
   */
  public String getToken() {
    return document.token();
  }

  /**
   * @return where the participant is ({@code "unknown"} when the server cannot tell), or {@code
   *     null} while pending
   */
  public String getLocation() {
    return document.location();
  }

  /**
   * @return the participant's IP address as the master that accepted its WebSocket saw it, or
   *     {@code null} while pending
   */
  public String getIp() {
    return document.ip();
  }

  /**
   * @return the participant's browser and system ({@code "IPCAM"} for a camera), or {@code null}
   *     while pending
   */
  public String getPlatform() {
    return document.platform();
  }

  /**
   * @return the data the client gave when joining, or {@code null} while pending and for an IP
   *     camera
   */
  public String getClientData() {
    return document.clientData();
  }

  /**
   * @return the streams the participant publishes (at most one); empty while pending
   */
  public List<Publisher> getPublishers() {
    return Collections.unmodifiableList(new ArrayList<>(publishers.values()));
  }

  /**
   * @return the ids of the streams the participant receives; empty while pending
   */
  public List<String> getSubscribers() {
    return subscribers;
  }

  @Override
  public String toString() {
    return document.toString();
  }
}
