package io.openvidu.ha.server.store;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The media description of a published stream (rest-api.md §3.3). Members that only apply to video
 * or to IP cameras are null otherwise. {@code filter} is the free-form filter object ({@code {}}
 * when none). Immutable.
 */
public record MediaOptions(
    boolean hasAudio,
    Boolean audioActive,
    boolean hasVideo,
    Boolean videoActive,
    String typeOfVideo,
    Integer frameRate,
    String videoDimensions,
    JsonNode filter,
    Boolean adaptativeBitrate,
    Boolean onlyPlayWithSubscribers,
    Integer networkCache) {

  /**
   * A copy with the given live properties changed (as {@code streamPropertyChanged} does); null
   * keeps a value.
   */
  public MediaOptions withActivity(
      Boolean newAudioActive, Boolean newVideoActive, String newVideoDimensions) {
    return new MediaOptions(
        hasAudio,
        newAudioActive != null ? newAudioActive : audioActive,
        hasVideo,
        newVideoActive != null ? newVideoActive : videoActive,
        typeOfVideo,
        frameRate,
        newVideoDimensions != null ? newVideoDimensions : videoDimensions,
        filter,
        adaptativeBitrate,
        onlyPlayWithSubscribers,
        networkCache);
  }

  /** A copy with another filter object. */
  public MediaOptions withFilter(JsonNode newFilter) {
    return new MediaOptions(
        hasAudio,
        audioActive,
        hasVideo,
        videoActive,
        typeOfVideo,
        frameRate,
        videoDimensions,
        newFilter,
        adaptativeBitrate,
        onlyPlayWithSubscribers,
        networkCache);
  }
}
