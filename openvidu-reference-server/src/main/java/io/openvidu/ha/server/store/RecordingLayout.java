package io.openvidu.ha.server.store;

/**
 * The layout of a composed recording with video. Its constant names are the wire names of the REST
 * API.
 */
public enum RecordingLayout {
  BEST_FIT,
  PICTURE_IN_PICTURE,
  VERTICAL_PRESENTATION,
  HORIZONTAL_PRESENTATION,
  CUSTOM
}
