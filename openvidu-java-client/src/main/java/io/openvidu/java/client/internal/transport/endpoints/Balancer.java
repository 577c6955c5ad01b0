package io.openvidu.java.client.internal.transport.endpoints;

import io.openvidu.java.client.transport.BalancingPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides the order in which one call considers the endpoints: rotated by one per call for
 * round-robin, the configured order for primary-first. The call then takes the first endpoint in
 * that order that is healthy. Thread-safe.
 */
public final class Balancer {

  private final List<Endpoint> endpoints;
  private final BalancingPolicy policy;
  private final AtomicInteger next = new AtomicInteger();

  public Balancer(List<Endpoint> endpoints, BalancingPolicy policy) {
    this.endpoints = Collections.unmodifiableList(new ArrayList<>(endpoints));
    this.policy = policy;
  }

  public List<Endpoint> orderForNewCall() {
    if (policy == BalancingPolicy.PRIMARY_FIRST || endpoints.size() == 1) {
      return endpoints;
    }
    int n = endpoints.size();
    int start = Math.floorMod(next.getAndIncrement(), n);
    List<Endpoint> order = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      order.add(endpoints.get((start + i) % n));
    }
    return order;
  }
}
