package io.openvidu.java.client;

/** What kind of participant a {@link Connection} is. */
public enum ConnectionType {

  /** A browser or mobile participant that joins with a token over WebRTC. */
  WEBRTC,

  /** An IP camera published by the server from an RTSP (or {@code file://}) source. */
  IPCAM
}
