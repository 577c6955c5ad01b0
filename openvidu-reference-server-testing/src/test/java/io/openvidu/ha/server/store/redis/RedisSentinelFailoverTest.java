package io.openvidu.ha.server.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.openvidu.ha.server.store.ClusterStore;
import io.openvidu.ha.server.store.SessionState;
import io.openvidu.ha.server.store.StoreUnavailableException;
import io.openvidu.ha.server.testing.RedisSentinelExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store over Redis Sentinel when the primary dies (SIGKILL) under load: it follows the failover
 * by itself and nothing it acknowledged is lost.
 */
class RedisSentinelFailoverTest {
  @RegisterExtension RedisSentinelExtension redis = new RedisSentinelExtension();

  @Test
  void primaryKilledMidLoadLosesNoAcknowledgedCommitAndTheStoreFollowsTheNewPrimary()
      throws Exception {
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicBoolean running = new AtomicBoolean(true);
    try (ClusterStore store = ClusterStore.over(RedisDocumentStore.connect(redis.uri()), "f:")) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<?>> writers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        writers.add(
            pool.submit(
                () -> {
                  for (int i = 0; running.get(); i++) {
                    String id = "s" + thread + "_" + i;
                    try {
                      store.atomically(
                          tx -> tx.sessions().create(SessionState.builder().id(id).build()));
                      acknowledged.add(id);
                    } catch (StoreUnavailableException e) {
                      // not acknowledged: may or may not be stored
                    }
                  }
                  return null;
                }));
      }
      awaitSize(acknowledged, 200);
      int oldPrimary = redis.killPrimary();
      int atKill = acknowledged.size();
      redis.awaitFailover(oldPrimary);
      awaitSize(acknowledged, atKill + 200);
      running.set(false);
      for (Future<?> writer : writers) {
        writer.get(30, TimeUnit.SECONDS);
      }
      pool.shutdown();

      List<String> stored =
          store.atomically(tx -> tx.sessions().list()).stream().map(SessionState::id).toList();
      assertThat(stored).doesNotHaveDuplicates().containsAll(acknowledged);
    }
  }

  private static void awaitSize(Set<String> set, int size) {
    await().atMost(Duration.ofSeconds(30)).until(() -> set.size() >= size);
  }
}
