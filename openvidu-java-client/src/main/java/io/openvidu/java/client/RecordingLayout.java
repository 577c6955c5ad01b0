package io.openvidu.java.client;

/**
 * How a {@link Recording.OutputMode#COMPOSED} recording with video arranges the participants'
 * videos.
 */
public enum RecordingLayout {

  /** A grid that gives every video the same space. The default. */
  BEST_FIT,

  /** One video full size, another small in a corner. */
  PICTURE_IN_PICTURE,

  /** A main video with the others in a column. */
  VERTICAL_PRESENTATION,

  /** A main video with the others in a row. */
  HORIZONTAL_PRESENTATION,

  /** A layout of the deployment's own, chosen with {@link RecordingProperties#customLayout()}. */
  CUSTOM
}
