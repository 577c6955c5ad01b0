package io.openvidu.java.client.internal.api;

import io.openvidu.java.client.medianode.DeletionStrategy;
import io.openvidu.java.client.medianode.MediaNode;
import io.openvidu.java.client.medianode.MediaNodeDetail;
import io.openvidu.java.client.medianode.MediaNodeRemoval;
import io.openvidu.java.client.medianode.MediaNodesAsync;
import io.openvidu.java.client.webhook.MediaNodeStatus;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@link MediaNodesAsync} over the client's {@link OpenViduApi}: the operations of {@link
 * MediaNodeCalls}, run asynchronously.
 */
public final class MediaNodesAsyncOverApi implements MediaNodesAsync {

  private final OpenViduApi api;
  private final Executor executor;

  public MediaNodesAsyncOverApi(OpenViduApi api, Executor executor) {
    this.api = api;
    this.executor = executor;
  }

  @Override
  public CompletableFuture<List<MediaNode>> list(MediaNodeDetail... details) {
    return api.callAsync(MediaNodeCalls.list(details), executor);
  }

  @Override
  public CompletableFuture<List<MediaNode>> discover() {
    return api.callAsync(MediaNodeCalls.discover(), executor);
  }

  @Override
  public CompletableFuture<MediaNode> get(String mediaNodeId, MediaNodeDetail... details) {
    return api.callAsync(MediaNodeCalls.get(mediaNodeId, details), executor);
  }

  @Override
  public CompletableFuture<MediaNode> add(
      String uri, String environmentId, boolean waitUntilRunning) {
    return api.callAsync(MediaNodeCalls.add(uri, environmentId, waitUntilRunning), executor);
  }

  @Override
  public CompletableFuture<MediaNodeRemoval> remove(
      String mediaNodeId, DeletionStrategy strategy, boolean waitUntilTerminated) {
    return api.callAsync(
        MediaNodeCalls.remove(mediaNodeId, strategy, waitUntilTerminated), executor);
  }

  @Override
  public CompletableFuture<Optional<MediaNode>> changeStatus(
      String mediaNodeId, MediaNodeStatus status) {
    return api.callAsync(MediaNodeCalls.changeStatus(mediaNodeId, status), executor);
  }
}
