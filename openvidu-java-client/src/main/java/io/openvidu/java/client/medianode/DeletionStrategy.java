package io.openvidu.java.client.medianode;

/**
 * What {@link MediaNodes#remove} does with the sessions of the node ({@code deletion-strategy}).
 */
public enum DeletionStrategy {
  /** Removes the node at once, closing its sessions (reason {@code mediaServerDisconnect}). */
  NOW("now"),
  /** Removes the node only if it hosts no session; else refuses (409). OpenVidu's default. */
  IF_NO_SESSIONS("if-no-sessions"),
  /**
   * Removes the node at once if it hosts no session; else sets it {@code waiting-idle-to-terminate}
   * (no new sessions), and it terminates when its last session closes.
   */
  WHEN_NO_SESSIONS("when-no-sessions");

  private final String queryValue;

  DeletionStrategy(String queryValue) {
    this.queryValue = queryValue;
  }

  /**
   * @return the value of the {@code deletion-strategy} query parameter, e.g. {@code now}
   */
  public String queryValue() {
    return queryValue;
  }
}
