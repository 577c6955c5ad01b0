package io.openvidu.ha.server.store;

/**
 * How a recording's media is laid out on disk. Its constant names are the wire names of the REST
 * API.
 */
public enum OutputMode {
  COMPOSED,
  COMPOSED_QUICK_START,
  INDIVIDUAL
}
