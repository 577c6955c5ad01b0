package io.openvidu.ha.server.store;

/**
 * Whether a session records on demand or as soon as someone publishes (OpenVidu's {@code
 * recordingMode}). Its constant names are the wire names of the REST API.
 */
public enum RecordingMode {
  MANUAL,
  ALWAYS
}
