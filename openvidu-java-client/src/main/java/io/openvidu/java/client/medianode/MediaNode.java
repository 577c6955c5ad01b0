package io.openvidu.java.client.medianode;

import io.openvidu.java.client.webhook.MediaNodeStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A media node as the server reported it ({@code mediaNode} object, rest-api.md §5.17): a media
 * server that hosts sessions and recordings. A snapshot: ask {@link MediaNodes#get} again for the
 * node's state now.
 *
 * <p>Immutable and thread-safe.
 */
public final class MediaNode {

  private final String id;
  private final String environmentId;
  private final String ip;
  private final String uri;
  private final long launchingTime;
  private final boolean connected;
  private final Long connectionTime;
  private final Long disconnectionTime;
  private final double load;
  private final String status;
  private final List<String> sessionIds;
  private final List<String> recordingIds;
  private final Map<String, Object> mediaServerInfo;

  /**
   * A node with the given members, as read from the server's answer.
   *
   * @param id its id, e.g. {@code media_i-0c58bcdd26l11d0sd}
   * @param environmentId its id in its environment (an EC2 instance id), or {@code null}
   * @param ip its IP address, or {@code null}
   * @param uri the URI of its media server, or {@code null}
   * @param launchingTime when it was launched, UTC milliseconds
   * @param connected whether the masters are connected to it
   * @param connectionTime when they connected, UTC milliseconds, or {@code null}
   * @param disconnectionTime when they lost it, UTC milliseconds, or {@code null}
   * @param load its CPU load, 0 to 100
   * @param status its status as the server wrote it, e.g. {@code running}
   * @param sessionIds the sessions it hosts (asked for with {@link MediaNodeDetail#SESSIONS})
   * @param recordingIds the recordings it runs (asked for with {@link MediaNodeDetail#RECORDINGS})
   * @param mediaServerInfo its {@code kurentoInfo} (asked for with {@link
   *     MediaNodeDetail#EXTRA_INFO}), JSON values as maps, lists, strings, numbers and booleans
   */
  public MediaNode(
      String id,
      String environmentId,
      String ip,
      String uri,
      long launchingTime,
      boolean connected,
      Long connectionTime,
      Long disconnectionTime,
      double load,
      String status,
      List<String> sessionIds,
      List<String> recordingIds,
      Map<String, Object> mediaServerInfo) {
    this.id = Objects.requireNonNull(id, "id");
    this.environmentId = environmentId;
    this.ip = ip;
    this.uri = uri;
    this.launchingTime = launchingTime;
    this.connected = connected;
    this.connectionTime = connectionTime;
    this.disconnectionTime = disconnectionTime;
    this.load = load;
    this.status = Objects.requireNonNull(status, "status");
    this.sessionIds = Collections.unmodifiableList(new ArrayList<>(sessionIds));
    this.recordingIds = Collections.unmodifiableList(new ArrayList<>(recordingIds));
    this.mediaServerInfo = Collections.unmodifiableMap(new LinkedHashMap<>(mediaServerInfo));
  }

  /**
   * @return its id, e.g. {@code media_i-0c58bcdd26l11d0sd}
   */
  public String id() {
    return id;
  }

  /**
   * @return its id in its environment (an EC2 instance id, or the one given when added)
   */
  public Optional<String> environmentId() {
    return Optional.ofNullable(environmentId);
  }

  /**
   * @return its IP address
   */
  public Optional<String> ip() {
    return Optional.ofNullable(ip);
  }

  /**
   * @return the URI the masters reach its media server by, e.g. {@code
   *     ws://172.17.0.2:8888/kurento}
   */
  public Optional<String> uri() {
    return Optional.ofNullable(uri);
  }

  /**
   * @return when it was launched, UTC milliseconds
   */
  public long launchingTime() {
    return launchingTime;
  }

  /**
   * @return whether the masters are connected to it
   */
  public boolean connected() {
    return connected;
  }

  /**
   * @return when the masters connected to it, UTC milliseconds
   */
  public Optional<Long> connectionTime() {
    return Optional.ofNullable(connectionTime);
  }

  /**
   * @return when the masters lost it, UTC milliseconds; only while not connected
   */
  public Optional<Long> disconnectionTime() {
    return Optional.ofNullable(disconnectionTime);
  }

  /**
   * @return its CPU load, from 0 to 100
   */
  public double load() {
    return load;
  }

  /**
   * @return its status; {@link MediaNodeStatus#UNKNOWN_TO_SDK_VERSION} for one this version does
   *     not know ({@link #statusAsString()} has it)
   */
  public MediaNodeStatus status() {
    return MediaNodeStatus.fromValue(status);
  }

  /**
   * @return its status as the server wrote it, e.g. {@code waiting-idle-to-terminate}
   */
  public String statusAsString() {
    return status;
  }

  /**
   * @return the ids of the sessions it hosts; empty unless asked for with {@link
   *     MediaNodeDetail#SESSIONS}
   */
  public List<String> sessionIds() {
    return sessionIds;
  }

  /**
   * @return the ids of the recordings it runs; empty unless asked for with {@link
   *     MediaNodeDetail#RECORDINGS}
   */
  public List<String> recordingIds() {
    return recordingIds;
  }

  /**
   * @return its media server's own information ({@code kurentoInfo}, free-form); empty unless asked
   *     for with {@link MediaNodeDetail#EXTRA_INFO}
   */
  public Map<String, Object> mediaServerInfo() {
    return mediaServerInfo;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof MediaNode)) {
      return false;
    }
    MediaNode that = (MediaNode) other;
    return launchingTime == that.launchingTime
        && connected == that.connected
        && Double.compare(load, that.load) == 0
        && id.equals(that.id)
        && Objects.equals(environmentId, that.environmentId)
        && Objects.equals(ip, that.ip)
        && Objects.equals(uri, that.uri)
        && Objects.equals(connectionTime, that.connectionTime)
        && Objects.equals(disconnectionTime, that.disconnectionTime)
        && status.equals(that.status)
        && sessionIds.equals(that.sessionIds)
        && recordingIds.equals(that.recordingIds)
        && mediaServerInfo.equals(that.mediaServerInfo);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, status, launchingTime, connected, load);
  }

  @Override
  public String toString() {
    return "MediaNode{id="
        + id
        + ", status="
        + status
        + ", connected="
        + connected
        + ", load="
        + load
        + ", uri="
        + uri
        + ", sessions="
        + sessionIds.size()
        + "}";
  }
}
