package io.openvidu.ha.server.testing;

import io.openvidu.ha.server.media.MediaNodes;

/**
 * Control over one simulated media node of a cluster started by {@link OpenViduClusterExtension}.
 * Immutable.
 */
public final class SimulatedMediaNode {
  private final String id;
  private final MediaNodes mediaNodes;

  SimulatedMediaNode(String id, MediaNodes mediaNodes) {
    this.id = id;
    this.mediaNodes = mediaNodes;
  }

  /** The node id, e.g. {@code media_simulated-1}. */
  public String id() {
    return id;
  }

  /**
   * Crashes the node: its sessions close with reason {@code nodeCrashed} (participants are told)
   * and it leaves the cluster. Fails if the node is already gone.
   */
  public void crash() {
    mediaNodes.crash(id);
  }
}
