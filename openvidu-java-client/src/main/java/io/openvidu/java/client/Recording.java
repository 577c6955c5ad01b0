package io.openvidu.java.client;

import io.openvidu.java.client.internal.json.RecordingDocument;

/**
 * A recording as the server reported it when this object was obtained ({@link
 * OpenVidu#startRecording}, {@link OpenVidu#stopRecording}, {@link OpenVidu#getRecording}, {@link
 * OpenVidu#listRecordings}). It is a snapshot: ask again to see a later status.
 *
 * <p>Immutable and thread-safe.
 */
public class Recording {

  /**
   * Where a recording is in its life: {@code starting} → {@code started} → {@code stopped} → {@code
   * ready}, or {@code failed}.
   */
  public enum Status {
    /** Being set up; not recording yet. */
    starting,
    /** Recording. */
    started,
    /** Stopped; the files are being processed (OpenVidu Pro/Enterprise answer a stop with this). */
    stopped,
    /** Finished: size, duration and URL are final. */
    ready,
    /** Something went wrong; the recording cannot be used. */
    failed
  }

  /** What a recording produces. */
  public enum OutputMode {
    /** One file mixing every participant. */
    COMPOSED,
    /** One file per stream, delivered as a zip with a synchronisation metadata file. */
    INDIVIDUAL,
    /**
     * As COMPOSED, but the recording module is started when the session's first participant joins,
     * so each recording starts faster. Obtainable only through a session's default recording
     * properties.
     */
    COMPOSED_QUICK_START
  }

  private final transient RecordingDocument document;

  // The official client's fields, under its names and in its order: what an application's Gson
  // writes when it serializes a recording (it reads fields, not getters), e.g. to a browser.
  private final Status status;
  private final String id;
  private final String sessionId;
  private final long createdAt;
  private final long size;
  private final double duration;
  private final String url;
  private final RecordingProperties recordingProperties;

  Recording(RecordingDocument document) {
    this.document = document;
    this.status = document.status();
    this.id = document.id();
    this.sessionId = document.sessionId();
    this.createdAt = document.createdAt();
    this.size = document.size();
    this.duration = document.duration();
    this.url = document.url();
    this.recordingProperties = propertiesOf(document);
  }

  /** As the official client: the builder's rules fill what the server's answer leaves out. */
  private static RecordingProperties propertiesOf(RecordingDocument document) {
    RecordingProperties.Builder builder =
        new RecordingProperties.Builder()
            .name(document.name())
            .hasAudio(document.hasAudio())
            .hasVideo(document.hasVideo())
            .outputMode(document.outputMode())
            .recordingLayout(document.recordingLayout())
            .resolution(document.resolution())
            .customLayout(document.customLayout())
            .mediaNode(document.mediaNode());
    if (document.frameRate() != null) {
      builder.frameRate(document.frameRate());
    }
    if (document.outputMode() == OutputMode.INDIVIDUAL) {
      builder.ignoreFailedStreams(document.ignoreFailedStreams());
    }
    return builder.build();
  }

  /**
   * @return the status when this snapshot was taken
   */
  public Status getStatus() {
    return document.status();
  }

  /**
   * @return the recording id: the session id, or the session id with a suffix {@code -N}
   */
  public String getId() {
    return document.id();
  }

  /**
   * @return the file name without extension (the id when none was requested)
   */
  public String getName() {
    return document.name();
  }

  /**
   * @return whether audio is recorded
   */
  public boolean hasAudio() {
    return document.hasAudio();
  }

  /**
   * @return whether video is recorded
   */
  public boolean hasVideo() {
    return document.hasVideo();
  }

  /**
   * @return the output mode
   */
  public OutputMode getOutputMode() {
    return document.outputMode();
  }

  /**
   * @return the layout of a composed recording with video, otherwise {@code null}
   */
  public RecordingLayout getRecordingLayout() {
    return document.recordingLayout();
  }

  /**
   * @return the custom layout of a recording with the CUSTOM layout, otherwise {@code null}
   */
  public String getCustomLayout() {
    return document.customLayout();
  }

  /**
   * @return whether an INDIVIDUAL recording ignores failed streams ({@code false} when not
   *     reported)
   */
  public boolean ignoreFailedStreams() {
    return document.ignoreFailedStreams();
  }

  /**
   * @return the recorded session's id
   */
  public String getSessionId() {
    return document.sessionId();
  }

  /**
   * @return when the recording was started, in UTC milliseconds
   */
  public long getCreatedAt() {
    return document.createdAt();
  }

  /**
   * @return the size in bytes; 0 until {@link Status#ready}
   */
  public long getSize() {
    return document.size();
  }

  /**
   * @return the duration in seconds; 0 until {@link Status#ready}
   */
  public double getDuration() {
    return document.duration();
  }

  /**
   * @return where to download the file, or {@code null} until {@link Status#ready} or {@link
   *     Status#failed}
   */
  public String getUrl() {
    return document.url();
  }

  /**
   * @return the resolution of a composed recording with video, e.g. {@code 1280x720}, otherwise
   *     {@code null}
   */
  public String getResolution() {
    return document.resolution();
  }

  /**
   * @return the frame rate of a composed recording with video, otherwise {@code null}
   */
  public Integer getFrameRate() {
    return document.frameRate();
  }

  @Override
  public String toString() {
    return document.toString();
  }
}
