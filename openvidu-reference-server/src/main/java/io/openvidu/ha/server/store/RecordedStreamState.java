package io.openvidu.ha.server.store;

/**
 * One file of an {@code INDIVIDUAL} recording (recordings.md §3.4): a period during which one
 * stream was recorded, with what the synchronisation metadata tells about it. {@code fileName} is
 * the stream id for a stream's first period (later periods would be {@code <streamId>-N}); {@code
 * hasAudio}/{@code hasVideo} are what is recorded of the stream (the stream has the track and the
 * recording records it); {@code endTime} is null while the period is open. Times are epoch ms.
 * Immutable.
 */
public record RecordedStreamState(
    String fileName,
    String streamId,
    String connectionId,
    String clientData,
    String serverData,
    boolean hasAudio,
    boolean hasVideo,
    String typeOfVideo,
    String videoDimensions,
    long startTime,
    Long endTime) {

  /** Whether the period is still being recorded. */
  public boolean isOpen() {
    return endTime == null;
  }

  /** A copy closed at {@code at}; a closed period stays as it is. */
  public RecordedStreamState closedAt(long at) {
    return isOpen()
        ? new RecordedStreamState(
            fileName,
            streamId,
            connectionId,
            clientData,
            serverData,
            hasAudio,
            hasVideo,
            typeOfVideo,
            videoDimensions,
            startTime,
            Math.max(at, startTime))
        : this;
  }
}
