package io.openvidu.ha.server.store;

/**
 * A transition that the current cluster state does not allow (e.g. a session id already taken).
 * Thrown before anything is staged, so the surrounding transaction commits nothing unless the
 * caller catches it and stages something else. The message never contains tokens.
 */
public final class TransitionRejectedException extends RuntimeException {
  private final Rejection rejection;

  public TransitionRejectedException(Rejection rejection, String message) {
    super(message, null, false, false);
    this.rejection = rejection;
  }

  /** Why it was refused. */
  public Rejection rejection() {
    return rejection;
  }
}
