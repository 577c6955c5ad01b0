package io.openvidu.java.client.internal.transport;

import static io.openvidu.java.client.internal.transport.Responses.ok;
import static io.openvidu.java.client.internal.transport.TransportFixture.base;
import static org.assertj.core.api.Assertions.assertThat;

import io.openvidu.java.client.internal.transport.endpoints.Endpoint;
import io.openvidu.java.client.transport.AttemptFailure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A pooled connection that the server has closed (a master killed or restarted, an idle timeout)
 * never carries a request: the attempt takes another connection, so not even a POST that must not
 * be repeated fails "outcome unknown" because of it. The retry policy is the default one, which
 * does not trust idempotency keys.
 */
@Timeout(30) // a guard against hangs, not a speed requirement
class StaleConnectionTest {

  private static final HeldCertificate LOCALHOST =
      new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();

  @RegisterExtension final TransportFixture fixture = new TransportFixture();

  @Test
  void aPostAfterTheServerClosedThePooledConnectionGoesOnANewConnection() throws Exception {
    KeepAliveServer server = fixture.keepAliveServer(null, true);

    assertPostAfterCloseTakesANewConnection(server, fixture.transport(server.url()));
  }

  @Test
  void aPostAfterTheServerClosedThePooledTlsConnectionGoesOnANewConnection() throws Exception {
    // The server's close_notify precedes its FIN: the check sees bytes under TLS, not end of
    // stream.
    KeepAliveServer server = fixture.keepAliveServer(LOCALHOST, true);

    assertPostAfterCloseTakesANewConnection(
        server, fixture.transport(fixture.settings(server.url()).trustAllCertificates(true)));
  }

  @Test
  void aPostToAKilledMasterWithSeveralPooledConnectionsFailsOverAsNotSent() throws Exception {
    KeepAliveServer killed = fixture.keepAliveServer(null, false);
    MockWebServer other = fixture.server(ok("{\"id\":\"rec_A\"}"));
    Transport transport = fixture.transport(killed.url(), base(other));
    poolConnections(transport, killed, 3);
    killed.kill();

    ApiResponse response = transport.execute(Responses.post());

    assertThat(response.bodyAsString()).isEqualTo("{\"id\":\"rec_A\"}");
    assertThat(fixture.listener().failures())
        .singleElement()
        .satisfies(
            failure -> {
              assertThat(failure.endpoint()).isEqualTo(Endpoint.nameOf(killed.url()));
              assertThat(failure.kind()).isEqualTo(AttemptFailure.Kind.NOT_SENT);
              assertThat(failure.description()).isEqualTo("connection refused");
            });
    assertThat(killed.requests())
        .hasSize(3)
        .allSatisfy(request -> assertThat(request).startsWith("GET"));
    assertThat(other.takeRequest().getMethod()).isEqualTo("POST");
  }

  @Test
  void anEjectedEndpointsIdlePooledConnectionsAreClosed() throws Exception {
    KeepAliveServer failing = fixture.keepAliveServer(null, false);
    MockWebServer other = fixture.server(ok("{}"));
    Transport transport = fixture.transport(failing.url(), base(other));
    poolConnections(transport, failing, 2);
    failing.becomeUnavailable();

    transport.execute(Responses.get());

    assertThat(fixture.listener().events("ejected")).hasSize(1);
    failing.awaitClosedByClient(2);
  }

  @Test
  void aHealthyPooledConnectionIsReused() throws Exception {
    MockWebServer server = fixture.server(ok("{}"), ok("{}"), ok("{}"));

    assertReusesOneConnection(server, fixture.transport(base(server)));
  }

  @Test
  void aHealthyPooledTlsConnectionIsReused() throws Exception {
    // A TLS 1.3 server sends session tickets after the handshake; they must not pass for a closed
    // connection.
    MockWebServer server = fixture.server(ok("{}"), ok("{}"), ok("{}"));
    server.useHttps(
        new HandshakeCertificates.Builder().heldCertificate(LOCALHOST).build().sslSocketFactory());

    assertReusesOneConnection(
        server, fixture.transport(fixture.settings(base(server)).trustAllCertificates(true)));
  }

  /**
   * A GET, the server closes its connection, then an unrepeatable POST: sent once, on a second
   * connection, with no failed attempt and no ejection.
   */
  private void assertPostAfterCloseTakesANewConnection(KeepAliveServer server, Transport transport)
      throws Exception {
    transport.execute(Responses.get());
    server.awaitClosedByServer(1);

    ApiResponse response = transport.execute(Responses.post());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.attempts()).isEqualTo(1);
    assertThat(server.requests())
        .containsExactly("GET /openvidu/api/sessions", "POST /openvidu/api/recordings/start");
    assertThat(server.connectionCount()).isEqualTo(2);
    assertThat(fixture.listener().failures()).isEmpty();
    assertThat(fixture.listener().events("ejected")).isEmpty();
  }

  private static void assertReusesOneConnection(MockWebServer server, Transport transport)
      throws Exception {
    transport.execute(Responses.get());
    transport.execute(Responses.post());
    transport.execute(Responses.post());

    List<RecordedRequest> requests =
        Arrays.asList(server.takeRequest(), server.takeRequest(), server.takeRequest());
    assertThat(requests).extracting(RecordedRequest::getConnectionIndex).containsOnly(0);
    assertThat(requests).extracting(RecordedRequest::getExchangeIndex).containsExactly(0, 1, 2);
  }

  /** Leaves {@code count} idle connections to {@code server} in the transport's pool. */
  private static void poolConnections(Transport transport, KeepAliveServer server, int count)
      throws Exception {
    server.answerTogether(count);
    ExecutorService callers = Executors.newFixedThreadPool(count);
    try {
      List<Future<ApiResponse>> calls = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        calls.add(callers.submit(() -> transport.execute(Responses.get())));
      }
      for (Future<ApiResponse> call : calls) {
        assertThat(call.get().status()).isEqualTo(200);
      }
    } finally {
      callers.shutdown();
    }
    assertThat(server.connectionCount()).isEqualTo(count);
  }
}
