package io.openvidu.ha.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvidu.ha.server.store.StoreUnavailableException;
import io.openvidu.ha.server.testing.RedisServerExtension;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A cluster that starts while its Redis cannot be reached (restarting, or failing over) waits for
 * it, within its patience, instead of failing at once.
 */
class StoreAtStartTest {
  @RegisterExtension RedisServerExtension redis = new RedisServerExtension();

  @Test
  void aClusterStartedWhileRedisIsDownServesOnceRedisIsBack() throws Exception {
    redis.stop();
    CompletableFuture<OpenViduCluster> starting;
    // Where Redis listened, a socket that hangs up on whoever connects: the start meets a store
    // that does not answer, and the test knows when it has.
    try (ServerSocket hangingUp =
        new ServerSocket(redis.port(), 50, InetAddress.getLoopbackAddress())) {
      starting =
          CompletableFuture.supplyAsync(
              () ->
                  OpenViduCluster.builder()
                      .store(redis.uri())
                      .mediaNodes(2)
                      .recordingWarmUp(false)
                      .start());
      hangingUp.accept().close();
    }
    assertThat(starting).isNotDone();

    redis.start();

    try (OpenViduCluster cluster = starting.get(30, TimeUnit.SECONDS)) {
      assertThat(cluster.mediaNodes().list()).hasSize(2);
    }
  }

  @Test
  void aClusterGivesUpOnAStoreThatStaysAwayPastItsPatience() {
    redis.stop();
    long started = System.nanoTime();

    assertThatThrownBy(
            () ->
                OpenViduCluster.builder()
                    .store(redis.uri())
                    .storePatienceAtStart(Duration.ofMillis(300))
                    .recordingWarmUp(false)
                    .start())
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("cannot connect to Redis at 127.0.0.1:" + redis.port());
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }
}
