package io.openvidu.ha.server.api;

import io.openvidu.ha.server.config.ClusterSettings;
import io.openvidu.ha.server.store.ClusterStore;
import java.util.Objects;

/**
 * What a master's REST handlers work with: the shared store, the cluster settings and this master's
 * id.
 */
public record ApiContext(ClusterStore store, ClusterSettings settings, String masterId) {
  public ApiContext {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(masterId, "masterId");
  }
}
