package io.openvidu.java.client.internal.transport;

import io.openvidu.java.client.transport.AttemptFailure;
import io.openvidu.java.client.transport.CallEnded;
import io.openvidu.java.client.transport.OpenViduEventListener;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes events to the user's listener and keeps its exceptions out of the call: a listener that
 * throws is logged, and the call carries on as if it had returned.
 */
final class SafeListener implements OpenViduEventListener {

  private static final Logger LOG = LoggerFactory.getLogger(SafeListener.class);

  private final OpenViduEventListener delegate;

  SafeListener(OpenViduEventListener delegate) {
    this.delegate = delegate;
  }

  @Override
  public void attemptStarted(String endpoint, String operation, int attempt) {
    guard(() -> delegate.attemptStarted(endpoint, operation, attempt));
  }

  @Override
  public void hedgeStarted(String endpoint, String operation, int attempt) {
    guard(() -> delegate.hedgeStarted(endpoint, operation, attempt));
  }

  @Override
  public void attemptFailed(AttemptFailure failure) {
    guard(() -> delegate.attemptFailed(failure));
  }

  @Override
  public void endpointEjected(String endpoint, Duration ejectedFor, int consecutiveFailures) {
    guard(() -> delegate.endpointEjected(endpoint, ejectedFor, consecutiveFailures));
  }

  @Override
  public void endpointRestored(String endpoint) {
    guard(() -> delegate.endpointRestored(endpoint));
  }

  @Override
  public void endpointSilent(String endpoint) {
    guard(() -> delegate.endpointSilent(endpoint));
  }

  @Override
  public void endpointAnswersAgain(String endpoint) {
    guard(() -> delegate.endpointAnswersAgain(endpoint));
  }

  @Override
  public void callEnded(CallEnded call) {
    guard(() -> delegate.callEnded(call));
  }

  /**
   * Whether the user's listener implements {@link #callEnded}: if not, the transport does not build
   * the event, which would cost every call an allocation for nothing.
   */
  boolean wantsCallEnded() {
    try {
      return delegate.getClass().getMethod("callEnded", CallEnded.class).getDeclaringClass()
          != OpenViduEventListener.class;
    } catch (NoSuchMethodException e) {
      return true;
    }
  }

  @Override
  public void callSucceededAfterRetries(String operation, int attempts) {
    guard(() -> delegate.callSucceededAfterRetries(operation, attempts));
  }

  private static void guard(Runnable event) {
    try {
      event.run();
    } catch (RuntimeException e) {
      LOG.warn("OpenViduEventListener threw; ignored", e);
    }
  }
}
