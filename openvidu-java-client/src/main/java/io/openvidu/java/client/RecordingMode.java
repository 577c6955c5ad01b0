package io.openvidu.java.client;

/** When a session is recorded. */
public enum RecordingMode {

  /**
   * Recording starts automatically, with the session's default recording properties, when the first
   * participant publishes.
   */
  ALWAYS,

  /** Recording starts only through {@link OpenVidu#startRecording(String)}. The default. */
  MANUAL
}
