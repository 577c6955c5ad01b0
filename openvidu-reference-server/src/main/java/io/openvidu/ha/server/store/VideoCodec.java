package io.openvidu.ha.server.store;

/**
 * The video codec a session forces on its publishers (OpenVidu's {@code forcedVideoCodec}). Its
 * constant names are the wire names of the REST API.
 */
public enum VideoCodec {
  VP8,
  VP9,
  H264,
  NONE
}
