package io.openvidu.java.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class OpenViduConstructionTest {

  private static final String SECRET = MockOpenVidu.SECRET;

  @StartStop private final MockWebServer server = new MockWebServer();

  @Test
  void trailingSlashesOfTheUrlAreTolerated() throws Exception {
    server.enqueue(new MockResponse.Builder().code(404).build());
    try (OpenVidu openVidu = new OpenVidu(server.url("/") + "//", SECRET)) {
      assertThatThrownBy(() -> openVidu.getRecording("r"))
          .isInstanceOf(OpenViduHttpException.class);
    }
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getTarget())
        .isEqualTo("/openvidu/api/recordings/r");
  }

  @Test
  void aPathPrefixOfTheUrlIsKept() throws Exception {
    server.enqueue(new MockResponse.Builder().code(404).build());
    try (OpenVidu openVidu = new OpenVidu(server.url("/proxy/openvidu-a/").toString(), SECRET)) {
      assertThatThrownBy(() -> openVidu.getRecording("r"))
          .isInstanceOf(OpenViduHttpException.class);
    }
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getTarget())
        .isEqualTo("/proxy/openvidu-a/openvidu/api/recordings/r");
  }

  @Test
  void commaSeparatedUrlsAreSeveralEndpoints() {
    try (OpenVidu openVidu =
        new OpenVidu("https://m1.example.com:4443, https://m2.example.com:4443/", SECRET)) {
      assertThat(openVidu.toString())
          .isEqualTo(
              "OpenVidu{endpoints=[https://m1.example.com:4443/, https://m2.example.com:4443/]}");
    }
  }

  @Test
  void anUnparsableUrlIsRejectedWithoutEchoingIt() {
    assertThatThrownBy(() -> new OpenVidu(SECRET, "https://openvidu.example.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "OpenVidu endpoint URL #1 is not an http or https URL "
                + "(expected e.g. https://openvidu.example.com:4443)")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void aUrlOfAnotherSchemeIsRejected() {
    assertThatThrownBy(() -> new OpenVidu("wss://openvidu.example.com", SECRET))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("#1 is not an http or https URL");
  }

  @Test
  void anEmptyUrlInTheListIsRejected() {
    assertThatThrownBy(() -> new OpenVidu("https://m1.example.com,,https://m3.example.com", SECRET))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("OpenVidu endpoint URL #2 is empty");
  }

  @Test
  void aUrlWithCredentialsIsRejectedWithoutEchoingThem() {
    assertThatThrownBy(
            () -> new OpenVidu("https://OPENVIDUAPP:" + SECRET + "@openvidu.example.com", SECRET))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "OpenVidu endpoint URL #1 must not contain user info; give the secret with secret(...) "
                + "instead");
  }

  @Test
  void aUrlWithAQueryIsRejected() {
    assertThatThrownBy(() -> new OpenVidu("https://openvidu.example.com/?x=1", SECRET))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not have a query or fragment");
  }

  @Test
  void aNullUrlIsRejected() {
    assertThatThrownBy(() -> new OpenVidu(null, SECRET))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the OpenVidu URL must not be null");
  }

  @Test
  void anEmptySecretIsRejected() {
    assertThatThrownBy(() -> new OpenVidu("https://openvidu.example.com", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the OpenVidu secret must not be empty");
  }

  @Test
  void aBuilderWithoutEndpointsIsRejected() {
    assertThatThrownBy(() -> new OpenVidu.Builder().secret(SECRET).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("at least one OpenVidu endpoint URL is required");
  }

  @Test
  void aNonPositiveTimeoutIsRejected() {
    assertThatThrownBy(() -> builder().connectTimeout(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("connectTimeout must be positive, was PT0S");
  }

  @Test
  void anAttemptTimeoutLongerThanTheCallTimeoutIsRejected() {
    assertThatThrownBy(
            () ->
                builder()
                    .attemptTimeout(Duration.ofSeconds(5))
                    .callTimeout(Duration.ofSeconds(1))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attemptTimeout (PT5S) must not exceed callTimeout (PT1S)");
  }

  @Test
  void aServerThatDoesNotAnswerFailsTheCallAfterTheAttemptTimeout() {
    server.enqueue(new MockResponse.Builder().code(200).headersDelay(5, TimeUnit.SECONDS).build());
    try (OpenVidu openVidu =
        builder()
            .attemptTimeout(Duration.ofMillis(200))
            .callTimeout(Duration.ofMillis(200))
            .build()) {
      assertThatThrownBy(() -> openVidu.getRecording("r"))
          .isInstanceOf(OpenViduJavaClientException.class)
          .hasMessageStartingWith("getRecording failed after 1 attempt in ")
          .hasCauseInstanceOf(InterruptedIOException.class);
    }
  }

  @Test
  void aSharedOkHttpClientIsUsedAndLeftOpen() throws Exception {
    AtomicInteger callsThroughShared = new AtomicInteger();
    OkHttpClient shared =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  callsThroughShared.incrementAndGet();
                  return chain.proceed(chain.request());
                })
            .build();
    server.enqueue(new MockResponse.Builder().code(204).build());
    try (OpenVidu openVidu = builder().okHttpClient(shared).build()) {
      openVidu.deleteRecording("r");
    }
    assertThat(callsThroughShared).hasValue(1);
    assertThat(shared.dispatcher().executorService().isShutdown()).isFalse();
    shared.dispatcher().executorService().shutdown();
  }

  private OpenVidu.Builder builder() {
    return new OpenVidu.Builder().endpoints(server.url("/").toString()).secret(SECRET);
  }
}
