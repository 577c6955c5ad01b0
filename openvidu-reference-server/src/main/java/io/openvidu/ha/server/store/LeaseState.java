package io.openvidu.ha.server.store;

import java.util.Map;
import java.util.Objects;

/**
 * A lease: {@code holder} (a master id) owns {@code id} until {@code expiresAt} (epoch ms) unless
 * it renews it. Used for participants whose socket closed or whose master died: when the lease
 * expires without a reconnection, whichever master claims the expired lease first evicts the
 * participant. {@code attributes} carry what the claimer needs (e.g. session and connection ids).
 * Immutable.
 */
public record LeaseState(String id, String holder, long expiresAt, Map<String, String> attributes) {

  public LeaseState {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(holder, "holder");
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  /** Whether the lease has run out at {@code now}. */
  public boolean isExpired(long now) {
    return expiresAt <= now;
  }
}
