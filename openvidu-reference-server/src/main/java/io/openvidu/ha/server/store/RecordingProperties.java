package io.openvidu.ha.server.store;

/**
 * Recording properties in OpenVidu's "stored" form (rest-api.md §3.8): members that do not apply to
 * the output mode are null ({@code recordingLayout}, {@code resolution}, {@code frameRate}, {@code
 * shmSize} only for composed recordings with video; {@code customLayout} only with the {@code
 * CUSTOM} layout; {@code ignoreFailedStreams} only for {@code INDIVIDUAL}; {@code mediaNode} only
 * when set). Used both for a session's {@code defaultRecordingProperties} and for the resolved
 * properties of a recording. Immutable.
 */
public record RecordingProperties(
    String name,
    boolean hasAudio,
    boolean hasVideo,
    OutputMode outputMode,
    RecordingLayout recordingLayout,
    String resolution,
    Integer frameRate,
    Long shmSize,
    String customLayout,
    Boolean ignoreFailedStreams,
    String mediaNode) {

  /** Default resolution of composed recordings. */
  public static final String DEFAULT_RESOLUTION = "1280x720";

  /** Default frame rate of composed recordings. */
  public static final int DEFAULT_FRAME_RATE = 25;

  /** Default shared memory of the composed recording container, in bytes. */
  public static final long DEFAULT_SHM_SIZE = 536_870_912L;

  /**
   * The all-defaults properties: {@code COMPOSED}, {@code BEST_FIT}, 1280x720 at 25 fps, audio and
   * video.
   */
  public static RecordingProperties defaults() {
    return new RecordingProperties(
        "",
        true,
        true,
        OutputMode.COMPOSED,
        RecordingLayout.BEST_FIT,
        DEFAULT_RESOLUTION,
        DEFAULT_FRAME_RATE,
        DEFAULT_SHM_SIZE,
        null,
        null,
        null);
  }

  /**
   * Whether the output is one composed file with video (the case where layout, resolution and rate
   * apply).
   */
  public boolean isComposedWithVideo() {
    return outputMode != OutputMode.INDIVIDUAL && hasVideo;
  }

  /** A copy with another name (the final name of a recording is its id when none was asked for). */
  public RecordingProperties withName(String newName) {
    return new RecordingProperties(
        newName,
        hasAudio,
        hasVideo,
        outputMode,
        recordingLayout,
        resolution,
        frameRate,
        shmSize,
        customLayout,
        ignoreFailedStreams,
        mediaNode);
  }
}
