package io.openvidu.ha.server.store;

/**
 * The store could not be reached or kept losing races past the retry limit. The cluster state is
 * unchanged, unless {@link #outcomeUnknown()}: a change was sent and its answer lost (the
 * connection dropped or timed out after sending), so it may have been applied.
 */
public final class StoreUnavailableException extends RuntimeException {
  private final boolean outcomeUnknown;

  /** The store refused or was not reached: nothing changed. */
  public StoreUnavailableException(String message, Throwable cause) {
    this(message, cause, false);
  }

  /**
   * @param outcomeUnknown whether a change was sent without its answer arriving, so that it may
   *     have been applied
   */
  public StoreUnavailableException(String message, Throwable cause, boolean outcomeUnknown) {
    super(message, cause);
    this.outcomeUnknown = outcomeUnknown;
  }

  /** Whether a change may have been applied although it failed (its answer was lost). */
  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }
}
