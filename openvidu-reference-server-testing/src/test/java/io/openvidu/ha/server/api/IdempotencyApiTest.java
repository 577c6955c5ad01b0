package io.openvidu.ha.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvidu.ha.server.testing.OpenViduClusterExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code Idempotency-Key} on POSTs: design §4 (shared state, idempotency). */
class IdempotencyApiTest {
  @RegisterExtension
  final OpenViduClusterExtension cluster = OpenViduClusterExtension.builder().masters(2).build();

  private ApiClient first;
  private ApiClient second;

  @BeforeEach
  void connect() {
    first = ApiClient.of(cluster.urlList().get(0), cluster.secret());
    second = ApiClient.of(cluster.urlList().get(1), cluster.secret());
  }

  @Test
  void repeatedKeyOnAnotherMasterReplaysTheFirstResponse() {
    ApiClient.Reply original =
        first.withHeader("Idempotency-Key", "k1").post("/openvidu/api/sessions", "{}");

    ApiClient.Reply repeat =
        second.withHeader("Idempotency-Key", "k1").post("/openvidu/api/sessions", "{}");

    assertThat(repeat.status()).isEqualTo(200);
    assertThat(repeat.body()).isEqualTo(original.body());
    assertThat(repeat.header(ApiResponse.REPLAYED_HEADER)).contains("true");
    assertThat(original.header(ApiResponse.REPLAYED_HEADER)).isEmpty();
    assertThat(first.get("/openvidu/api/sessions").json().get("numberOfElements").asInt())
        .isEqualTo(1);
  }

  @Test
  void everyApiAnswerAnnouncesThatKeysAreHonoured() {
    ApiClient anonymous = ApiClient.of(cluster.urlList().get(0), "wrong-secret");

    List<ApiClient.Reply> replies =
        List.of(
            first.post("/openvidu/api/sessions", "{}"),
            first.get("/openvidu/api/sessions"),
            first.get("/openvidu/api/sessions/none"),
            first.post("/openvidu/api/sessions", "not json"),
            anonymous.get("/openvidu/api/sessions"));

    assertThat(replies)
        .allSatisfy(
            reply ->
                assertThat(reply.header(IdempotentCalls.HONOURED_HEADER))
                    .as("answer %s", reply.status())
                    .contains("true"));
    assertThat(replies)
        .extracting(ApiClient.Reply::status)
        .containsExactly(200, 200, 404, 400, 401);
  }

  @Test
  void repeatedConnectionCreationMakesOneConnection() {
    first.post("/openvidu/api/sessions", "{\"customSessionId\":\"s1\"}");

    ApiClient.Reply a =
        first
            .withHeader("Idempotency-Key", "k2")
            .post("/openvidu/api/sessions/s1/connection", "{}");
    ApiClient.Reply b =
        second
            .withHeader("Idempotency-Key", "k2")
            .post("/openvidu/api/sessions/s1/connection", "{}");

    assertThat(b.json().get("id")).isEqualTo(a.json().get("id"));
    assertThat(
            first
                .get("/openvidu/api/sessions/s1/connection")
                .json()
                .get("numberOfElements")
                .asInt())
        .isEqualTo(1);
  }

  @Test
  void sameKeyWithAnotherRequestIs422() {
    first
        .withHeader("Idempotency-Key", "k3")
        .post("/openvidu/api/sessions", "{\"customSessionId\":\"a\"}");

    ApiClient.Reply reply =
        second
            .withHeader("Idempotency-Key", "k3")
            .post("/openvidu/api/sessions", "{\"customSessionId\":\"b\"}");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.json().get("message").asText()).contains("k3");
    assertThat(first.get("/openvidu/api/sessions/b").status()).isEqualTo(404);
  }

  @Test
  void errorAnswerIsReplayedToo() {
    first.post("/openvidu/api/sessions", "{\"customSessionId\":\"taken\"}");
    first
        .withHeader("Idempotency-Key", "k4")
        .post("/openvidu/api/sessions", "{\"customSessionId\":\"taken\"}");
    first.delete("/openvidu/api/sessions/taken");

    ApiClient.Reply repeat =
        second
            .withHeader("Idempotency-Key", "k4")
            .post("/openvidu/api/sessions", "{\"customSessionId\":\"taken\"}");

    assertThat(repeat.status()).isEqualTo(409);
    assertThat(first.get("/openvidu/api/sessions/taken").status()).isEqualTo(404);
  }

  @Test
  void keyLongerThan255CharactersIs400() {
    assertThat(
            first
                .withHeader("Idempotency-Key", "x".repeat(300))
                .post("/openvidu/api/sessions", "{}")
                .status())
        .isEqualTo(400);
  }

  @Test
  void concurrentRequestsWithOneKeyOnTwoMastersHaveOneSideEffectAndOneAnswer() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<ApiClient.Reply>> replies = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        ApiClient client = (i % 2 == 0 ? first : second).withHeader("Idempotency-Key", "k5");
        Callable<ApiClient.Reply> call =
            () -> {
              go.await();
              return client.post("/openvidu/api/sessions", "{}");
            };
        replies.add(pool.submit(call));
      }
      go.countDown();
      List<String> bodies = new ArrayList<>();
      for (Future<ApiClient.Reply> reply : replies) {
        bodies.add(reply.get(30, TimeUnit.SECONDS).body());
      }

      assertThat(bodies).hasSize(8).allMatch(b -> b.equals(bodies.get(0)));
      assertThat(first.get("/openvidu/api/sessions").json().get("numberOfElements").asInt())
          .isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
