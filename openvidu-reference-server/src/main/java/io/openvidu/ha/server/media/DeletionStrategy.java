package io.openvidu.ha.server.media;

import java.util.Arrays;
import java.util.Optional;

/**
 * How {@code DELETE /media-nodes/{id}} treats a node that still hosts sessions (rest-api.md §5.17).
 */
public enum DeletionStrategy {
  /** Close its sessions (reason {@code mediaServerDisconnect}) and remove it. */
  NOW("now"),
  /** Refuse while it hosts sessions (the default). */
  IF_NO_SESSIONS("if-no-sessions"),
  /** Mark it {@code waiting-idle-to-terminate}; it leaves when its last session closes. */
  WHEN_NO_SESSIONS("when-no-sessions");

  private final String wireName;

  DeletionStrategy(String wireName) {
    this.wireName = wireName;
  }

  /** The query-parameter value. */
  public String wireName() {
    return wireName;
  }

  /** Parses a query-parameter value. */
  public static Optional<DeletionStrategy> fromWireName(String value) {
    return Arrays.stream(values()).filter(s -> s.wireName.equals(value)).findFirst();
  }
}
