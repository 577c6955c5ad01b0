package io.openvidu.java.client.internal.transport;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import io.openvidu.java.client.transport.AttemptFailure;
import io.openvidu.java.client.transport.OpenViduEventListener;

/** Keeps every transport event, in order, as readable lines and as the failures themselves. Thread-safe. */
final class RecordingListener implements OpenViduEventListener {

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<AttemptFailure> failures = new CopyOnWriteArrayList<>();
    private final List<Duration> ejections = new CopyOnWriteArrayList<>();

    @Override
    public void attemptStarted(String endpoint, String operation, int attempt) {
        events.add("started " + operation + " #" + attempt + " " + endpoint);
    }

    @Override
    public void attemptFailed(AttemptFailure failure) {
        failures.add(failure);
        events.add("failed " + failure.operation() + " #" + failure.attempt() + " " + failure);
    }

    @Override
    public void endpointEjected(String endpoint, Duration ejectedFor, int consecutiveFailures) {
        ejections.add(ejectedFor);
        events.add("ejected " + endpoint + " for " + ejectedFor.toMillis() + " ms after " + consecutiveFailures);
    }

    @Override
    public void endpointRestored(String endpoint) {
        events.add("restored " + endpoint);
    }

    @Override
    public void callSucceededAfterRetries(String operation, int attempts) {
        events.add("succeeded " + operation + " after " + attempts);
    }

    List<String> events() {
        return List.copyOf(events);
    }

    List<String> events(String prefix) {
        return events.stream().filter(e -> e.startsWith(prefix)).collect(Collectors.toList());
    }

    List<AttemptFailure> failures() {
        return List.copyOf(failures);
    }

    List<Duration> ejections() {
        return List.copyOf(ejections);
    }
}
