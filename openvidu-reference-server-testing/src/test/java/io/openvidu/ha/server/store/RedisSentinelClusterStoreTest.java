package io.openvidu.ha.server.store;

import io.openvidu.ha.server.store.redis.RedisDocumentStore;
import io.openvidu.ha.server.testing.RedisSentinelExtension;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store contract over Redis with Sentinel (a primary, a replica, three sentinels): found
 * through the sentinels, every commit waiting for the replica.
 */
class RedisSentinelClusterStoreTest extends ClusterStoreContract {
  @RegisterExtension static RedisSentinelExtension redis = new RedisSentinelExtension();

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
