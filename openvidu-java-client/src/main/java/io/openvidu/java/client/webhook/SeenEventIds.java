package io.openvidu.java.client.webhook;

import java.time.Clock;
import java.time.Duration;

/**
 * The event ids a {@link WebhookReceiver} has already accepted, so that it can tell a repeat from a
 * new event. The default, {@link #inMemory(int)}, serves one process; when several instances of a
 * backend share the webhook's traffic, implement this on a store they share (in Redis: {@code SET
 * <prefix><eventId> 1 NX PX <retention ms>} for {@link #add}, {@code DEL} for {@link #remove}).
 *
 * <p>Implementations must be thread-safe, and {@link #add} atomic: of two concurrent calls with the
 * same id, exactly one returns {@code true}.
 */
public interface SeenEventIds {

  /**
   * Records an event id, unless it is already recorded.
   *
   * @param eventId the event's id, from the {@value WebhookHeaders#ID} header
   * @param retention how long at least to remember it
   * @return {@code true} when the id was not recorded (a new event), {@code false} for a repeat
   */
  boolean add(String eventId, Duration retention);

  /**
   * Forgets an event id, so that the next delivery of that event is accepted as new. For a handler
   * that could not process an event and wants the sender's retry to go through.
   *
   * @param eventId the event's id
   */
  void remove(String eventId);

  /**
   * @param maxIds the most ids remembered; beyond it the oldest is forgotten first, so a repeat
   *     arriving after {@code maxIds} newer events is not recognised
   * @return a thread-safe record held in this process's memory, on the system clock
   * @throws IllegalArgumentException if {@code maxIds} is less than 1
   */
  static SeenEventIds inMemory(int maxIds) {
    return new InMemorySeenEventIds(maxIds, Clock.systemUTC());
  }
}
