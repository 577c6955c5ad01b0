package io.openvidu.java.client.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.openvidu.java.client.transport.AttemptFailure;
import io.openvidu.java.client.transport.CallEnded;
import io.openvidu.java.client.transport.OpenViduEventListener;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Micrometer meters for an {@link io.openvidu.java.client.OpenVidu} client, fed by its events: give
 * it to {@code OpenVidu.Builder.eventListener(...)}. It uses nothing but the client's public {@link
 * OpenViduEventListener}, so a user of another metrics library can write the same.
 *
 * <table>
 *   <caption>Meters (names as Micrometer writes them; Prometheus turns dots into underscores)</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>what</th></tr>
 *   <tr><td>{@value #CALLS}</td><td>timer</td><td>operation, endpoint, outcome, status</td>
 *       <td>every call of the API, from its start to its answer or failure, all attempts included;
 *       outcome {@code succeeded}, {@code error_status} (an answer the API turns into an {@code
 *       OpenViduHttpException}), {@code failed} (no answer) or {@code cancelled} (an asynchronous
 *       call whose future was cancelled); endpoint of the last attempt ({@code none} when there was
 *       none); status the HTTP status, {@code 0} when failed or cancelled</td></tr>
 *   <tr><td>{@value #ATTEMPTS}</td><td>counter</td><td>operation, endpoint</td>
 *       <td>attempts sent, hedges included</td></tr>
 *   <tr><td>{@value #ATTEMPT_FAILURES}</td><td>counter</td><td>operation, endpoint, kind</td>
 *       <td>attempts that failed: {@code not_sent}, {@code outcome_unknown}, {@code
 *       retryable_status}</td></tr>
 *   <tr><td>{@value #FAILOVERS}</td><td>counter</td><td>operation, endpoint</td>
 *       <td>attempts after the first of a call that are not hedges: the call moved on (to that
 *       endpoint) after a failed attempt</td></tr>
 *   <tr><td>{@value #HEDGES}</td><td>counter</td><td>operation, endpoint</td>
 *       <td>hedges sent (to that endpoint) while the call's attempt was unanswered</td></tr>
 *   <tr><td>{@value #EJECTIONS}</td><td>counter</td><td>endpoint</td>
 *       <td>times the endpoint was taken out of rotation</td></tr>
 *   <tr><td>{@value #ENDPOINT_STATE}</td><td>gauge</td><td>endpoint</td>
 *       <td>{@code 0} available, {@code 1} silent (answering nothing; avoided), {@code 2} ejected;
 *       registered when the endpoint is first used</td></tr>
 * </table>
 *
 * <p>Every meter also carries the common tags given to the builder (e.g. {@code client=billing}
 * when an application has several clients). Endpoints are base URLs: as many values as masters.
 *
 * <p>Thread-safe; every method returns quickly (a map lookup and an atomic add).
 */
public final class OpenViduMetrics implements OpenViduEventListener {

  /** Timer of calls. */
  public static final String CALLS = "openvidu.client.calls";

  /** Counter of attempts. */
  public static final String ATTEMPTS = "openvidu.client.attempts";

  /** Counter of failed attempts. */
  public static final String ATTEMPT_FAILURES = "openvidu.client.attempt.failures";

  /** Counter of failovers. */
  public static final String FAILOVERS = "openvidu.client.failovers";

  /** Counter of hedges. */
  public static final String HEDGES = "openvidu.client.hedges";

  /** Counter of ejections. */
  public static final String EJECTIONS = "openvidu.client.ejections";

  /** Gauge of each endpoint's state. */
  public static final String ENDPOINT_STATE = "openvidu.client.endpoint.state";

  /** An endpoint's state as {@value #ENDPOINT_STATE} reports it. */
  public enum EndpointState {
    /** Takes calls (value 0). */
    AVAILABLE,
    /** Answers nothing while attempts wait on it: new calls avoid it (value 1). */
    SILENT,
    /** Failed: skipped by calls until a probe finds it back (value 2). */
    EJECTED
  }

  private final MeterRegistry registry;
  private final Tags commonTags;
  private final OpenViduEventListener next;
  private final ConcurrentMap<String, AtomicInteger> endpointStates = new ConcurrentHashMap<>();

  private OpenViduMetrics(Builder builder) {
    this.registry = builder.registry;
    this.commonTags = builder.tags;
    this.next = builder.next;
  }

  /**
   * @param registry where the meters are registered
   * @return a builder of metrics for one client
   */
  public static Builder builder(MeterRegistry registry) {
    return new Builder(registry);
  }

  /**
   * Metrics for one client, without common tags.
   *
   * @param registry where the meters are registered
   * @return the listener to give to {@code OpenVidu.Builder.eventListener(...)}
   */
  public static OpenViduMetrics of(MeterRegistry registry) {
    return builder(registry).build();
  }

  /**
   * @param endpoint an endpoint's base URL
   * @return its state as last reported; {@link EndpointState#AVAILABLE} for one not used yet
   */
  public EndpointState endpointState(String endpoint) {
    AtomicInteger state = endpointStates.get(endpoint);
    return state == null ? EndpointState.AVAILABLE : EndpointState.values()[state.get()];
  }

  @Override
  public void attemptStarted(String endpoint, String operation, int attempt) {
    state(endpoint);
    counter(ATTEMPTS, Tags.of("operation", operation, "endpoint", endpoint)).increment();
    if (attempt > 1) {
      counter(FAILOVERS, Tags.of("operation", operation, "endpoint", endpoint)).increment();
    }
    next.attemptStarted(endpoint, operation, attempt);
  }

  @Override
  public void hedgeStarted(String endpoint, String operation, int attempt) {
    state(endpoint);
    Tags tags = Tags.of("operation", operation, "endpoint", endpoint);
    counter(ATTEMPTS, tags).increment();
    counter(HEDGES, tags).increment();
    next.hedgeStarted(endpoint, operation, attempt);
  }

  @Override
  public void attemptFailed(AttemptFailure failure) {
    counter(
            ATTEMPT_FAILURES,
            Tags.of(
                "operation",
                failure.operation(),
                "endpoint",
                failure.endpoint(),
                "kind",
                lower(failure.kind())))
        .increment();
    next.attemptFailed(failure);
  }

  @Override
  public void endpointEjected(String endpoint, Duration ejectedFor, int consecutiveFailures) {
    state(endpoint).set(EndpointState.EJECTED.ordinal());
    counter(EJECTIONS, Tags.of("endpoint", endpoint)).increment();
    next.endpointEjected(endpoint, ejectedFor, consecutiveFailures);
  }

  @Override
  public void endpointRestored(String endpoint) {
    state(endpoint).set(EndpointState.AVAILABLE.ordinal());
    next.endpointRestored(endpoint);
  }

  @Override
  public void endpointSilent(String endpoint) {
    state(endpoint).set(EndpointState.SILENT.ordinal());
    next.endpointSilent(endpoint);
  }

  @Override
  public void endpointAnswersAgain(String endpoint) {
    state(endpoint).set(EndpointState.AVAILABLE.ordinal());
    next.endpointAnswersAgain(endpoint);
  }

  @Override
  public void callEnded(CallEnded call) {
    Timer.builder(CALLS)
        .description("Calls of the OpenVidu API, every attempt included")
        .tags(commonTags)
        .tags(
            "operation",
            call.operation(),
            "endpoint",
            call.endpoint() == null ? "none" : call.endpoint(),
            "outcome",
            lower(call.outcome()),
            "status",
            Integer.toString(call.status()))
        .register(registry)
        .record(call.latency());
    next.callEnded(call);
  }

  @Override
  public void callSucceededAfterRetries(String operation, int attempts) {
    next.callSucceededAfterRetries(operation, attempts);
  }

  private Counter counter(String name, Tags tags) {
    return Counter.builder(name).tags(commonTags).tags(tags).register(registry);
  }

  /** The endpoint's state cell, its gauge registered with it the first time. */
  private AtomicInteger state(String endpoint) {
    AtomicInteger state = endpointStates.get(endpoint);
    if (state != null) {
      return state;
    }
    AtomicInteger created = new AtomicInteger(EndpointState.AVAILABLE.ordinal());
    AtomicInteger raced = endpointStates.putIfAbsent(endpoint, created);
    if (raced != null) {
      return raced;
    }
    Gauge.builder(ENDPOINT_STATE, created, AtomicInteger::get)
        .description("0 available, 1 silent, 2 ejected")
        .tags(commonTags)
        .tag("endpoint", endpoint)
        .strongReference(true)
        .register(registry);
    return created;
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "OpenViduMetrics{tags=" + commonTags + ", endpoints=" + endpointStates.keySet() + "}";
  }

  /** Builds {@link OpenViduMetrics}. Not thread-safe. */
  public static final class Builder {

    private final MeterRegistry registry;
    private Tags tags = Tags.empty();
    private OpenViduEventListener next = OpenViduEventListener.NONE;

    private Builder(MeterRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * @param tags tags every meter carries, e.g. {@code Tags.of("client", "billing")}
     * @return this builder
     */
    public Builder tags(Iterable<Tag> tags) {
      this.tags = this.tags.and(Objects.requireNonNull(tags, "tags"));
      return this;
    }

    /**
     * @param listener a listener of yours that receives every event too, after the meters are
     *     updated (the client takes one listener)
     * @return this builder
     */
    public Builder forwardingTo(OpenViduEventListener listener) {
      this.next = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * @return the listener to give to {@code OpenVidu.Builder.eventListener(...)}
     */
    public OpenViduMetrics build() {
      return new OpenViduMetrics(this);
    }
  }
}
