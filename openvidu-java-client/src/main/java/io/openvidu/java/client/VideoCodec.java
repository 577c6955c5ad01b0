package io.openvidu.java.client;

/**
 * The video codec a session forces on its publishers (see {@link
 * SessionProperties#forcedVideoCodec()}).
 */
public enum VideoCodec {

  /** VP8, the default. */
  VP8,

  /** VP9. */
  VP9,

  /** H.264. */
  H264,

  /** No codec is forced; publishers and subscribers negotiate. */
  NONE
}
