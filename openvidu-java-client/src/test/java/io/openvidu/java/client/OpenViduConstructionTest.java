package io.openvidu.java.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
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
  void aProxyChosenOnTheBuilderCarriesTheCalls() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());
    Proxy throughServer =
        new Proxy(Proxy.Type.HTTP, new InetSocketAddress(server.getHostName(), server.getPort()));
    try (OpenVidu openVidu =
        new OpenVidu.Builder()
            .endpoints("http://openvidu.invalid:4443")
            .secret(SECRET)
            .proxy(throughServer)
            .build()) {
      openVidu.deleteRecording("r");
    }
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getTarget())
        .isEqualTo("http://openvidu.invalid:4443/openvidu/api/recordings/r");
  }

  @Test
  void aSocketFactoryChosenOnTheBuilderOpensTheConnections() throws Exception {
    AtomicInteger socketsOpened = new AtomicInteger();
    SocketFactory counting =
        new SocketFactory() {
          @Override
          public Socket createSocket() {
            socketsOpened.incrementAndGet();
            return new Socket();
          }

          @Override
          public Socket createSocket(String host, int port) {
            throw new UnsupportedOperationException("OkHttp connects unconnected sockets");
          }

          @Override
          public Socket createSocket(String host, int port, InetAddress local, int localPort) {
            throw new UnsupportedOperationException("OkHttp connects unconnected sockets");
          }

          @Override
          public Socket createSocket(InetAddress host, int port) {
            throw new UnsupportedOperationException("OkHttp connects unconnected sockets");
          }

          @Override
          public Socket createSocket(
              InetAddress address, int port, InetAddress local, int localPort) {
            throw new UnsupportedOperationException("OkHttp connects unconnected sockets");
          }
        };
    server.enqueue(new MockResponse.Builder().code(204).build());
    try (OpenVidu openVidu = builder().socketFactory(counting).build()) {
      openVidu.deleteRecording("r");
    }
    assertThat(socketsOpened).hasValue(1);
  }

  @Test
  void anExecutorServiceGivenIsLeftToItsOwnerOnClose() throws Exception {
    ExecutorService mine = Executors.newCachedThreadPool();
    try {
      server.enqueue(new MockResponse.Builder().code(204).build());
      try (OpenVidu openVidu = builder().executorService(mine).build()) {
        openVidu.deleteRecording("r");
      }
      assertThat(mine.isShutdown()).isFalse();
    } finally {
      mine.shutdown();
    }
  }

  @Test
  void trustingAllIsNotCombinedWithAnSslSocketFactoryOfYourOwn() {
    OpenVidu.Builder both =
        builder()
            .insecureTrustAllCertificates()
            .hostnameVerifier((host, session) -> host.equals("localhost"));

    assertThatThrownBy(both::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("choose one or the other");
  }

  private OpenVidu.Builder builder() {
    return new OpenVidu.Builder().endpoints(server.url("/").toString()).secret(SECRET);
  }
}
