package io.openvidu.java.client.internal.api;

import io.openvidu.java.client.OpenViduHttpException;
import io.openvidu.java.client.OpenViduJavaClientException;
import io.openvidu.java.client.medianode.DeletionStrategy;
import io.openvidu.java.client.medianode.MediaNode;
import io.openvidu.java.client.medianode.MediaNodeDetail;
import io.openvidu.java.client.medianode.MediaNodeRemoval;
import io.openvidu.java.client.medianode.MediaNodes;
import io.openvidu.java.client.webhook.MediaNodeStatus;
import java.util.List;
import java.util.Optional;

/** {@link MediaNodes} over the client's {@link OpenViduApi}: each method runs one call. */
public final class MediaNodesOverApi implements MediaNodes {

  private final OpenViduApi api;

  public MediaNodesOverApi(OpenViduApi api) {
    this.api = api;
  }

  @Override
  public List<MediaNode> list(MediaNodeDetail... details)
      throws OpenViduJavaClientException, OpenViduHttpException {
    return api.call(MediaNodeCalls.list(details));
  }

  @Override
  public MediaNode get(String mediaNodeId, MediaNodeDetail... details)
      throws OpenViduJavaClientException, OpenViduHttpException {
    return api.call(MediaNodeCalls.get(mediaNodeId, details));
  }

  @Override
  public List<MediaNode> discover() throws OpenViduJavaClientException, OpenViduHttpException {
    return api.call(MediaNodeCalls.discover());
  }

  @Override
  public MediaNode add(String uri, String environmentId, boolean waitUntilRunning)
      throws OpenViduJavaClientException, OpenViduHttpException {
    return api.call(MediaNodeCalls.add(uri, environmentId, waitUntilRunning));
  }

  @Override
  public MediaNodeRemoval remove(
      String mediaNodeId, DeletionStrategy strategy, boolean waitUntilTerminated)
      throws OpenViduJavaClientException, OpenViduHttpException {
    return api.call(MediaNodeCalls.remove(mediaNodeId, strategy, waitUntilTerminated));
  }

  @Override
  public Optional<MediaNode> changeStatus(String mediaNodeId, MediaNodeStatus status)
      throws OpenViduJavaClientException, OpenViduHttpException {
    return api.call(MediaNodeCalls.changeStatus(mediaNodeId, status));
  }

  @Override
  public String toString() {
    return "MediaNodes";
  }
}
