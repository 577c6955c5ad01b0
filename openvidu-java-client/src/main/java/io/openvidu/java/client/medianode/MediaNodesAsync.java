package io.openvidu.java.client.medianode;

import io.openvidu.java.client.webhook.MediaNodeStatus;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous form of {@link MediaNodes}, from {@code openVidu.async().mediaNodes()}: each
 * method starts the call of the {@link MediaNodes} method of the same name and returns at once,
 * with the same requests, failover, retries and exceptions (as the future's failure). Futures are
 * completed as those of {@link io.openvidu.java.client.OpenViduAsync} are.
 *
 * <p>Thread-safe.
 */
public interface MediaNodesAsync {

  /** {@link MediaNodes#list(MediaNodeDetail...)}. */
  CompletableFuture<List<MediaNode>> list(MediaNodeDetail... details);

  /** {@link MediaNodes#discover()}. */
  CompletableFuture<List<MediaNode>> discover();

  /** {@link MediaNodes#get(String, MediaNodeDetail...)}. */
  CompletableFuture<MediaNode> get(String mediaNodeId, MediaNodeDetail... details);

  /** {@link MediaNodes#add(String, String, boolean)}. */
  CompletableFuture<MediaNode> add(String uri, String environmentId, boolean waitUntilRunning);

  /** {@link MediaNodes#remove(String, DeletionStrategy, boolean)}. */
  CompletableFuture<MediaNodeRemoval> remove(
      String mediaNodeId, DeletionStrategy strategy, boolean waitUntilTerminated);

  /** {@link MediaNodes#changeStatus(String, MediaNodeStatus)}. */
  CompletableFuture<Optional<MediaNode>> changeStatus(String mediaNodeId, MediaNodeStatus status);
}
