package io.openvidu.java.client.internal.transport;

import static io.openvidu.java.client.internal.transport.TransportFixture.base;
import static org.assertj.core.api.Assertions.assertThat;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The response of a call carries the answering attempt's headers, looked up by name in any case.
 */
class ResponseHeadersTest {

  @RegisterExtension final TransportFixture fixture = new TransportFixture();

  @Test
  void headerIsFoundWhateverTheCaseOfItsName() throws Exception {
    MockWebServer server =
        fixture.server(
            new MockResponse.Builder()
                .code(200)
                .body("{}")
                .setHeader("X-Served-By", "master-1")
                .build());

    ApiResponse response = fixture.transport(base(server)).execute(Responses.get());

    assertThat(response.header("x-served-by")).isEqualTo("master-1");
    assertThat(response.header("X-SERVED-BY")).isEqualTo("master-1");
  }

  @Test
  void headerSentSeveralTimesGivesItsValuesJoined() throws Exception {
    MockWebServer server =
        fixture.server(
            new MockResponse.Builder()
                .code(200)
                .body("{}")
                .addHeader("Vary", "Accept")
                .addHeader("vary", "Origin")
                .build());

    ApiResponse response = fixture.transport(base(server)).execute(Responses.get());

    assertThat(response.header("Vary")).isEqualTo("Accept, Origin");
  }

  @Test
  void absentHeaderIsNull() throws Exception {
    MockWebServer server = fixture.server(Responses.ok("{}"));

    ApiResponse response = fixture.transport(base(server)).execute(Responses.get());

    assertThat(response.header("X-Served-By")).isNull();
  }
}
