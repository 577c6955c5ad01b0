package io.openvidu.ha.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvidu.ha.server.testing.OpenViduClusterExtension;
import io.openvidu.ha.server.testing.RedisServerExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A store answer lost after the command ran (Redis restarting, a connection reset) must not be
 * reported as "nothing happened": 503 tells clients the request was not processed, so a DELETE that
 * did run would be retried into a 404 and reported as failed. Found by the integration tests' Redis
 * restart under load (issue #6).
 */
class LostStoreAnswerTest {
  @RegisterExtension
  @Order(1)
  static final RedisServerExtension redis = new RedisServerExtension();

  @RegisterExtension
  @Order(2)
  static final ReplyDroppingProxy proxy = new ReplyDroppingProxy(redis::port);

  @RegisterExtension
  @Order(3)
  static final OpenViduClusterExtension cluster =
      OpenViduClusterExtension.builder().store(proxy::uri).build();

  @Test
  void changeWhoseConfirmationIsLostAnswers504AndWasApplied() {
    ApiClient api = ApiClient.of(cluster.urls(), cluster.secret());
    api.post("/openvidu/api/sessions", "{\"customSessionId\":\"lost-confirmation\"}");
    // The commit's JSON carries its writes ("w") and the session's key.
    proxy.dropReplyToNextRequestContaining("\"w\"", "lost-confirmation");

    ApiClient.Reply reply = api.delete("/openvidu/api/sessions/lost-confirmation");

    assertThat(reply.status()).isEqualTo(504);
    assertThat(reply.json().get("message").asText()).contains("may have been applied");
    assertThat(api.get("/openvidu/api/sessions/lost-confirmation").status()).isEqualTo(404);
  }

  @Test
  void changeWhoseConnectionClosedBeforeTheAnswerIsAppliedOnceAndAnswered() {
    ApiClient api = ApiClient.of(cluster.urls(), cluster.secret());
    api.post("/openvidu/api/sessions", "{\"customSessionId\":\"closed-before-answer\"}");
    // Lettuce sends the unanswered command again once reconnected: its second run must not undo the
    // answer.
    proxy.closeInsteadOfReplyingToNextRequestContaining("\"w\"", "closed-before-answer");

    ApiClient.Reply reply = api.delete("/openvidu/api/sessions/closed-before-answer");

    assertThat(reply.status()).isEqualTo(204);
    assertThat(api.get("/openvidu/api/sessions/closed-before-answer").status()).isEqualTo(404);
  }

  @Test
  void readWhoseAnswerIsLostAnswers503() {
    ApiClient api = ApiClient.of(cluster.urls(), cluster.secret());
    api.post("/openvidu/api/sessions", "{\"customSessionId\":\"lost-read\"}");
    proxy.dropReplyToNextRequestContaining("EVALSHA", "lost-read");

    ApiClient.Reply reply = api.get("/openvidu/api/sessions/lost-read");

    assertThat(reply.status()).isEqualTo(503);
    assertThat(api.get("/openvidu/api/sessions/lost-read").status()).isEqualTo(200);
  }
}
