package io.openvidu.java.client.internal.transport;

import io.openvidu.java.client.internal.transport.http.TransportSettings;
import io.openvidu.java.client.transport.BalancingPolicy;
import io.openvidu.java.client.transport.OpenViduEventListener;
import io.openvidu.java.client.transport.RetryPolicy;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the transport tests share: mock masters, closed ports, masters that accept and never answer,
 * and transports with short timeouts, a fake clock and a recording listener. Everything it made is
 * closed after each test. Register with {@code @RegisterExtension final TransportFixture fixture =
 * new TransportFixture();}.
 */
final class TransportFixture implements AfterEachCallback {

  static final String SECRET = "MY_S3CRET_never_shown";

  /**
   * The attempt timeout of tests whose subject is a server that never answers. Everywhere else
   * attempts get generous time, because the build shares two cores with others and a loaded machine
   * must not turn a slow answer into a failure.
   */
  static final Duration SHORT_ATTEMPT = Duration.ofMillis(500);

  /**
   * A hedge delay no attempt outlasts: hedging off. The default here, because a hedge goes out
   * after a delay of real time, so that a scenario about something else would change with the
   * machine's load; tests of hedging set one.
   */
  static final Duration NO_HEDGING = Duration.ofDays(1);

  private final List<Closeable> resources = new CopyOnWriteArrayList<>();
  private final FakeTime time = new FakeTime();
  private final RecordingListener listener = new RecordingListener();

  /** A started MockWebServer that gives these answers, in order, to its first requests. */
  MockWebServer server(MockResponse... script) {
    MockWebServer server = new MockWebServer();
    for (MockResponse answer : script) {
      server.enqueue(answer);
    }
    try {
      server.start(InetAddress.getLoopbackAddress(), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    resources.add(server);
    return server;
  }

  /**
   * A started {@link KeepAliveServer}, over TLS with {@code certificate} if it is not {@code null};
   * {@code closeAfterAnswer} closes each connection after its first answer.
   */
  KeepAliveServer keepAliveServer(HeldCertificate certificate, boolean closeAfterAnswer) {
    try {
      KeepAliveServer server =
          certificate == null
              ? KeepAliveServer.http(closeAfterAnswer)
              : KeepAliveServer.https(
                  new HandshakeCertificates.Builder()
                      .heldCertificate(certificate)
                      .build()
                      .sslContext()
                      .getServerSocketFactory(),
                  closeAfterAnswer);
      resources.add(server);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base URL of a server. */
  static HttpUrl base(MockWebServer server) {
    return server.url("/").newBuilder().encodedPath("/").build();
  }

  /** How the transport names a server's endpoint in responses, events and messages. */
  static String name(MockWebServer server) {
    String url = base(server).toString();
    return url.substring(0, url.length() - 1);
  }

  /** The base URL of a loopback port that nothing listens on (bound, noted and closed). */
  HttpUrl closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return HttpUrl.get("http://127.0.0.1:" + socket.getLocalPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base URL of a server that accepts connections and never answers. */
  HttpUrl silentServer() {
    return hangingServer().url();
  }

  /**
   * A started server that accepts connections and never answers, and sees them closed by the
   * client.
   */
  SilentServer hangingServer() {
    try {
      SilentServer server = new SilentServer();
      resources.add(server);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A client to share with a transport whose dispatcher runs one asynchronous call per host name,
   * and whose one place on 127.0.0.1 is taken by a request to a master that never answers: an
   * asynchronous attempt to any other master on 127.0.0.1 waits in the dispatcher's queue for as
   * long as the test lasts.
   */
  OkHttpClient clientWithLoopbackTaken() throws InterruptedException {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequestsPerHost(1);
    OkHttpClient client = new OkHttpClient.Builder().dispatcher(dispatcher).build();
    SilentServer neighbour = hangingServer();
    Call blocker = client.newCall(new Request.Builder().url(neighbour.url()).build());
    blocker.enqueue(
        new Callback() {
          @Override
          public void onResponse(Call call, Response response) {
            response.close();
          }

          @Override
          public void onFailure(Call call, IOException e) {
            // cancelled after the test
          }
        });
    neighbour.awaitConnection();
    resources.add(
        () -> {
          blocker.cancel();
          dispatcher.executorService().shutdown();
        });
    return client;
  }

  FakeTime time() {
    return time;
  }

  RecordingListener listener() {
    return listener;
  }

  /**
   * Settings with timeouts that a loaded machine meets (connect 1 s, attempt 3 s, call 10 s), a
   * fast backoff, primary-first balancing (the first endpoint is where every call starts, which
   * keeps scenarios deterministic), no hedging ({@link #NO_HEDGING}) and the recording listener.
   */
  Settings settings(HttpUrl... endpoints) {
    return new Settings(Arrays.asList(endpoints));
  }

  /** A transport on the fake clock, closed after the test. */
  Transport transport(Settings settings) {
    FailoverTransport transport =
        new FailoverTransport(settings.build(), time, settings.hedgeDelay);
    resources.add(transport::close);
    return transport;
  }

  Transport transport(HttpUrl... endpoints) {
    return transport(settings(endpoints));
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    List<Closeable> toClose = new ArrayList<>(resources);
    resources.clear();
    for (Closeable resource : toClose) {
      resource.close();
    }
  }

  /** A {@link TransportSettings} builder with test defaults. */
  final class Settings {
    private final List<HttpUrl> endpoints;
    private Duration connectTimeout = Duration.ofSeconds(1);
    private Duration attemptTimeout = Duration.ofSeconds(3);
    private Duration callTimeout = Duration.ofSeconds(10);
    private RetryPolicy retryPolicy =
        RetryPolicy.builder().backoff(Duration.ofMillis(10), Duration.ofMillis(50)).build();
    private BalancingPolicy balancing = BalancingPolicy.PRIMARY_FIRST;
    private OkHttpClient sharedClient;
    private OpenViduEventListener eventListener = listener;
    private boolean trustAllCertificates;
    private Duration hedgeDelay = NO_HEDGING;

    private Settings(List<HttpUrl> endpoints) {
      this.endpoints = endpoints;
    }

    Settings attemptTimeout(Duration timeout) {
      this.attemptTimeout = timeout;
      return this;
    }

    Settings callTimeout(Duration timeout) {
      this.callTimeout = timeout;
      return this;
    }

    Settings retryPolicy(RetryPolicy policy) {
      this.retryPolicy = policy;
      return this;
    }

    Settings balancing(BalancingPolicy policy) {
      this.balancing = policy;
      return this;
    }

    Settings sharedClient(OkHttpClient client) {
      this.sharedClient = client;
      return this;
    }

    Settings listener(OpenViduEventListener listener) {
      this.eventListener = listener;
      return this;
    }

    /**
     * How long a GET attempt waits unanswered before it is hedged (real time, as socket timeouts).
     */
    Settings hedgeDelay(Duration delay) {
      this.hedgeDelay = delay;
      return this;
    }

    Settings trustAllCertificates(boolean trust) {
      this.trustAllCertificates = trust;
      return this;
    }

    TransportSettings build() {
      return new TransportSettings(
          endpoints,
          SECRET,
          connectTimeout,
          attemptTimeout,
          callTimeout,
          retryPolicy,
          balancing,
          sharedClient,
          eventListener,
          trustAllCertificates);
    }
  }
}
