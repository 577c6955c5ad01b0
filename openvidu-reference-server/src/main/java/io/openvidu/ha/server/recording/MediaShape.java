package io.openvidu.ha.server.recording;

/**
 * What a synthetic media file contains: which tracks, and the picture size when there is video.
 * Immutable.
 *
 * @param width picture width in pixels, ignored without video
 * @param height picture height in pixels, ignored without video
 */
record MediaShape(boolean hasAudio, boolean hasVideo, int width, int height) {

  /**
   * The picture size of an INDIVIDUAL stream file when the publisher did not declare its
   * dimensions.
   */
  static final int DEFAULT_WIDTH = 640;

  static final int DEFAULT_HEIGHT = 480;

  MediaShape {
    if (!hasAudio && !hasVideo) {
      throw new IllegalArgumentException("A media file needs audio, video or both");
    }
    if (hasVideo && (width <= 0 || height <= 0)) {
      throw new IllegalArgumentException(
          "A video needs a positive picture size, got " + width + "x" + height);
    }
  }
}
