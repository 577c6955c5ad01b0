package io.openvidu.ha.server.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The statuses of an OpenVidu Pro/Enterprise media node and the transitions between them
 * (rest-api.md §5.17).
 */
public enum MediaNodeStatus {
  LAUNCHING,
  CANCELED,
  FAILED,
  RUNNING,
  WAITING_IDLE_TO_TERMINATE,
  TERMINATING,
  TERMINATED;

  /** The REST name, e.g. {@code waiting-idle-to-terminate}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses a REST name; empty when the name is not a status. */
  public static Optional<MediaNodeStatus> fromWireName(String wireName) {
    return Arrays.stream(values()).filter(s -> s.wireName().equals(wireName)).findFirst();
  }

  /**
   * Whether the media-node API's {@code PATCH} may move a node from this status to {@code target}.
   */
  public boolean canBePatchedTo(MediaNodeStatus target) {
    return switch (this) {
      case LAUNCHING -> target == CANCELED;
      case CANCELED -> target == LAUNCHING;
      case RUNNING -> Set.of(WAITING_IDLE_TO_TERMINATE, TERMINATING).contains(target);
      case WAITING_IDLE_TO_TERMINATE -> Set.of(RUNNING, TERMINATING).contains(target);
      default -> false;
    };
  }
}
