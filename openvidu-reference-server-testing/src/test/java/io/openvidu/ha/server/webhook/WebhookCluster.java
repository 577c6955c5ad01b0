package io.openvidu.ha.server.webhook;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.openvidu.ha.server.api.ApiClient;
import io.openvidu.ha.server.cluster.OpenViduCluster;
import io.openvidu.ha.server.config.RuntimeConfig;
import io.openvidu.ha.server.rpc.SignalingSettings;
import io.openvidu.ha.server.testing.SimulatedParticipant;
import io.openvidu.ha.server.testing.WebhookReceiverServer;
import io.openvidu.java.client.webhook.MediaNodeStatusChangedEvent;
import io.openvidu.java.client.webhook.NodeCrashedEvent;
import io.openvidu.java.client.webhook.WebhookDelivery;
import io.openvidu.java.client.webhook.WebhookEvent;
import io.openvidu.java.client.webhook.WebhookException;
import io.openvidu.java.client.webhook.WebhookReceiver;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A cluster of in-memory masters posting its webhooks, signed and with a static header, to a real
 * HTTP receiver; what arrives is checked and read by the SDK's {@link WebhookReceiver} (signature,
 * header, repeats). Short timings: a dead master's queues are taken over after 3 s. Started before
 * each test (with webhooks on, once the starting media node's two events arrived), stopped after it
 * with its participants.
 */
final class WebhookCluster implements BeforeEachCallback, AfterEachCallback {

  static final String SECRET = "MY_SECRET";
  static final String SIGNING_SECRET = "whsk-test-5f1c";
  static final String AUTHORIZATION = "Bearer webhook-test-token";

  private final int masters;
  private UnaryOperator<WebhookSettings.Builder> change = UnaryOperator.identity();
  private UnaryOperator<SignalingSettings.Builder> signaling = UnaryOperator.identity();
  private UnaryOperator<OpenViduCluster.Builder> clusterChange = UnaryOperator.identity();
  private WebhookReceiverServer receiver;
  private OpenViduCluster cluster;
  private final List<SimulatedParticipant> participants = new CopyOnWriteArrayList<>();

  private WebhookCluster(int masters) {
    this.masters = masters;
  }

  static WebhookCluster withMasters(int masters) {
    return new WebhookCluster(masters);
  }

  /** Changes the webhook settings the cluster starts with. */
  WebhookCluster settings(UnaryOperator<WebhookSettings.Builder> change) {
    this.change = change;
    return this;
  }

  /** Changes the signalling settings the cluster starts with (e.g. a short reconnection grace). */
  WebhookCluster signaling(UnaryOperator<SignalingSettings.Builder> change) {
    this.signaling = change;
    return this;
  }

  /**
   * Changes the rest of what the cluster starts with (after the webhook and recording settings).
   */
  WebhookCluster configure(UnaryOperator<OpenViduCluster.Builder> change) {
    this.clusterChange = change;
    return this;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    receiver = new WebhookReceiverServer();
    WebhookSettings settings =
        change
            .apply(
                WebhookSettings.builder()
                    .endpoint(receiver.url())
                    .headers(List.of("Authorization: " + AUTHORIZATION))
                    .signingSecret(SIGNING_SECRET)
                    .timings(
                        Duration.ofMillis(500),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(3),
                        Duration.ofMillis(100)))
            .build();
    cluster =
        clusterChange
            .apply(
                OpenViduCluster.builder()
                    .masters(masters)
                    .secret(SECRET)
                    .webhook(settings)
                    .signaling(signaling.apply(SignalingSettings.builder()).build())
                    .recordingSettings(
                        io.openvidu.ha.server.recording.RecordingSettings.defaults()
                            .withProcessingTime(Duration.ofMillis(100))))
            .start();
    if (settings.endpoint() != null) {
      // The starting media node's launching and running are posted before the test begins, so
      // that no POST of them is in flight while a test holds or refuses the receiver.
      awaitNodeEventCount(2);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    participants.forEach(SimulatedParticipant::close);
    participants.clear();
    cluster.close();
    receiver.close();
  }

  WebhookReceiverServer receiver() {
    return receiver;
  }

  OpenViduCluster cluster() {
    return cluster;
  }

  ApiClient api(int master) {
    return ApiClient.of(cluster.master(master).url(), SECRET);
  }

  /** The outbox's queues that still hold events. */
  List<String> pendingQueues() {
    return cluster.store().atomically(tx -> tx.webhooks().queues());
  }

  /** A session created by {@code POST /sessions} through master {@code master}. */
  String createSession(int master) {
    return api(master).post("/openvidu/api/sessions", "{}").json().path("id").asText();
  }

  /** A pending connection created through master 0; returns it (id, token). */
  JsonNode createConnection(String sessionId) {
    return createConnection(sessionId, "PUBLISHER");
  }

  private JsonNode createConnection(String sessionId, String role) {
    return api(0)
        .post(
            "/openvidu/api/sessions/" + sessionId + "/connection",
            "{\"data\":\"server-data\",\"role\":\"" + role + "\"}")
        .json();
  }

  /** A participant of {@code sessionId} joined through master {@code master}. */
  SimulatedParticipant join(String sessionId, int master) {
    return join(sessionId, master, "PUBLISHER");
  }

  /** A participant with that role ({@code MODERATOR}, ...) joined through master {@code master}. */
  SimulatedParticipant join(String sessionId, int master, String role) {
    String token = createConnection(sessionId, role).path("token").asText();
    SimulatedParticipant participant =
        SimulatedParticipant.builder(token)
            .via(URI.create(cluster.master(master).url()))
            .metadata("client-data")
            .timeout(Duration.ofSeconds(10))
            .join();
    participants.add(participant);
    return participant;
  }

  /**
   * Every POST answered 200 so far, checked and read by the SDK's receiver, repeats dropped, in
   * arrival order.
   */
  List<WebhookEvent> events() {
    List<WebhookEvent> events = new ArrayList<>();
    WebhookReceiver sdk = newSdkReceiver();
    for (WebhookReceiverServer.Post post : receiver.acceptedPosts()) {
      WebhookDelivery delivery = receive(sdk, post);
      if (!delivery.isRepeat()) {
        events.add(delivery.event());
      }
    }
    return events;
  }

  /** The POSTs received about sessions (not the media-node events), answered or not. */
  List<WebhookReceiverServer.Post> sessionPosts() {
    return receiver.posts().stream()
        .filter(p -> new String(p.body(), StandardCharsets.UTF_8).contains("\"sessionId\""))
        .toList();
  }

  /** The events of one session, in arrival order. */
  List<WebhookEvent> events(String sessionId) {
    return events().stream()
        .filter(
            e ->
                e instanceof io.openvidu.java.client.webhook.SessionEvent s
                    && s.sessionId().equals(sessionId))
        .toList();
  }

  /** Waits until the session's events, by name, are exactly {@code names}. */
  List<WebhookEvent> awaitEvents(String sessionId, List<String> names) {
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> events(sessionId).stream().map(WebhookEvent::name).toList(), names::equals);
    return events(sessionId);
  }

  /**
   * The media-node events ({@code mediaNodeStatusChanged}, {@code nodeCrashed}), in arrival order.
   */
  List<WebhookEvent> nodeEvents() {
    return events().stream()
        .filter(e -> e instanceof MediaNodeStatusChangedEvent || e instanceof NodeCrashedEvent)
        .toList();
  }

  /** Waits until there are at least {@code count} media-node events. */
  List<WebhookEvent> awaitNodeEventCount(int count) {
    await().atMost(Duration.ofSeconds(15)).until(() -> nodeEvents().size() >= count);
    return nodeEvents();
  }

  /** Changes the cluster's configuration as {@code POST /openvidu/api/restart} would. */
  void configure(String property, double value) {
    cluster
        .store()
        .atomically(
            tx -> {
              RuntimeConfig.apply(tx, JsonNodeFactory.instance.objectNode().put(property, value));
              return null;
            });
  }

  /** Waits until the session has at least {@code count} events. */
  List<WebhookEvent> awaitEventCount(String sessionId, int count) {
    await().atMost(Duration.ofSeconds(15)).until(() -> events(sessionId).size() >= count);
    return events(sessionId);
  }

  /** A receiver as a backend would have: each call of {@link #events()} reads every POST anew. */
  private static WebhookReceiver newSdkReceiver() {
    return WebhookReceiver.builder()
        .requireHeader("Authorization", AUTHORIZATION)
        .signingSecret(SIGNING_SECRET)
        .build();
  }

  private static WebhookDelivery receive(WebhookReceiver sdk, WebhookReceiverServer.Post post) {
    try {
      return sdk.receive(post.body(), post.headers());
    } catch (WebhookException e) {
      throw new AssertionError("the SDK's receiver rejected a POST: " + e.getMessage(), e);
    }
  }
}
