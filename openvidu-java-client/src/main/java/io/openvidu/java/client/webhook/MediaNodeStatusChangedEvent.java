package io.openvidu.java.client.webhook;

import io.openvidu.java.client.internal.json.ResponseJson;
import java.util.Optional;

/**
 * {@code mediaNodeStatusChanged}: a media node changed status. Not about a session. Immutable and
 * thread-safe.
 */
public final class MediaNodeStatusChangedEvent extends WebhookEvent {

  /** The event's name, the value of its {@code event} member. */
  public static final String NAME = "mediaNodeStatusChanged";

  private final String id;
  private final String environmentId;
  private final String ip;
  private final String uri;
  private final String newStatus;
  private final String oldStatus;
  private final String clusterId;

  MediaNodeStatusChangedEvent(ResponseJson body, String json) {
    super(body, json);
    this.id = body.requireText("id");
    this.environmentId = body.optionalText("environmentId");
    this.ip = body.requireText("ip");
    this.uri = body.requireText("uri");
    this.newStatus = body.requireText("newStatus");
    this.oldStatus = body.optionalText("oldStatus");
    this.clusterId = body.requireText("clusterId");
  }

  /**
   * @return the media node's id ({@code id})
   */
  public String id() {
    return id;
  }

  /**
   * @return the node's id in its environment, such as a cloud instance id ({@code environmentId})
   */
  public Optional<String> environmentId() {
    return Optional.ofNullable(environmentId);
  }

  /**
   * @return the node's IP address ({@code ip})
   */
  public String ip() {
    return ip;
  }

  /**
   * @return the node's media server URI ({@code uri})
   */
  public String uri() {
    return uri;
  }

  /**
   * @return the status the node reached ({@code newStatus})
   */
  public MediaNodeStatus newStatus() {
    return MediaNodeStatus.fromValue(newStatus);
  }

  /**
   * @return the {@code newStatus} member's text, also when {@link #newStatus()} does not know it
   */
  public String newStatusAsString() {
    return newStatus;
  }

  /**
   * @return the status the node left; empty when the node is new ({@code launching}) ({@code
   *     oldStatus})
   */
  public Optional<MediaNodeStatus> oldStatus() {
    return oldStatus == null
        ? Optional.<MediaNodeStatus>empty()
        : Optional.of(MediaNodeStatus.fromValue(oldStatus));
  }

  /**
   * @return the {@code oldStatus} member's text, also when {@link #oldStatus()} does not know it
   */
  public Optional<String> oldStatusAsString() {
    return Optional.ofNullable(oldStatus);
  }

  /**
   * @return the cluster's id ({@code clusterId})
   */
  public String clusterId() {
    return clusterId;
  }
}
