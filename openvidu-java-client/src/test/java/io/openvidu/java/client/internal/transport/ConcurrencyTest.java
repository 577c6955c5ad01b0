package io.openvidu.java.client.internal.transport;

import static io.openvidu.java.client.internal.transport.TransportFixture.base;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Synchronous calls from many threads run in parallel on one shared transport. */
class ConcurrencyTest {

  private static final int THREADS = 64;

  @RegisterExtension final TransportFixture fixture = new TransportFixture();

  @Test
  void sixtyFourCallsAreInFlightAtOnce() throws Exception {
    // The server answers only once all 64 requests have arrived: if the transport queued calls per
    // host
    // or held too few connections, the requests would not all be in flight together and the server
    // would answer "apart" after its wait.
    CountDownLatch allArrived = new CountDownLatch(THREADS);
    MockWebServer server = fixture.server();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            allArrived.countDown();
            boolean together = allArrived.await(10, TimeUnit.SECONDS);
            return Responses.ok(together ? "together" : "apart");
          }
        });
    Transport transport =
        fixture.transport(
            fixture
                .settings(base(server))
                .attemptTimeout(Duration.ofSeconds(15))
                .callTimeout(Duration.ofSeconds(15)));
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<ApiResponse>> calls = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        calls.add(pool.submit(() -> transport.execute(Responses.get())));
      }

      for (Future<ApiResponse> call : calls) {
        assertThat(call.get(20, TimeUnit.SECONDS).bodyAsString()).isEqualTo("together");
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
