package io.openvidu.ha.server.store;

/** The store could not be reached or kept losing races past the retry limit; the cluster state is unchanged. */
public final class StoreUnavailableException extends RuntimeException {
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
