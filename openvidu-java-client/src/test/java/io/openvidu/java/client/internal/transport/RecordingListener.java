package io.openvidu.java.client.internal.transport;

import io.openvidu.java.client.transport.AttemptFailure;
import io.openvidu.java.client.transport.OpenViduEventListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Keeps every transport event, in order, as readable lines and as the failures themselves.
 * Thread-safe.
 */
final class RecordingListener implements OpenViduEventListener {

  private final List<String> events = new CopyOnWriteArrayList<>();
  private final List<AttemptFailure> failures = new CopyOnWriteArrayList<>();
  private final List<Duration> ejections = new CopyOnWriteArrayList<>();

  @Override
  public void attemptStarted(String endpoint, String operation, int attempt) {
    add("started " + operation + " #" + attempt + " " + endpoint);
  }

  @Override
  public void hedgeStarted(String endpoint, String operation, int attempt) {
    add("hedged " + operation + " #" + attempt + " " + endpoint);
  }

  @Override
  public void attemptFailed(AttemptFailure failure) {
    failures.add(failure);
    add("failed " + failure.operation() + " #" + failure.attempt() + " " + failure);
  }

  @Override
  public void endpointEjected(String endpoint, Duration ejectedFor, int consecutiveFailures) {
    ejections.add(ejectedFor);
    add(
        "ejected "
            + endpoint
            + " for "
            + ejectedFor.toMillis()
            + " ms after "
            + consecutiveFailures);
  }

  @Override
  public void endpointRestored(String endpoint) {
    add("restored " + endpoint);
  }

  @Override
  public void callSucceededAfterRetries(String operation, int attempts) {
    add("succeeded " + operation + " after " + attempts);
  }

  /**
   * Waits until at least {@code count} events start with {@code prefix} (events of background
   * probes arrive on another thread).
   *
   * @throws AssertionError if they do not within five seconds
   */
  void awaitEvents(String prefix, int count) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    synchronized (this) {
      while (events(prefix).size() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(
              "expected " + count + " '" + prefix + "' events, got " + events());
        }
        wait(left / 1_000_000 + 1);
      }
    }
  }

  private void add(String event) {
    events.add(event);
    synchronized (this) {
      notifyAll();
    }
  }

  List<String> events() {
    return new ArrayList<>(events);
  }

  List<String> events(String prefix) {
    return events.stream().filter(e -> e.startsWith(prefix)).collect(Collectors.toList());
  }

  List<AttemptFailure> failures() {
    return new ArrayList<>(failures);
  }

  List<Duration> ejections() {
    return new ArrayList<>(ejections);
  }
}
