package io.openvidu.examples.failover;

import io.openvidu.java.client.transport.AttemptFailure;
import io.openvidu.java.client.transport.OpenViduEventListener;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs what the client does when masters fail: each failed attempt and where the call goes next,
 * each master taken out of rotation and brought back, and each call that needed more than one
 * attempt. Plug it into {@code OpenVidu.Builder.eventListener(...)}; replace the log lines with
 * metrics or alerts as you need.
 *
 * <p>Thread-safe and stateless. Events never carry the secret or tokens, so logging them whole is
 * safe.
 */
public final class FailoverLog implements OpenViduEventListener {
  private static final Logger log = LoggerFactory.getLogger(FailoverLog.class);

  @Override
  public void attemptFailed(AttemptFailure failure) {
    log.warn(
        "{} attempt {} failed on {}: {}",
        failure.operation(),
        failure.attempt(),
        failure.endpoint(),
        failure.description());
  }

  @Override
  public void endpointEjected(String endpoint, Duration ejectedFor, int consecutiveFailures) {
    log.warn(
        "master {} out of rotation for {} ms ({} failures in a row)",
        endpoint,
        ejectedFor.toMillis(),
        consecutiveFailures);
  }

  @Override
  public void endpointRestored(String endpoint) {
    log.info("master {} back in rotation", endpoint);
  }

  @Override
  public void callSucceededAfterRetries(String operation, int attempts) {
    log.info("{} succeeded after failing over ({} attempts)", operation, attempts);
  }
}
