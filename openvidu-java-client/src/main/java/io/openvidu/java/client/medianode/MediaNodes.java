package io.openvidu.java.client.medianode;

import io.openvidu.java.client.OpenViduHttpException;
import io.openvidu.java.client.OpenViduJavaClientException;
import io.openvidu.java.client.webhook.MediaNodeStatus;
import java.util.List;
import java.util.Optional;

/**
 * The media-node API of OpenVidu Pro/Enterprise ({@code /openvidu/api/media-nodes}, rest-api.md
 * §5.17), from {@link io.openvidu.java.client.OpenVidu#mediaNodes()}. Each method is one call, with
 * the failover, retries and timeouts of the client's other calls; GETs, PATCHes and DELETEs are
 * repeated on another master after an attempt whose outcome is unknown, adding a node is not
 * (unless the masters honour idempotency keys).
 *
 * <p>Thread-safe: shared by every caller of its {@code OpenVidu}. Every refusal that the API
 * documents is a subclass of {@link OpenViduHttpException} with the server's status.
 */
public interface MediaNodes {

  /**
   * {@code GET /openvidu/api/media-nodes}.
   *
   * @param details what to include beyond the node itself (none by default)
   * @return every media node of the cluster, whatever its status
   * @throws OpenViduHttpException 404 or 405 from OpenVidu CE, which has no media nodes
   * @throws OpenViduJavaClientException no usable answer
   */
  List<MediaNode> list(MediaNodeDetail... details)
      throws OpenViduJavaClientException, OpenViduHttpException;

  /**
   * {@code GET /openvidu/api/media-nodes/{id}}.
   *
   * @param mediaNodeId the node's id, e.g. {@code media_i-0c58bcdd26l11d0sd}
   * @param details what to include beyond the node itself
   * @return the node
   * @throws MediaNodeNotFoundException 404: no such node
   * @throws OpenViduHttpException another refusal
   * @throws OpenViduJavaClientException no usable answer
   */
  MediaNode get(String mediaNodeId, MediaNodeDetail... details)
      throws OpenViduJavaClientException, OpenViduHttpException;

  /**
   * Asks the cluster to discover media nodes ({@code PUT /openvidu/api/media-nodes}): nodes of its
   * own that are not part of it (on premises, media servers it can reach; the reference cluster,
   * its simulated nodes that crashed or were removed) are added. Repeated on another master after
   * an attempt whose outcome is unknown, as HTTP defines PUT idempotent: no node is added twice,
   * but the answer of the repeat lists only the nodes it found itself, not those the lost attempt
   * may have added ({@link #list} shows every node).
   *
   * @return the nodes this call added; empty when there were none to add
   * @throws OpenViduHttpException 404 or 405 from OpenVidu CE, which has no media nodes
   * @throws OpenViduJavaClientException no usable answer
   */
  List<MediaNode> discover() throws OpenViduJavaClientException, OpenViduHttpException;

  /**
   * Adds a media node on premises ({@code POST /openvidu/api/media-nodes} with its {@code uri}).
   *
   * @param uri the node's media server, e.g. {@code ws://172.17.0.5:8888/kurento}
   * @param environmentId your own id for it, which makes its id {@code media_<environmentId>}; or
   *     {@code null}
   * @param waitUntilRunning whether the server answers only once the node runs (or failed); else it
   *     answers at once with the node {@code launching}
   * @return the node as the server reports it after the launch
   * @throws MediaNodeAlreadyAddedException 409: the node is part of the cluster already
   * @throws MediaNodeUnreachableException 404: the server cannot reach the node
   * @throws OpenViduHttpException 400 a URI that is not a media server's; 501 a cluster that does
   *     not run on premises; 502 the launch failed
   * @throws OpenViduJavaClientException no usable answer
   */
  MediaNode add(String uri, String environmentId, boolean waitUntilRunning)
      throws OpenViduJavaClientException, OpenViduHttpException;

  /**
   * Removes a media node ({@code DELETE /openvidu/api/media-nodes/{id}}).
   *
   * @param mediaNodeId the node's id
   * @param strategy what happens to the sessions it hosts
   * @param waitUntilTerminated whether the server answers only once the node is terminated
   * @return what the server did: removed it, or left it to terminate when its last session closes
   * @throws MediaNodeNotFoundException 404: no such node
   * @throws MediaNodeHasSessionsException 409: {@link DeletionStrategy#IF_NO_SESSIONS} and the node
   *     hosts sessions
   * @throws OpenViduHttpException 502: the termination failed
   * @throws OpenViduJavaClientException no usable answer
   */
  MediaNodeRemoval remove(
      String mediaNodeId, DeletionStrategy strategy, boolean waitUntilTerminated)
      throws OpenViduJavaClientException, OpenViduHttpException;

  /**
   * Changes a media node's status ({@code PATCH /openvidu/api/media-nodes/{id}}): {@code canceled}
   * (from launching), {@code launching} (from canceled), {@code waiting-idle-to-terminate} (from
   * running), {@code running} (from waiting-idle-to-terminate), {@code terminating} (from running
   * or waiting-idle-to-terminate).
   *
   * @param mediaNodeId the node's id
   * @param status the new status
   * @return the node after the change; empty when it already had that status (the server then
   *     answers 204 without it)
   * @throws MediaNodeNotFoundException 404: no such node
   * @throws MediaNodeTransitionException 400: that change is not allowed from the node's status
   * @throws OpenViduJavaClientException no usable answer
   */
  Optional<MediaNode> changeStatus(String mediaNodeId, MediaNodeStatus status)
      throws OpenViduJavaClientException, OpenViduHttpException;
}
