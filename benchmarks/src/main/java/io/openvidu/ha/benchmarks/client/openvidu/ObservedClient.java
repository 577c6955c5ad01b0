package io.openvidu.ha.benchmarks.client.openvidu;

import io.openvidu.ha.benchmarks.client.ClientSettings;
import io.openvidu.java.client.OpenVidu;
import io.openvidu.java.client.transport.AttemptFailure;
import io.openvidu.java.client.transport.OpenViduEventListener;
import io.openvidu.java.client.transport.RetryPolicy;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The same mix on our SDK, built with {@link OpenVidu.Builder} so that it reports its failed
 * attempts: the failover benchmark needs to know which calls met the faulty master. Everything else
 * keeps the SDK's defaults, unless the {@link ClientSettings} ask for another attempt timeout or
 * for trusting idempotency keys. Uses our SDK's additions, so it only runs in our SDK's class
 * loader. Thread-safe.
 */
public final class ObservedClient extends DropInClient {
  private final AttemptCounter counter;

  public ObservedClient(ClientSettings settings) {
    this(settings, new AttemptCounter());
  }

  private ObservedClient(ClientSettings settings, AttemptCounter counter) {
    super(build(settings, counter));
    this.counter = counter;
  }

  private static OpenVidu build(ClientSettings settings, AttemptCounter counter) {
    OpenVidu.Builder builder =
        new OpenVidu.Builder()
            .endpoints(settings.urls().split(","))
            .secret(settings.secret())
            .eventListener(counter);
    settings.attemptTimeout().ifPresent(builder::attemptTimeout);
    if (settings.trustIdempotencyKeys()) {
      builder.retryPolicy(RetryPolicy.defaults().toBuilder().trustIdempotencyKeys(true).build());
    }
    return builder.build();
  }

  @Override
  public Optional<String> firstFailedAttempt() {
    return Optional.ofNullable(counter.first.get());
  }

  @Override
  public int takeFailedAttempts() {
    int[] count = counter.perThread.get();
    int taken = count[0];
    count[0] = 0;
    return taken;
  }

  /**
   * Counts failed attempts per calling thread: the SDK reports a call's attempts on the thread that
   * made the call (probes of ejected masters arrive on OkHttp's threads and are not calls, so they
   * do not count).
   */
  private static final class AttemptCounter implements OpenViduEventListener {
    private final ThreadLocal<int[]> perThread = ThreadLocal.withInitial(() -> new int[1]);
    private final AtomicReference<String> first = new AtomicReference<>();

    @Override
    public void attemptFailed(AttemptFailure failure) {
      perThread.get()[0]++;
      // Names the endpoint and what went wrong; never the secret (the SDK guarantees it).
      first.compareAndSet(null, failure.operation() + ": " + failure);
    }
  }
}
