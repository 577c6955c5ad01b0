package io.openvidu.ha.server.store;

/**
 * How media flows in a session (OpenVidu's {@code mediaMode}). Its constant names are the wire
 * names of the REST API.
 */
public enum MediaMode {
  ROUTED,
  RELAYED
}
