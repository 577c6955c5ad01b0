package io.openvidu.java.client.internal.transport.endpoints;

import io.openvidu.java.client.internal.transport.policy.Backoff;
import io.openvidu.java.client.internal.transport.policy.RetryBudget;
import io.openvidu.java.client.internal.transport.policy.RetryTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides where a call's next attempt goes and how long it waits first. Thread-safe (the state it
 * reads is the endpoints' and the budget's).
 *
 * <ol>
 *   <li>The first endpoint in the call's balancing order that the call has not tried and that
 *       {@link EndpointMonitor#admit admits} (healthy, not silent): at once.
 *   <li>Otherwise, on the first attempt, the endpoint whose ejection ends first, a silent one
 *       before an ejected one: a call never fails without an attempt.
 *   <li>On later attempts only if the retry budget allows: an ejected endpoint the call has not
 *       tried; or else, all tried, one again after a backoff with full jitter.
 * </ol>
 *
 * A {@code Retry-After} an endpoint sent delays any attempt to it until then. A call that {@link
 * RoutedCall#reliesOnKey() relies on its idempotency key} considers only the endpoints trusted to
 * honour it.
 */
public final class Router {

  private final EndpointMonitor monitor;
  private final RetryBudget budget;
  private final Backoff backoff;
  private final RetryTable table;

  public Router(EndpointMonitor monitor, RetryBudget budget, Backoff backoff, RetryTable table) {
    this.monitor = monitor;
    this.budget = budget;
    this.backoff = backoff;
    this.table = table;
  }

  /**
   * @param order the call's balancing order
   * @return where the next attempt goes and after how long a wait, or a refusal when the retry
   *     budget forbids anything but a healthy endpoint and none is left
   */
  public Route route(RoutedCall call, List<Endpoint> balancingOrder, long now) {
    // 0. A repeat that is safe only by the call's key: endpoints trusted to honour it, if any.
    List<Endpoint> order = balancingOrder;
    if (call.reliesOnKey()) {
      order = new ArrayList<>();
      for (Endpoint endpoint : balancingOrder) {
        if (table.keysHonouredBy(endpoint.announcesIdempotency())) {
          order.add(endpoint);
        }
      }
      if (order.isEmpty()) {
        return Route.NO_TRUSTED_ENDPOINT;
      }
    }
    // 1. A healthy endpoint the call has not tried: at once.
    for (Endpoint endpoint : order) {
      if (!call.tried(endpoint)) {
        EndpointHealth.Ticket ticket = monitor.admit(endpoint, now);
        if (ticket != null) {
          return Route.to(endpoint, ticket, 0);
        }
      }
    }
    // 2. Endpoints known to fail are retried only while the budget allows; a first attempt always.
    if (call.attempts() > 0 && !budget.allowsRetry()) {
      return Route.BUDGET_EXHAUSTED;
    }
    List<Endpoint> pool = new ArrayList<>();
    for (Endpoint endpoint : order) {
      if (!call.tried(endpoint)) {
        pool.add(endpoint);
      }
    }
    // 3. Every endpoint tried: one admitted now, after a backoff.
    boolean again = pool.isEmpty();
    Endpoint chosen = null;
    EndpointHealth.Ticket ticket = null;
    if (again) {
      pool = order;
      for (Endpoint endpoint : pool) {
        ticket = monitor.admit(endpoint, now);
        if (ticket != null) {
          chosen = endpoint;
          break;
        }
      }
    }
    // 4. None admitted: the one whose ejection ends first, forced.
    if (chosen == null) {
      chosen = pool.get(0);
      for (Endpoint endpoint : pool) {
        if (endpoint.health().ejectedUntil(now) - chosen.health().ejectedUntil(now) < 0) {
          chosen = endpoint;
        }
      }
      ticket = chosen.health().force();
    }
    long wait = again ? backoff.delayNanos(call.nextRepeat()) : 0;
    // 5. A Retry-After the endpoint sent delays the attempt until then.
    wait = Math.max(wait, chosen.health().notBefore(now) - now);
    return Route.to(chosen, ticket, wait);
  }
}
