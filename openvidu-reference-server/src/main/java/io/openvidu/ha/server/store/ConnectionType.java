package io.openvidu.ha.server.store;

/**
 * Kind of participant a connection stands for. Its constant names are the wire names of the REST
 * API.
 */
public enum ConnectionType {
  WEBRTC,
  IPCAM
}
