package io.openvidu.java.client.internal.api;

import io.openvidu.java.client.OpenViduHttpException;
import io.openvidu.java.client.internal.json.ExtensionRequestJson;
import io.openvidu.java.client.internal.json.MediaNodeJson;
import io.openvidu.java.client.internal.transport.ApiRequest;
import io.openvidu.java.client.internal.transport.ApiResponse;
import io.openvidu.java.client.medianode.DeletionStrategy;
import io.openvidu.java.client.medianode.MediaNode;
import io.openvidu.java.client.medianode.MediaNodeAlreadyAddedException;
import io.openvidu.java.client.medianode.MediaNodeDetail;
import io.openvidu.java.client.medianode.MediaNodeHasSessionsException;
import io.openvidu.java.client.medianode.MediaNodeNotFoundException;
import io.openvidu.java.client.medianode.MediaNodeRemoval;
import io.openvidu.java.client.medianode.MediaNodeTransitionException;
import io.openvidu.java.client.medianode.MediaNodeUnreachableException;
import io.openvidu.java.client.webhook.MediaNodeStatus;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The media-node API (rest-api.md §5.17): one {@link Operation} per operation, each refusal the
 * spec documents mapped to its exception.
 */
public final class MediaNodeCalls {

  private MediaNodeCalls() {}

  /** {@code GET /media-nodes[?sessions=true&recordings=true&extra-info=true]}. */
  public static Operation<List<MediaNode>> list(MediaNodeDetail... details) {
    ApiRequest request =
        ApiRequest.get(ApiPaths.MEDIA_NODES + query(details)).named("listMediaNodes");
    return nodeList(request);
  }

  /** {@code GET /media-nodes/{id}}. */
  public static Operation<MediaNode> get(String mediaNodeId, MediaNodeDetail... details) {
    ApiRequest request =
        ApiRequest.get(ApiPaths.mediaNode(mediaNodeId) + query(details)).named("getMediaNode");
    return Operation.reading(
        request,
        response -> {
          if (response.isSuccessful()) {
            return OpenViduApi.read(request, response, "mediaNode", MediaNodeJson::parse);
          }
          throw refusal(request, response, mediaNodeId);
        });
  }

  /**
   * {@code PUT /media-nodes}: the cluster looks for media nodes of its own that are not part of it
   * and adds them; the answer lists those it added. Repeated after an unknown outcome, as PUT is
   * idempotent: a repeat adds no node twice, but lists only what it found itself, not the nodes the
   * lost attempt may have added ({@link #list} shows every node).
   */
  public static Operation<List<MediaNode>> discover() {
    ApiRequest request = ApiRequest.put(ApiPaths.MEDIA_NODES, null).named("discoverMediaNodes");
    return nodeList(request);
  }

  /**
   * {@code POST /media-nodes[?wait=true]} with {@code uri} and {@code environmentId}. Not repeated
   * after an unknown outcome unless keys are honoured: a repeat would find the node added (409).
   */
  public static Operation<MediaNode> add(String uri, String environmentId, boolean wait) {
    if (uri == null || uri.isEmpty()) {
      throw new IllegalArgumentException("the media node's uri must not be null or empty");
    }
    ApiRequest request =
        ApiRequest.post(
                ApiPaths.MEDIA_NODES + (wait ? "?wait=true" : ""),
                ExtensionRequestJson.mediaNodeOnPremises(uri, environmentId))
            .named("addMediaNode");
    return Operation.reading(
        request,
        response -> {
          if (response.isSuccessful()) {
            return OpenViduApi.read(request, response, "mediaNode", MediaNodeJson::parse);
          }
          String serverMessage = ServerErrors.serverMessage(response.body());
          String detail = ServerErrors.detail(request, response, serverMessage);
          if (response.status() == 409) {
            throw new MediaNodeAlreadyAddedException(uri, serverMessage, detail);
          }
          if (response.status() == 404) {
            throw new MediaNodeUnreachableException(uri, serverMessage, detail);
          }
          throw ServerErrors.toException(request, response);
        });
  }

  /**
   * {@code DELETE /media-nodes/{id}?deletion-strategy=...[&wait=true]}. After an unknown outcome, a
   * 404 means our earlier attempt removed it.
   */
  public static Operation<MediaNodeRemoval> remove(
      String mediaNodeId, DeletionStrategy strategy, boolean wait) {
    if (strategy == null) {
      throw new IllegalArgumentException("the deletion strategy must not be null");
    }
    ApiRequest request =
        ApiRequest.delete(
                ApiPaths.mediaNode(mediaNodeId)
                    + "?deletion-strategy="
                    + strategy.queryValue()
                    + (wait ? "&wait=true" : ""))
            .named("removeMediaNode");
    return Operation.reading(
        request,
        response -> {
          if (response.status() == 202) {
            return MediaNodeRemoval.WAITING_IDLE_TO_TERMINATE;
          }
          if (response.isSuccessful()) {
            return MediaNodeRemoval.REMOVED;
          }
          if (response.status() == 404 && response.earlierAttemptMayHaveTakenEffect()) {
            return MediaNodeRemoval.REMOVED;
          }
          if (response.status() == 409) {
            String serverMessage = ServerErrors.serverMessage(response.body());
            throw new MediaNodeHasSessionsException(
                mediaNodeId, serverMessage, ServerErrors.detail(request, response, serverMessage));
          }
          throw refusal(request, response, mediaNodeId);
        });
  }

  /** {@code PATCH /media-nodes/{id}} with {@code {"status": ...}}; 204 means no change. */
  public static Operation<Optional<MediaNode>> changeStatus(
      String mediaNodeId, MediaNodeStatus status) {
    if (status == null || status == MediaNodeStatus.UNKNOWN_TO_SDK_VERSION) {
      throw new IllegalArgumentException("a media node status to change to is required");
    }
    ApiRequest request =
        ApiRequest.patch(
                ApiPaths.mediaNode(mediaNodeId),
                ExtensionRequestJson.mediaNodeStatus(status.toString()))
            .named("changeMediaNodeStatus");
    return Operation.reading(
        request,
        response -> {
          if (response.status() == 204) {
            return Optional.empty();
          }
          if (response.isSuccessful()) {
            return Optional.of(
                OpenViduApi.read(request, response, "mediaNode", MediaNodeJson::parse));
          }
          if (response.status() == 400) {
            String serverMessage = ServerErrors.serverMessage(response.body());
            throw new MediaNodeTransitionException(
                mediaNodeId, serverMessage, ServerErrors.detail(request, response, serverMessage));
          }
          throw refusal(request, response, mediaNodeId);
        });
  }

  /** An operation whose answer is a page of nodes ({@code content}), any refusal its exception. */
  private static Operation<List<MediaNode>> nodeList(ApiRequest request) {
    return Operation.reading(
        request,
        response -> {
          if (!response.isSuccessful()) {
            throw ServerErrors.toException(request, response);
          }
          return OpenViduApi.read(request, response, "mediaNodes", json -> nodes(json, "content"));
        });
  }

  private static List<MediaNode> nodes(
      io.openvidu.java.client.internal.json.ResponseJson json, String member) {
    List<MediaNode> nodes = new ArrayList<>();
    for (io.openvidu.java.client.internal.json.ResponseJson node : json.requireObjects(member)) {
      nodes.add(MediaNodeJson.parse(node));
    }
    return nodes;
  }

  private static OpenViduHttpException refusal(
      ApiRequest request, ApiResponse response, String mediaNodeId) {
    if (response.status() == 404) {
      String serverMessage = ServerErrors.serverMessage(response.body());
      return new MediaNodeNotFoundException(
          mediaNodeId, serverMessage, ServerErrors.detail(request, response, serverMessage));
    }
    return ServerErrors.toException(request, response);
  }

  private static String query(MediaNodeDetail... details) {
    Set<MediaNodeDetail> asked = EnumSet.noneOf(MediaNodeDetail.class);
    for (MediaNodeDetail detail : details) {
      asked.add(java.util.Objects.requireNonNull(detail, "detail"));
    }
    StringBuilder query = new StringBuilder();
    for (MediaNodeDetail detail : asked) {
      query.append(query.length() == 0 ? '?' : '&').append(detail.queryParameter()).append("=true");
    }
    return query.toString();
  }
}
