package io.openvidu.java.client.internal.transport.http;

import io.openvidu.java.client.internal.transport.ApiRequest;
import io.openvidu.java.client.internal.transport.endpoints.Endpoint;
import io.openvidu.java.client.internal.transport.endpoints.Network;
import io.openvidu.java.client.internal.transport.policy.AttemptResult;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import okhttp3.Authenticator;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Credentials;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one attempt to one endpoint, on the caller's thread or in the background, and reports what
 * came of it, never throwing for an I/O failure. Owns the {@code OkHttpClient} the transport uses
 * (derived from the user's, if shared, so that pool and dispatcher are shared with it) and
 * configures it for what the failover logic needs:
 *
 * <ul>
 *   <li>no hidden retries: OkHttp's own retry on connection failure and its redirects are off,
 *       because they could repeat a POST behind the retry rules' back;
 *   <li>preemptive Basic authentication on every request, as OpenVidu expects;
 *   <li>per attempt, one deadline for the whole exchange, body included (the smaller of the attempt
 *       timeout and what is left of the call's), enforced by {@link AttemptDeadlines} rather than
 *       OkHttp's call timeout, plus the connect timeout;
 *   <li>a connection pool per endpoint that keeps enough idle connections for 64 concurrent
 *       callers, so that an ejected endpoint's idle connections, useless now, can be closed at once
 *       (with a shared client the user's pool is kept, and is not emptied). Synchronous calls are
 *       not limited by OkHttp's dispatcher; its limits are raised anyway in case a caller shares
 *       the client for asynchronous work;
 *   <li>no request written on a pooled connection the server has closed ({@link
 *       StaleConnectionGuard}): such a connection is replaced within the same attempt, so a master
 *       that died or closed its idle connections costs no attempt and makes no POST's outcome
 *       unknown.
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class AttemptExecutor implements Network {

  private static final Logger LOG = LoggerFactory.getLogger(AttemptExecutor.class);

  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final String USER = "OPENVIDUAPP";
  static final int POOLED_CONNECTIONS = 64;
  // Below the idle timeout common servers use (Jetty's is 30 s), so a pooled connection is dropped
  // by us
  // before the server closes it under a request in flight.
  private static final long POOL_KEEP_ALIVE_SECONDS = 25;

  /** By endpoint index; all the same client when the user's is shared. */
  private final OkHttpClient[] clients;

  private final boolean ownsClient;
  private final boolean ownsExecutor;
  private final String authorization;
  private final long connectTimeoutMs;

  /**
   * By endpoint index: the endpoint's base URL with a trailing slash, parsed once. Resolving a
   * relative path against it gives the URL that parsing the concatenated string would, without
   * parsing and canonicalising the host again on every attempt (OkHttp's IDN mapping of the host
   * was about a seventh of an attempt's CPU time on one caller thread). Filled lazily; a racing
   * fill writes an equal value.
   */
  private final BaseUrl[] baseUrls;

  /** An endpoint's name and its base URL, so that a cached URL is used only for that name. */
  private static final class BaseUrl {
    final String name;
    final HttpUrl slashed;

    BaseUrl(String name) {
      this.name = name;
      this.slashed = HttpUrl.get(name + "/");
    }
  }

  public AttemptExecutor(TransportSettings settings) {
    this.ownsClient = settings.sharedClient() == null;
    this.ownsExecutor = ownsClient && !settings.network().sharesExecutor();
    OkHttpClient.Builder builder =
        ownsClient
            ? ownedClientBuilder(settings.network(), settings.endpoints().size())
            : settings.sharedClient().newBuilder();
    settings.network().applyTo(builder);
    builder
        .connectTimeout(settings.connectTimeout())
        .readTimeout(0, TimeUnit.MILLISECONDS)
        .writeTimeout(0, TimeUnit.MILLISECONDS)
        .callTimeout(0, TimeUnit.MILLISECONDS)
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .followSslRedirects(false)
        .authenticator(Authenticator.NONE)
        .addNetworkInterceptor(new RetryAfterCapture());
    if (settings.trustAllCertificates()) {
      TrustAllCertificates.apply(builder);
      LOG.warn(
          "TLS certificate and host name verification are DISABLED (trustAllCertificates): anyone on "
              + "the network path can read and change the calls, secret included");
    }
    StaleConnectionGuard.install(builder);
    OkHttpClient client = builder.build();
    this.clients = new OkHttpClient[settings.endpoints().size()];
    for (int i = 0; i < clients.length; i++) {
      clients[i] = ownsClient ? client.newBuilder().connectionPool(newPool()).build() : client;
    }
    this.baseUrls = new BaseUrl[clients.length];
    this.authorization = Credentials.basic(USER, settings.secret(), StandardCharsets.UTF_8);
    this.connectTimeoutMs = settings.connectTimeout().toMillis();
  }

  private static OkHttpClient.Builder ownedClientBuilder(NetworkSettings network, int endpoints) {
    // Asynchronous calls (the async API, probes, hedges) run on the dispatcher: at most as many per
    // host as the pool keeps connections, and no cap across hosts below that (OkHttp's defaults, 5
    // per host and 64 in all, would serialise an asynchronous load). Calls beyond wait in OkHttp's
    // queue, holding no thread. Synchronous calls are not counted.
    Dispatcher dispatcher = network.newDispatcher();
    dispatcher.setMaxRequests(Math.max(256, POOLED_CONNECTIONS * endpoints));
    dispatcher.setMaxRequestsPerHost(POOLED_CONNECTIONS);
    return new OkHttpClient.Builder().dispatcher(dispatcher);
  }

  private static ConnectionPool newPool() {
    return new ConnectionPool(POOLED_CONNECTIONS, POOL_KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
  }

  /**
   * Sends one attempt and waits for its outcome on the calling thread.
   *
   * @param idempotencyKey the call's key, sent on a POST; {@code null} for other methods
   * @param timeoutNanos the deadline of this attempt
   * @param cancellation what another thread may cancel the attempt with, or {@code null} when
   *     nothing does
   */
  public AttemptResult execute(
      Endpoint endpoint,
      ApiRequest request,
      String idempotencyKey,
      long timeoutNanos,
      Cancellation cancellation) {
    AttemptTrace trace = new AttemptTrace();
    Call call = newCall(endpoint, request, idempotencyKey, trace);
    if (cancellation != null) {
      cancellation.attach(call);
    }
    try (AttemptDeadlines.Deadline deadline = AttemptDeadlines.SHARED.start(call, timeoutNanos)) {
      try (Response response = call.execute()) {
        return answered(response, trace);
      } catch (IOException e) {
        return failed(e, deadline, trace, timeoutNanos);
      }
    }
  }

  /**
   * Sends one attempt on OkHttp's dispatcher and hands its outcome to {@code outcome} on a
   * dispatcher thread.
   */
  @Override
  public void sendInBackground(
      Endpoint endpoint, ApiRequest request, long timeoutNanos, Consumer<AttemptResult> outcome) {
    executeAsync(endpoint, request, null, timeoutNanos, null, outcome);
  }

  /**
   * Sends one attempt on OkHttp's dispatcher, holding no thread while it waits there or for the
   * answer's first byte beyond the dispatcher's own, and hands its outcome to {@code outcome} on a
   * dispatcher thread (or on the caller's thread, if the dispatcher refuses the call). {@code
   * outcome} is called exactly once and must not block: it runs on a thread every attempt needs.
   *
   * <p>An attempt cancelled (for its deadline, or by {@code cancellation}) while it still waits in
   * the dispatcher's queue ends at once: OkHttp keeps a cancelled call queued until the per-host
   * limit lets it run (and fail), which a host whose calls all hang would never do.
   *
   * @param idempotencyKey the call's key, sent on a POST; {@code null} for other methods
   * @param cancellation what cancels the attempt, or {@code null} when nothing does
   */
  public void executeAsync(
      Endpoint endpoint,
      ApiRequest request,
      String idempotencyKey,
      long timeoutNanos,
      Cancellation cancellation,
      Consumer<AttemptResult> outcome) {
    AttemptTrace trace = new AttemptTrace();
    Call call = newCall(endpoint, request, idempotencyKey, trace);
    AtomicBoolean reported = new AtomicBoolean();
    Consumer<AttemptResult> once =
        result -> {
          if (reported.compareAndSet(false, true)) {
            outcome.accept(result);
          }
        };
    AtomicReference<AttemptDeadlines.Deadline> deadlineRef = new AtomicReference<>();
    Runnable endIfQueued =
        () -> {
          if (trace.neverLeftQueue() && !reported.get()) {
            dispatch(
                endpoint,
                () ->
                    once.accept(
                        failed(
                            new IOException("Canceled"), deadlineRef.get(), trace, timeoutNanos)));
          }
        };
    AttemptDeadlines.Deadline deadline =
        AttemptDeadlines.SHARED.start(call, timeoutNanos, endIfQueued);
    deadlineRef.set(deadline);
    if (cancellation != null) {
      cancellation.attach(call, endIfQueued);
    }
    call.enqueue(
        new Callback() {
          @Override
          public void onResponse(Call c, Response response) {
            AttemptResult result;
            try (AttemptDeadlines.Deadline owned = deadline;
                Response body = response) {
              result = answered(response, trace);
            } catch (IOException e) {
              result = failed(e, deadline, trace, timeoutNanos);
            }
            once.accept(result);
          }

          @Override
          public void onFailure(Call c, IOException e) {
            deadline.close();
            once.accept(failed(e, deadline, trace, timeoutNanos));
          }
        });
  }

  /**
   * Runs the outcome of an attempt that ended in the queue on a dispatcher thread, where outcomes
   * run (not on the deadline thread nor on whoever cancelled it); inline once the client is closed.
   */
  private void dispatch(Endpoint endpoint, Runnable task) {
    try {
      clients[endpoint.index()].dispatcher().executorService().execute(task);
    } catch (RejectedExecutionException closed) {
      task.run();
    }
  }

  private Call newCall(
      Endpoint endpoint, ApiRequest request, String idempotencyKey, AttemptTrace trace) {
    Request.Builder builder =
        new Request.Builder()
            .url(url(endpoint, request.pathAndQuery()))
            .method(request.method().name(), body(request))
            .header("Authorization", authorization)
            .tag(AttemptTrace.class, trace);
    if (idempotencyKey != null) {
      builder.header(IDEMPOTENCY_KEY, idempotencyKey);
    }
    Call call = clients[endpoint.index()].newCall(builder.build());
    call.addEventListener(trace);
    return call;
  }

  /** The URL of {@code pathAndQuery} (which starts with a slash) under the endpoint's base URL. */
  private HttpUrl url(Endpoint endpoint, String pathAndQuery) {
    int index = endpoint.index();
    BaseUrl base = index < baseUrls.length ? baseUrls[index] : null;
    if (base == null || !base.name.equals(endpoint.name())) {
      base = new BaseUrl(endpoint.name());
      if (index < baseUrls.length) {
        baseUrls[index] = base;
      }
    }
    HttpUrl url = base.slashed.resolve(pathAndQuery.substring(1));
    return url != null ? url : HttpUrl.get(endpoint.name() + pathAndQuery);
  }

  private static AttemptResult answered(Response response, AttemptTrace trace) throws IOException {
    ResponseBody responseBody = response.body();
    byte[] bytes = responseBody == null ? new byte[0] : responseBody.bytes();
    // OkHttp's Headers are immutable: handed on as they are, not copied into a map nobody may read.
    return AttemptResult.answered(
        response.code(), bytes, new OkHttpHeaders(response.headers()), trace.retryAfter());
  }

  private AttemptResult failed(
      IOException e, AttemptDeadlines.Deadline deadline, AttemptTrace trace, long timeoutNanos) {
    IOException failure = e;
    if (deadline.expired()) {
      // What OkHttp's own call timeout throws, so that callers see the same cause either way.
      failure = new InterruptedIOException("timeout");
      failure.initCause(e);
    }
    return FailureClassifier.classify(
        failure,
        trace.requestSent(),
        deadline.expired(),
        trace.neverLeftQueue(),
        TimeUnit.NANOSECONDS.toMillis(timeoutNanos),
        connectTimeoutMs);
  }

  private static RequestBody body(ApiRequest request) {
    if (request.jsonBody() != null) {
      return RequestBody.create(request.jsonBody(), JSON);
    }
    boolean bodyRequired =
        request.method() == ApiRequest.Method.POST
            || request.method() == ApiRequest.Method.PATCH
            || request.method() == ApiRequest.Method.PUT;
    return bodyRequired ? RequestBody.create(new byte[0], JSON) : null;
  }

  /**
   * Closes the endpoint's idle pooled connections, when the pool is the transport's own: after an
   * ejection they are probably dead, and the guard would otherwise have to discard them one by one.
   * Connections in use are left to their calls.
   */
  @Override
  public void closeIdleConnections(Endpoint endpoint) {
    if (ownsClient) {
      clients[endpoint.index()].connectionPool().evictAll();
    }
  }

  public void close() {
    if (ownsExecutor) {
      clients[0].dispatcher().executorService().shutdown();
    }
    if (ownsClient) {
      for (OkHttpClient client : clients) {
        client.connectionPool().evictAll();
      }
    }
  }
}
