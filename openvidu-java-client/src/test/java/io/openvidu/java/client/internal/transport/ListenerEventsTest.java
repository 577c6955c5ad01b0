package io.openvidu.java.client.internal.transport;

import static io.openvidu.java.client.internal.transport.TransportFixture.base;
import static io.openvidu.java.client.internal.transport.TransportFixture.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvidu.java.client.OpenViduJavaClientException;
import io.openvidu.java.client.internal.transport.endpoints.Responsiveness;
import io.openvidu.java.client.transport.CallEnded;
import io.openvidu.java.client.transport.OpenViduEventListener;
import io.openvidu.java.client.transport.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The events a user builds metrics on: one {@code callEnded} per call (operation, endpoint,
 * attempts, latency on the transport's clock, outcome), and an endpoint going silent and answering
 * again, each once.
 */
@Timeout(30) // a guard against hangs, not a speed requirement
class ListenerEventsTest {

  @RegisterExtension final TransportFixture fixture = new TransportFixture();

  private final Events events = new Events();
  private final ExecutorService callers = Executors.newCachedThreadPool();

  @AfterEach
  void stopCallers() {
    callers.shutdownNow();
  }

  private Transport transport(HttpUrl... endpoints) {
    return fixture.transport(fixture.settings(endpoints).listener(events));
  }

  @Test
  void anAnsweredCallReportsItsOperationEndpointAttemptsAndLatency() throws Exception {
    MockWebServer server = fixture.server();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            fixture.time().advance(Duration.ofHours(1)); // the call takes an hour by the clock
            return Responses.ok("{}");
          }
        });

    transport(base(server)).execute(Responses.get());

    CallEnded ended = events.onlyCallEnded();
    assertThat(ended.operation()).isEqualTo("fetch");
    assertThat(ended.endpoint()).isEqualTo(name(server));
    assertThat(ended.attempts()).isEqualTo(1);
    assertThat(ended.latency())
        .isGreaterThanOrEqualTo(Duration.ofHours(1))
        .isLessThan(Duration.ofHours(2));
    assertThat(ended.outcome()).isEqualTo(CallEnded.Outcome.SUCCEEDED);
    assertThat(ended.status()).isEqualTo(200);
  }

  @Test
  void aCallThatFailedOverReportsTheEndpointThatAnsweredAndEveryAttempt() throws Exception {
    HttpUrl refusing = fixture.closedPort();
    MockWebServer healthy = fixture.server(Responses.ok("{}"));

    transport(refusing, base(healthy)).execute(Responses.post());

    CallEnded ended = events.onlyCallEnded();
    assertThat(ended.endpoint()).isEqualTo(name(healthy));
    assertThat(ended.attempts()).isEqualTo(2);
    assertThat(ended.outcome()).isEqualTo(CallEnded.Outcome.SUCCEEDED);
  }

  @Test
  void anErrorStatusIsReportedWithItsStatus() throws Exception {
    MockWebServer server = fixture.server(Responses.status(404));

    transport(base(server)).execute(Responses.get());

    assertThat(events.onlyCallEnded().outcome()).isEqualTo(CallEnded.Outcome.ERROR_STATUS);
    assertThat(events.onlyCallEnded().status()).isEqualTo(404);
  }

  @Test
  void aCallWithoutAnAnswerIsReportedFailed() {
    HttpUrl refusing = fixture.closedPort();
    Transport transport =
        fixture.transport(
            fixture.settings(refusing).listener(events).retryPolicy(RetryPolicy.noRetries()));

    assertThatThrownBy(() -> transport.execute(Responses.get()))
        .isInstanceOf(OpenViduJavaClientException.class);

    CallEnded ended = events.onlyCallEnded();
    assertThat(ended.outcome()).isEqualTo(CallEnded.Outcome.FAILED);
    assertThat(ended.status()).isZero();
    assertThat(ended.endpoint()).isEqualTo(Endpoints.name(refusing));
    assertThat(ended.attempts()).isEqualTo(1);
  }

  @Test
  void aMasterThatGoesSilentAndAnswersItsProbeIsReportedOnceEach() throws Exception {
    HoldingDispatcher busy =
        new HoldingDispatcher(
            request -> request.getTarget().startsWith("/openvidu/api/recordings/start"));
    MockWebServer master = fixture.server();
    master.setDispatcher(busy);
    MockWebServer other = fixture.server();
    other.setDispatcher(new HoldingDispatcher(request -> false));
    Transport transport = transport(base(master), base(other));
    Future<ApiResponse> recording = callers.submit(() -> transport.execute(Responses.post()));
    busy.awaitRequest();
    fixture.time().advance(Duration.ofMillis(Responsiveness.SILENCE_THRESHOLD_MILLIS + 1));

    transport.execute(Responses.get()); // sees the silence, sends the probe

    assertThat(events.next()).isEqualTo("silent " + name(master));
    assertThat(events.next()).isEqualTo("answers again " + name(master));
    transport.execute(Responses.get());
    busy.release();
    recording.get(10, TimeUnit.SECONDS);
    assertThat(events.endpointEvents())
        .containsExactly("silent " + name(master), "answers again " + name(master));
  }

  /** How the transport names a base URL. */
  private static final class Endpoints {
    static String name(HttpUrl url) {
      String text = url.toString();
      return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
  }

  /** Records the events of these tests. Thread-safe. */
  private static final class Events implements OpenViduEventListener {
    private final List<CallEnded> calls = new ArrayList<>();
    private final List<String> endpointEvents = new ArrayList<>();
    private final BlockingQueue<String> arrivals = new LinkedBlockingQueue<>();

    @Override
    public synchronized void callEnded(CallEnded call) {
      calls.add(call);
    }

    @Override
    public void endpointSilent(String endpoint) {
      endpoint("silent " + endpoint);
    }

    @Override
    public void endpointAnswersAgain(String endpoint) {
      endpoint("answers again " + endpoint);
    }

    private synchronized void endpoint(String event) {
      endpointEvents.add(event);
      arrivals.add(event);
    }

    synchronized CallEnded onlyCallEnded() {
      assertThat(calls).hasSize(1);
      return calls.get(0);
    }

    synchronized List<String> endpointEvents() {
      return new ArrayList<>(endpointEvents);
    }

    /** The next endpoint event, waiting up to five seconds for it. */
    String next() throws InterruptedException {
      String event = arrivals.poll(5, TimeUnit.SECONDS);
      assertThat(event).as("an endpoint event within five seconds").isNotNull();
      return event;
    }
  }
}
