package io.openvidu.ha.server.store;

/**
 * Lifecycle of a connection: created by REST as {@code PENDING}, then {@code ACTIVE} once a
 * participant consumed its token. The REST API renders these names in lower case.
 */
public enum ConnectionStatus {
  PENDING,
  ACTIVE
}
