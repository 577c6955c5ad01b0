package io.openvidu.ha.server.store;

/**
 * What a WEBRTC participant may do in its session. Its constant names are the wire names of the
 * REST API.
 */
public enum OpenViduRole {
  SUBSCRIBER,
  PUBLISHER,
  MODERATOR
}
