package io.openvidu.java.client.internal.transport;

import static io.openvidu.java.client.internal.transport.Responses.ok;
import static io.openvidu.java.client.internal.transport.TransportFixture.base;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvidu.java.client.OpenViduJavaClientException;
import io.openvidu.java.client.transport.AttemptFailure;
import io.openvidu.java.client.transport.OpenViduEventListener;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the transport owns, what it shares, and what it tells its listener. */
class TransportLifecycleTest {

  @RegisterExtension final TransportFixture fixture = new TransportFixture();

  @Test
  void aSharedClientKeepsWorkingAfterTheTransportIsClosed() throws Exception {
    MockWebServer server = fixture.server(ok("{}"), ok("direct"));
    OkHttpClient shared = new OkHttpClient();
    Transport transport = fixture.transport(fixture.settings(base(server)).sharedClient(shared));
    transport.execute(Responses.get());

    transport.close();

    assertThat(shared.connectionPool().connectionCount()).isEqualTo(1);
    try (Response response =
        shared.newCall(new Request.Builder().url(base(server)).build()).execute()) {
      assertThat(response.body().string()).isEqualTo("direct");
    }
    assertThat(shared.dispatcher().executorService().isShutdown()).isFalse();
  }

  @Test
  void aClosedTransportRefusesCalls() {
    Transport transport = fixture.transport(base(fixture.server()));

    transport.close();

    assertThatThrownBy(() -> transport.execute(Responses.get()))
        .isInstanceOf(OpenViduJavaClientException.class)
        .hasMessage("fetch failed: the OpenVidu client is closed");
  }

  @Test
  void aListenerThatThrowsDoesNotDisturbTheCall() throws Exception {
    MockWebServer server = fixture.server(ok("{}"));
    OpenViduEventListener throwing =
        new OpenViduEventListener() {
          @Override
          public void attemptFailed(AttemptFailure failure) {
            throw new IllegalStateException("listener bug");
          }

          @Override
          public void endpointEjected(
              String endpoint, java.time.Duration ejectedFor, int consecutiveFailures) {
            throw new IllegalStateException("listener bug");
          }
        };
    Transport transport =
        fixture.transport(fixture.settings(fixture.closedPort(), base(server)).listener(throwing));

    ApiResponse response = transport.execute(Responses.get());

    assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void theListenerSeesEachAttemptAndTheSuccessAfterRetries() throws Exception {
    MockWebServer server = fixture.server(ok("{}"));
    okhttp3.HttpUrl closed = fixture.closedPort();
    String closedName = closed.toString().replaceAll("/$", "");

    fixture.transport(closed, base(server)).execute(Responses.get());

    assertThat(fixture.listener().events())
        .containsExactly(
            "started fetch #1 " + closedName,
            "failed fetch #1 " + closedName + " connection refused",
            "ejected " + closedName + " for 1000 ms after 1",
            "started fetch #2 " + TransportFixture.name(server),
            "succeeded fetch after 2");
  }
}
