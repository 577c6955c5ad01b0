package io.openvidu.java.client.medianode;

/** What {@link MediaNodes#remove} did. */
public enum MediaNodeRemoval {
  /** The node is removed (204). */
  REMOVED,
  /**
   * The node hosts sessions, so it was set {@code waiting-idle-to-terminate} and terminates when
   * the last closes (202, {@link DeletionStrategy#WHEN_NO_SESSIONS}).
   */
  WAITING_IDLE_TO_TERMINATE
}
