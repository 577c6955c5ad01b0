package io.openvidu.java.client.deployment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The health of every endpoint the client was given, each asked on its own ({@link
 * io.openvidu.java.client.OpenVidu#health()}): for dashboards (which master is down) and readiness
 * probes (is any master able to serve: {@link #isAnyUp()}).
 *
 * <p>Immutable and thread-safe.
 */
public final class HealthReport {

  private final List<EndpointHealth> endpoints;

  /**
   * @param endpoints one per endpoint, in the order the client was given them
   */
  public HealthReport(List<EndpointHealth> endpoints) {
    this.endpoints = Collections.unmodifiableList(new ArrayList<>(endpoints));
  }

  /**
   * @return one per endpoint, in the order the client was given them
   */
  public List<EndpointHealth> endpoints() {
    return endpoints;
  }

  /**
   * @return whether at least one endpoint is UP: the client can serve calls (a readiness probe)
   */
  public boolean isAnyUp() {
    for (EndpointHealth endpoint : endpoints) {
      if (endpoint.isUp()) {
        return true;
      }
    }
    return false;
  }

  /**
   * @return whether every endpoint is UP: nothing to fail over from
   */
  public boolean isAllUp() {
    for (EndpointHealth endpoint : endpoints) {
      if (!endpoint.isUp()) {
        return false;
      }
    }
    return !endpoints.isEmpty();
  }

  @Override
  public String toString() {
    return "HealthReport" + endpoints;
  }
}
