package io.openvidu.ha.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvidu.ha.server.store.ClusterEvent;
import io.openvidu.ha.server.store.EventOperations;
import io.openvidu.ha.server.store.Subscription;
import io.openvidu.ha.server.testing.OpenViduClusterExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /openvidu/api/signal}: rest-api.md §5.13. */
class SignalApiTest {
  @RegisterExtension
  final OpenViduClusterExtension cluster = OpenViduClusterExtension.builder().build();

  private final List<ClusterEvent> events = new CopyOnWriteArrayList<>();
  private ApiClient api;
  private Participants participants;
  private Subscription subscription;

  @BeforeEach
  void createSession() {
    api = ApiClient.of(cluster.urlList().get(0), cluster.secret());
    participants = new Participants(cluster.cluster().store());
    subscription = cluster.cluster().store().subscribe(EventOperations.BROADCAST, events::add);
    api.post("/openvidu/api/sessions", "{\"customSessionId\":\"s1\"}");
  }

  @AfterEach
  void unsubscribe() {
    subscription.close();
  }

  @Test
  void signalToOneParticipantIsPublishedForItsMaster() {
    String a = joined();
    joined();

    ApiClient.Reply reply =
        api.post(
            "/openvidu/api/signal",
            "{\"session\":\"s1\",\"to\":[\"" + a + "\"],\"type\":\"chat\",\"data\":\"hello\"}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEmpty();
    await().atMost(Duration.ofSeconds(5)).until(() -> !events.isEmpty());
    ClusterEvent event = events.get(0);
    assertThat(event.type()).isEqualTo(ClusterEvent.SIGNAL);
    assertThat(event.connectionIds()).containsExactly(a);
    assertThat(event.data().toString()).isEqualTo("{\"data\":\"hello\",\"type\":\"chat\"}");
  }

  @Test
  void broadcastSignalIsAddressedToEveryParticipant() {
    String a = joined();
    String b = joined();

    api.post("/openvidu/api/signal", "{\"session\":\"s1\"}");

    await().atMost(Duration.ofSeconds(5)).until(() -> !events.isEmpty());
    assertThat(events.get(0).connectionIds()).containsExactlyInAnyOrder(a, b);
    assertThat(events.get(0).data().size()).isZero();
  }

  @Test
  void signalWithAnyUnknownRecipientIs406AndSendsNothing() {
    String a = joined();

    ApiClient.Reply reply =
        api.post("/openvidu/api/signal", "{\"session\":\"s1\",\"to\":[\"" + a + "\",\"con_X\"]}");
    api.post("/openvidu/api/signal", "{\"session\":\"s1\",\"type\":\"marker\"}");

    assertThat(reply.status()).isEqualTo(406);
    assertThat(reply.json().get("message").asText())
        .isEqualTo("\"to\" array has no valid connection identifiers");
    await().atMost(Duration.ofSeconds(5)).until(() -> !events.isEmpty());
    assertThat(events).extracting(e -> e.data().path("type").asText()).containsExactly("marker");
  }

  @Test
  void signalToNullRecipientIs406() {
    joined();

    assertThat(api.post("/openvidu/api/signal", "{\"session\":\"s1\",\"to\":[null]}").status())
        .isEqualTo(406);
  }

  @Test
  void signalToInactiveSessionIs406WithEmptyBody() {
    ApiClient.Reply reply = api.post("/openvidu/api/signal", "{\"session\":\"s1\"}");

    assertThat(reply.status()).isEqualTo(406);
    assertThat(reply.body()).isEmpty();
  }

  @Test
  void signalToUnknownSessionIs404() {
    assertThat(api.post("/openvidu/api/signal", "{\"session\":\"nope\"}").status()).isEqualTo(404);
  }

  @Test
  void signalWithWrongTypesIs400() {
    joined();

    for (String body :
        List.of(
            "{\"session\":true}",
            "{\"session\":\"s1\",\"to\":12}",
            "{\"session\":\"s1\",\"data\":false}",
            "{\"session\":\"s1\",\"type\":true}",
            "{}")) {
      assertThat(api.post("/openvidu/api/signal", body).status()).as(body).isEqualTo(400);
    }
  }

  private String joined() {
    JsonNode c = api.post("/openvidu/api/sessions/s1/connection", "{}").json();
    participants.join("s1", c.get("token").asText());
    return c.get("id").asText();
  }
}
