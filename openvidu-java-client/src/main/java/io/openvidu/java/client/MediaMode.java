package io.openvidu.java.client;

/** How the media of a session travels between participants. */
public enum MediaMode {

  /** Peer to peer where possible. Such a session cannot be recorded. */
  RELAYED,

  /** Through the media server: needed for recording, filters and bandwidth control. The default. */
  ROUTED
}
