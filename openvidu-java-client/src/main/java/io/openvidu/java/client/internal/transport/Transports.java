package io.openvidu.java.client.internal.transport;

import io.openvidu.java.client.internal.transport.http.TransportSettings;
import io.openvidu.java.client.internal.transport.policy.TimeSource;

/**
 * Builds the {@link Transport} that {@code OpenVidu} uses for a set of {@link TransportSettings}.
 */
public final class Transports {

  private Transports() {}

  /**
   * @return the failover transport for these settings (with a single endpoint, it retries on that
   *     one); the caller closes it
   */
  public static Transport create(TransportSettings settings) {
    return new FailoverTransport(settings, TimeSource.SYSTEM);
  }
}
