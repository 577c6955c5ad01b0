package io.openvidu.ha.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvidu.ha.server.testing.OpenViduClusterExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Several masters over one store: any master serves any call (design §4). */
class MultiMasterApiTest {
  @RegisterExtension
  final OpenViduClusterExtension cluster = OpenViduClusterExtension.builder().masters(3).build();

  @Test
  void sameCustomSessionIdFromSixteenThreadsAcrossMastersHasExactlyOneWinner() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> statuses = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        ApiClient client = master(i % 3);
        Callable<Integer> call =
            () -> {
              go.await();
              return client
                  .post("/openvidu/api/sessions", "{\"customSessionId\":\"contended\"}")
                  .status();
            };
        statuses.add(pool.submit(call));
      }
      go.countDown();
      List<Integer> results = new ArrayList<>();
      for (Future<Integer> status : statuses) {
        results.add(status.get(30, TimeUnit.SECONDS));
      }

      assertThat(results).containsOnlyOnce(200);
      assertThat(results).filteredOn(s -> s != 200).hasSize(15).containsOnly(409);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void stateWrittenThroughOneMasterIsReadThroughAnother() {
    master(0).post("/openvidu/api/sessions", "{\"customSessionId\":\"s1\"}");
    String connectionId =
        master(1).post("/openvidu/api/sessions/s1/connection", "{}").json().get("id").asText();

    ApiClient.Reply reply = master(2).get("/openvidu/api/sessions/s1/connection/" + connectionId);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("status").asText()).isEqualTo("pending");
  }

  @Test
  void stoppedMasterRefusesConnectionsWhileTheOthersServeEverything() {
    master(0).post("/openvidu/api/sessions", "{\"customSessionId\":\"s1\"}");

    cluster.master(0).stop();

    assertThat(master(1).get("/openvidu/api/sessions/s1").status()).isEqualTo(200);
    assertThat(master(2).delete("/openvidu/api/sessions/s1").status()).isEqualTo(204);
  }

  @Test
  void restartedMasterServesAgainOnItsPort() {
    master(0).post("/openvidu/api/sessions", "{\"customSessionId\":\"s1\"}");

    cluster.master(0).restart();

    assertThat(master(0).get("/openvidu/api/sessions/s1").status()).isEqualTo(200);
  }

  @Test
  void hungMasterAnswersNothingUntilResumed() throws Exception {
    cluster.master(1).hang();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<ApiClient.Reply> pending = pool.submit(() -> master(1).get("/openvidu/api/sessions"));

      assertThat(master(0).get("/openvidu/api/sessions").status()).isEqualTo(200);
      assertThatThrownBy(() -> pending.get(300, TimeUnit.MILLISECONDS))
          .isInstanceOf(TimeoutException.class);

      cluster.master(1).resume();
      assertThat(pending.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
    } finally {
      pool.shutdownNow();
    }
  }

  private ApiClient master(int index) {
    return ApiClient.of(cluster.urlList().get(index), cluster.secret());
  }
}
