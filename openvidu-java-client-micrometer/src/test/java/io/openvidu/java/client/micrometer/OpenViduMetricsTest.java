package io.openvidu.java.client.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.openvidu.java.client.OpenVidu;
import io.openvidu.java.client.OpenViduHttpException;
import io.openvidu.java.client.transport.BalancingPolicy;
import io.openvidu.java.client.transport.CallEnded;
import io.openvidu.java.client.transport.OpenViduEventListener;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The meters after a scripted failover: the first of two masters refuses connections (its port is
 * closed), the second answers; the client tries the first first ({@link
 * BalancingPolicy#PRIMARY_FIRST}).
 */
class OpenViduMetricsTest {

  private static final String SESSION =
      "{\"id\":\"ses_YnDaGYNcd7\",\"object\":\"session\",\"sessionId\":\"ses_YnDaGYNcd7\","
          + "\"createdAt\":1538481996019,\"mediaMode\":\"ROUTED\",\"recordingMode\":\"MANUAL\","
          + "\"defaultRecordingProperties\":{\"name\":\"\",\"hasAudio\":true,\"hasVideo\":true,"
          + "\"outputMode\":\"COMPOSED\",\"recordingLayout\":\"BEST_FIT\","
          + "\"resolution\":\"1280x720\",\"frameRate\":25,\"shmSize\":536870912},"
          + "\"customSessionId\":\"\",\"connections\":{\"numberOfElements\":0,\"content\":[]},"
          + "\"recording\":false,\"forcedVideoCodec\":\"VP8\",\"allowTranscoding\":false}";

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<CallEnded> forwarded = new ArrayList<>();
  private final MockWebServer alive = new MockWebServer();
  private String dead;
  private String live;
  private OpenVidu openVidu;

  @BeforeEach
  void start() throws Exception {
    alive.start(InetAddress.getLoopbackAddress(), 0);
    live = "http://127.0.0.1:" + alive.getPort();
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      dead = "http://127.0.0.1:" + closed.getLocalPort();
    }
    OpenViduMetrics metrics =
        OpenViduMetrics.builder(registry)
            .tags(Tags.of("client", "test"))
            .forwardingTo(
                new OpenViduEventListener() {
                  @Override
                  public void callEnded(CallEnded call) {
                    forwarded.add(call);
                  }
                })
            .build();
    openVidu =
        new OpenVidu.Builder()
            .endpoints(dead, live)
            .secret("MY_SECRET")
            .balancingPolicy(BalancingPolicy.PRIMARY_FIRST)
            .callTimeout(Duration.ofSeconds(5))
            .attemptTimeout(Duration.ofSeconds(5))
            .eventListener(metrics)
            .build();
  }

  @AfterEach
  void stop() {
    openVidu.close();
    alive.close();
  }

  @Test
  void aFailoverIsCountedWhereItHappened() throws Exception {
    alive.enqueue(json(200, SESSION));

    openVidu.createSession();

    assertThat(count(OpenViduMetrics.ATTEMPTS, "endpoint", dead)).isEqualTo(1);
    assertThat(count(OpenViduMetrics.ATTEMPTS, "endpoint", live)).isEqualTo(1);
    assertThat(
            registry
                .get(OpenViduMetrics.ATTEMPT_FAILURES)
                .tags("endpoint", dead, "kind", "not_sent", "operation", "createSession")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(count(OpenViduMetrics.FAILOVERS, "endpoint", live)).isEqualTo(1);
    assertThat(registry.find(OpenViduMetrics.FAILOVERS).tags("endpoint", dead).counter()).isNull();
    assertThat(count(OpenViduMetrics.EJECTIONS, "endpoint", dead)).isEqualTo(1);
  }

  @Test
  void theCallIsTimedOnceOnTheEndpointThatAnsweredWithItsOutcome() throws Exception {
    alive.enqueue(json(200, SESSION));

    openVidu.createSession();

    Timer timer =
        registry
            .get(OpenViduMetrics.CALLS)
            .tags(
                "operation", "createSession",
                "endpoint", live,
                "outcome", "succeeded",
                "status", "200",
                "client", "test")
            .timer();
    assertThat(timer.count()).isEqualTo(1);
    assertThat(timer.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
    assertThat(registry.get(OpenViduMetrics.CALLS).timers()).hasSize(1);
    assertThat(forwarded).hasSize(1);
  }

  @Test
  void theEjectedEndpointsGaugeSaysSoAndTheOtherIsAvailable() throws Exception {
    alive.enqueue(json(200, SESSION));

    openVidu.createSession();

    assertThat(gauge(dead)).isEqualTo(2.0);
    assertThat(gauge(live)).isEqualTo(0.0);
  }

  @Test
  void aRefusalIsAnErrorStatusWithItsStatusAndLaterCallsSkipTheEjectedEndpoint() throws Exception {
    alive.enqueue(json(200, SESSION));
    alive.enqueue(new MockResponse.Builder().code(404).build());
    openVidu.createSession();

    assertThatThrownBy(() -> openVidu.getRecording("nothing"))
        .isInstanceOf(OpenViduHttpException.class);

    assertThat(
            registry
                .get(OpenViduMetrics.CALLS)
                .tags("operation", "getRecording", "outcome", "error_status", "status", "404")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(count(OpenViduMetrics.ATTEMPTS, "endpoint", dead)).isEqualTo(1);
    assertThat(count(OpenViduMetrics.ATTEMPTS, "endpoint", live)).isEqualTo(2);
  }

  @Test
  void silenceAndHedgesAreReportedPerEndpoint() {
    OpenViduMetrics metrics = OpenViduMetrics.of(registry);

    metrics.attemptStarted(live, "getSession", 1);
    metrics.endpointSilent(live);
    metrics.hedgeStarted(dead, "getSession", 2);

    assertThat(gauge(live)).isEqualTo(1.0);
    assertThat(metrics.endpointState(live)).isEqualTo(OpenViduMetrics.EndpointState.SILENT);
    assertThat(count(OpenViduMetrics.HEDGES, "endpoint", dead)).isEqualTo(1);
    assertThat(count(OpenViduMetrics.ATTEMPTS, "endpoint", dead)).isEqualTo(1);
    assertThat(registry.find(OpenViduMetrics.FAILOVERS).counter()).isNull();
    metrics.endpointAnswersAgain(live);
    assertThat(gauge(live)).isEqualTo(0.0);
  }

  @Test
  void aCancelledCallIsTimedWithTheCancelledOutcome() throws Exception {
    BlockingQueue<CallEnded> ended = new LinkedBlockingQueue<>();
    // A bound socket nobody accepts from: the kernel completes the handshake, nothing answers.
    try (ServerSocket frozen = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      String endpoint = "http://127.0.0.1:" + frozen.getLocalPort();
      OpenVidu client =
          new OpenVidu.Builder()
              .endpoints(endpoint)
              .secret("MY_SECRET")
              .eventListener(
                  OpenViduMetrics.builder(registry)
                      .forwardingTo(
                          new OpenViduEventListener() {
                            @Override
                            public void callEnded(CallEnded call) {
                              ended.add(call);
                            }
                          })
                      .build())
              .build();
      try {
        CompletableFuture<?> call = client.async().listRecordings();

        call.cancel(true);

        CallEnded end = ended.poll(10, TimeUnit.SECONDS);
        assertThat(end).isNotNull();
        assertThat(end.outcome()).isEqualTo(CallEnded.Outcome.CANCELLED);
        Timer timer =
            registry
                .get(OpenViduMetrics.CALLS)
                .tags("operation", "listRecordings", "outcome", "cancelled", "status", "0")
                .timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(registry.find(OpenViduMetrics.ATTEMPT_FAILURES).counter())
            .as("a cancelled attempt is not a failure")
            .isNull();
      } finally {
        client.close();
      }
    }
  }

  private double count(String name, String tag, String value) {
    return registry.get(name).tags(tag, value).counters().stream()
        .mapToDouble(c -> c.count())
        .sum();
  }

  private double gauge(String endpoint) {
    return registry.get(OpenViduMetrics.ENDPOINT_STATE).tags("endpoint", endpoint).gauge().value();
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }
}
