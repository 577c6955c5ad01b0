package io.openvidu.java.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A session shared by several threads loses none of their writes. */
@ExtendWith(MockOpenViduExtension.class)
class SessionConcurrencyTest {

  private static final int THREADS = 8;
  private static final int CONNECTIONS_PER_THREAD = 10;

  @Test
  void connectionsCreatedFromSeveralThreadsAreAllKept(MockOpenVidu mock) throws Exception {
    Session session = mock.createExampleSession();
    AtomicInteger nextId = new AtomicInteger();
    mock.server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String id = "con_" + nextId.incrementAndGet();
            return new MockResponse.Builder()
                .code(200)
                .body(
                    SpecExamples.pendingConnection()
                        .put("id", id)
                        .put("connectionId", id)
                        .toString())
                .build();
          }
        });
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> workers = new ArrayList<>();
    try {
      for (int t = 0; t < THREADS; t++) {
        workers.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < CONNECTIONS_PER_THREAD; i++) {
                    session.createConnection();
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> worker : workers) {
        worker.get(10, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(session.getConnections()).hasSize(THREADS * CONNECTIONS_PER_THREAD);
  }
}
