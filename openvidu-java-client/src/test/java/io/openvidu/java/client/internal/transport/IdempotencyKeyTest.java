package io.openvidu.java.client.internal.transport;

import static io.openvidu.java.client.internal.transport.Responses.dropAfterRequest;
import static io.openvidu.java.client.internal.transport.Responses.ok;
import static io.openvidu.java.client.internal.transport.TransportFixture.base;
import static org.assertj.core.api.Assertions.assertThat;

import io.openvidu.java.client.internal.transport.policy.IdempotencyKeys;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every POST carries one {@code Idempotency-Key} per logical call, the same on each of its
 * attempts.
 */
class IdempotencyKeyTest {

  @RegisterExtension final TransportFixture fixture = new TransportFixture();

  @Test
  void everyAttemptOfOneCallCarriesTheSameKey() throws Exception {
    MockWebServer first = fixture.server(dropAfterRequest());
    MockWebServer second = fixture.server(ok("{}"));

    fixture.transport(base(first), base(second)).execute(Responses.repeatablePost());

    String firstKey = first.takeRequest().getHeaders().get("Idempotency-Key");
    String secondKey = second.takeRequest().getHeaders().get("Idempotency-Key");
    assertThat(firstKey).isNotBlank();
    assertThat(secondKey).isEqualTo(firstKey);
  }

  @Test
  void eachCallHasItsOwnKey() throws Exception {
    MockWebServer server = fixture.server(ok("{}"), ok("{}"));
    Transport transport = fixture.transport(base(server));

    transport.execute(Responses.post());
    transport.execute(Responses.post());

    String one = server.takeRequest().getHeaders().get("Idempotency-Key");
    String two = server.takeRequest().getHeaders().get("Idempotency-Key");
    assertThat(one).isNotEqualTo(two);
  }

  @Test
  void onlyPostsCarryAKey() throws Exception {
    MockWebServer server = fixture.server();
    for (int i = 0; i < 3; i++) {
      server.enqueue(ok("{}"));
    }
    Transport transport = fixture.transport(base(server));

    transport.execute(Responses.get());
    transport.execute(Responses.patch());
    transport.execute(Responses.delete());

    for (int i = 0; i < 3; i++) {
      RecordedRequest request = server.takeRequest();
      assertThat(request.getHeaders().get("Idempotency-Key")).as(request.getMethod()).isNull();
    }
  }

  @Test
  void keyIsAVersion4Uuid() throws Exception {
    MockWebServer server = fixture.server(ok("{}"));

    fixture.transport(base(server)).execute(Responses.post());

    UUID key = UUID.fromString(server.takeRequest().getHeaders().get("Idempotency-Key"));
    assertThat(key.version()).isEqualTo(4);
    assertThat(key.variant()).isEqualTo(2);
  }

  @Test
  void keysDrawnOnManyThreadsDoNotRepeat() throws Exception {
    int threads = 8;
    int perThread = 20_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<String>>> drawn = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        drawn.add(
            pool.submit(
                () ->
                    IntStream.range(0, perThread)
                        .mapToObj(i -> IdempotencyKeys.next())
                        .collect(Collectors.toList())));
      }
      Set<String> keys = new HashSet<>();
      for (Future<List<String>> batch : drawn) {
        keys.addAll(batch.get(30, TimeUnit.SECONDS));
      }

      assertThat(keys).hasSize(threads * perThread);
    } finally {
      pool.shutdownNow();
    }
  }
}
