package io.openvidu.java.client;

/** What a participant may do in a session. */
public enum OpenViduRole {

  /** May only receive other participants' streams. */
  SUBSCRIBER,

  /** May receive and publish streams. The default. */
  PUBLISHER,

  /** May also force other participants to unpublish or leave. */
  MODERATOR
}
