package io.openvidu.ha.server.store;

import io.openvidu.ha.server.store.redis.RedisDocumentStore;
import io.openvidu.ha.server.testing.RedisServerExtension;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store contract over a real Redis; each test uses its own key prefix on one shared server. */
class RedisClusterStoreTest extends ClusterStoreContract {
  @RegisterExtension static RedisServerExtension redis = new RedisServerExtension();

  private String prefix;

  @Override
  protected ClusterStore newStore() {
    prefix = "t" + UUID.randomUUID() + ":";
    return ClusterStore.over(RedisDocumentStore.connect(redis.uri()), prefix);
  }

  @Override
  protected ClusterStore newStoreSharingState() {
    return ClusterStore.over(RedisDocumentStore.connect(redis.uri()), prefix);
  }
}
