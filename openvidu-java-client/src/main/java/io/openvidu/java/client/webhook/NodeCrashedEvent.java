package io.openvidu.java.client.webhook;

import io.openvidu.java.client.internal.json.ResponseJson;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * {@code nodeCrashed}: a node was lost. For each session it hosted, the end events with reason
 * {@code nodeCrashed} follow. Not about one session. Immutable and thread-safe.
 */
public final class NodeCrashedEvent extends WebhookEvent {

  /** The event's name, the value of its {@code event} member. */
  public static final String NAME = "nodeCrashed";

  private final String id;
  private final String environmentId;
  private final String ip;
  private final String uri;
  private final String nodeRole;
  private final List<String> sessionIds;
  private final List<String> recordingIds;
  private final String clusterId;

  NodeCrashedEvent(ResponseJson body, String json) {
    super(body, json);
    this.id = body.requireText("id");
    this.environmentId = body.optionalText("environmentId");
    this.ip = body.requireText("ip");
    this.uri = body.requireText("uri");
    this.nodeRole = body.requireText("nodeRole");
    this.sessionIds = Collections.unmodifiableList(body.requireTexts("sessionIds"));
    this.recordingIds = Collections.unmodifiableList(body.requireTexts("recordingIds"));
    this.clusterId = body.requireText("clusterId");
  }

  /**
   * @return the node's id ({@code id})
   */
  public String id() {
    return id;
  }

  /**
   * @return the node's id in its environment, when known ({@code environmentId})
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
   * @return the node's URI ({@code uri})
   */
  public String uri() {
    return uri;
  }

  /**
   * @return whether a media node or a master crashed ({@code nodeRole})
   */
  public NodeRole nodeRole() {
    return NodeRole.fromValue(nodeRole);
  }

  /**
   * @return the {@code nodeRole} member's text, also when {@link #nodeRole()} does not know it
   */
  public String nodeRoleAsString() {
    return nodeRole;
  }

  /**
   * @return the sessions the node hosted ({@code sessionIds}); unmodifiable
   */
  public List<String> sessionIds() {
    return sessionIds;
  }

  /**
   * @return the recordings the node hosted ({@code recordingIds}); unmodifiable
   */
  public List<String> recordingIds() {
    return recordingIds;
  }

  /**
   * @return the cluster's id ({@code clusterId})
   */
  public String clusterId() {
    return clusterId;
  }
}
