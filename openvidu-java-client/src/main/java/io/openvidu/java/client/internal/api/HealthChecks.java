package io.openvidu.java.client.internal.api;

import io.openvidu.java.client.OpenViduJavaClientException;
import io.openvidu.java.client.deployment.EndpointHealth;
import io.openvidu.java.client.deployment.HealthReport;
import io.openvidu.java.client.internal.json.MalformedResponseException;
import io.openvidu.java.client.internal.json.ResponseJson;
import io.openvidu.java.client.internal.transport.ApiRequest;
import io.openvidu.java.client.internal.transport.ApiResponse;
import io.openvidu.java.client.internal.transport.Transport;
import io.openvidu.java.client.internal.transport.Transports;
import io.openvidu.java.client.internal.transport.http.TransportSettings;
import io.openvidu.java.client.transport.OpenViduEventListener;
import io.openvidu.java.client.transport.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import okhttp3.HttpUrl;

/**
 * {@code GET /openvidu/api/health} (rest-api.md §5.15) asked of every endpoint on its own, in
 * parallel: one single-endpoint transport per endpoint, without retries, failover or the user's
 * listener, so that a check reports that endpoint and nothing else, and leaves the calls' view of
 * the endpoints (ejections, silences, metrics) untouched. The transports are created on the first
 * check, with the client's network settings (proxy, TLS trust) and a check timeout of at most 2 s.
 *
 * <p>Thread-safe.
 */
public final class HealthChecks implements AutoCloseable {

  /** A master that takes longer to say it is up is not ready. */
  static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);

  private static final ApiRequest HEALTH = ApiRequest.get(ApiPaths.HEALTH).named("health");

  private final TransportSettings settings;
  private List<Transport> transports;
  private boolean closed;

  public HealthChecks(TransportSettings settings) {
    this.settings = settings;
  }

  /**
   * Checks every endpoint, in parallel, and waits for every answer (each bounded by 2 s). The
   * caller's thread is the only one that waits.
   */
  public HealthReport check() {
    return checkAsync(Runnable::run).join();
  }

  /**
   * Checks every endpoint, in parallel, holding no thread while the checks are in flight.
   *
   * @param executor completes the returned future (runs the caller's callbacks)
   * @return the report once every check ended; cancelling it cancels the checks in flight
   * @throws IllegalStateException when the client is closed
   */
  public CompletableFuture<HealthReport> checkAsync(Executor executor) {
    List<Transport> each = transports();
    List<String> names = settings.endpointNames();
    List<CompletableFuture<ApiResponse>> calls = new ArrayList<>(each.size());
    List<CompletableFuture<EndpointHealth>> checks = new ArrayList<>(each.size());
    for (int i = 0; i < each.size(); i++) {
      String endpoint = names.get(i);
      long start = System.nanoTime();
      CompletableFuture<ApiResponse> call = each.get(i).executeAsync(HEALTH);
      calls.add(call);
      checks.add(call.handle((response, failure) -> health(endpoint, start, response, failure)));
    }
    CompletableFuture<HealthReport> report = new CompletableFuture<>();
    CompletableFuture.allOf(checks.toArray(new CompletableFuture<?>[0]))
        .whenComplete(
            (done, failure) -> {
              List<EndpointHealth> list = new ArrayList<>(checks.size());
              for (CompletableFuture<EndpointHealth> check : checks) {
                list.add(check.join());
              }
              HealthReport result = new HealthReport(list);
              executor.execute(() -> report.complete(result));
            });
    report.whenComplete(
        (result, failure) -> {
          if (report.isCancelled()) {
            calls.forEach(call -> call.cancel(true));
          }
        });
    return report;
  }

  private static EndpointHealth health(
      String endpoint, long start, ApiResponse response, Throwable failure) {
    Duration latency = Duration.ofNanos(System.nanoTime() - start);
    if (failure != null) {
      Throwable cause = AsyncRun.unwrap(failure);
      return new EndpointHealth(
          endpoint,
          EndpointHealth.State.UNREACHABLE,
          0,
          latency,
          cause instanceof OpenViduJavaClientException
              ? cause.getMessage()
              : cause.getClass().getSimpleName());
    }
    String status = statusOf(response);
    if (response.status() == 200 && "UP".equals(status)) {
      return new EndpointHealth(endpoint, EndpointHealth.State.UP, 200, latency, null);
    }
    return new EndpointHealth(
        endpoint,
        EndpointHealth.State.DOWN,
        response.status(),
        latency,
        "HTTP " + response.status() + (status == null ? "" : ": " + status));
  }

  /** The {@code status} member of a {@code {"status": ...}} body, or {@code null}. */
  private static String statusOf(ApiResponse response) {
    try {
      return ResponseJson.parse(response.body(), "health").optionalText("status");
    } catch (MalformedResponseException notJson) {
      return null;
    }
  }

  private synchronized List<Transport> transports() {
    if (closed) {
      throw new IllegalStateException("the OpenVidu client is closed");
    }
    if (transports == null) {
      Duration timeout =
          settings.attemptTimeout().compareTo(CHECK_TIMEOUT) < 0
              ? settings.attemptTimeout()
              : CHECK_TIMEOUT;
      List<Transport> created = new ArrayList<>();
      for (HttpUrl endpoint : settings.endpoints()) {
        created.add(
            Transports.create(
                new TransportSettings(
                    Collections.singletonList(endpoint),
                    settings.secret(),
                    settings.connectTimeout().compareTo(timeout) < 0
                        ? settings.connectTimeout()
                        : timeout,
                    timeout,
                    timeout,
                    RetryPolicy.noRetries(),
                    settings.balancingPolicy(),
                    null,
                    OpenViduEventListener.NONE,
                    settings.trustAllCertificates(),
                    settings.network())));
      }
      transports = created;
    }
    return transports;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (transports != null) {
      for (Transport transport : transports) {
        transport.close();
      }
    }
  }
}
