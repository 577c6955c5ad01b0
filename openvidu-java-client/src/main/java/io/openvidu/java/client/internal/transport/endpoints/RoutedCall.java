package io.openvidu.java.client.internal.transport.endpoints;

/** What the {@link Router} needs to know of the call it routes. Confined to the call's thread. */
public interface RoutedCall {

  /** Whether an attempt of the call went to the endpoint already. */
  boolean tried(Endpoint endpoint);

  /** How many attempts the call made. */
  int attempts();

  /**
   * Whether the call may go on only to endpoints trusted to honour its {@code Idempotency-Key}: an
   * earlier attempt of a POST may have acted, and only the key keeps a repeat from acting twice.
   */
  boolean reliesOnKey();

  /**
   * @return the index (from 0) of the next backoff this call waits before trying an endpoint again,
   *     counting it
   */
  int nextRepeat();
}
