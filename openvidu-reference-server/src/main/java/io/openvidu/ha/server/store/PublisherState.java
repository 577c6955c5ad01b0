package io.openvidu.ha.server.store;

/** A stream published by a connection. {@code rtspUri} is set for IP cameras only. Immutable. */
public record PublisherState(
    String streamId, long createdAt, String rtspUri, MediaOptions mediaOptions) {

  /** A copy with other media options. */
  public PublisherState withMediaOptions(MediaOptions newOptions) {
    return new PublisherState(streamId, createdAt, rtspUri, newOptions);
  }
}
