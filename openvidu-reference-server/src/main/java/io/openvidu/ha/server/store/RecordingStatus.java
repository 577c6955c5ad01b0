package io.openvidu.ha.server.store;

import java.util.Locale;

/**
 * The recording state machine of recordings.md §6: {@code starting → started → stopped → ready},
 * with {@code failed} reachable from {@code starting} and {@code stopped}.
 */
public enum RecordingStatus {
  STARTING,
  STARTED,
  STOPPED,
  READY,
  FAILED;

  /** The lower-case name used by the REST API, webhooks and metadata files. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the recording still counts as "the session is being recorded". */
  public boolean isActive() {
    return this == STARTING || this == STARTED;
  }
}
