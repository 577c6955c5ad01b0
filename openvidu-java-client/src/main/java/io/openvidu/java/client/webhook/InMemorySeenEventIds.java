package io.openvidu.java.client.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Event ids in insertion order with their expiry time, bounded in count. Expired ids are dropped
 * from the oldest end as new ones arrive, so memory stays proportional to the recent traffic.
 * Thread-safe: one lock, held for a few map operations.
 */
final class InMemorySeenEventIds implements SeenEventIds {

  private final int maxIds;
  private final Clock clock;
  private final LinkedHashMap<String, Long> expiries = new LinkedHashMap<>();

  InMemorySeenEventIds(int maxIds, Clock clock) {
    if (maxIds < 1) {
      throw new IllegalArgumentException("maxIds must be at least 1, was " + maxIds);
    }
    this.maxIds = maxIds;
    this.clock = clock;
  }

  @Override
  public synchronized boolean add(String eventId, Duration retention) {
    long now = clock.millis();
    dropExpired(now);
    Long expiry = expiries.get(eventId);
    if (expiry != null && expiry > now) {
      return false;
    }
    expiries.remove(eventId);
    expiries.put(eventId, now + retention.toMillis());
    if (expiries.size() > maxIds) {
      Iterator<String> oldest = expiries.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    return true;
  }

  @Override
  public synchronized void remove(String eventId) {
    expiries.remove(eventId);
  }

  synchronized int size() {
    return expiries.size();
  }

  /** Ids were added in time order with one retention per receiver: the expired ones come first. */
  private void dropExpired(long now) {
    Iterator<Map.Entry<String, Long>> oldest = expiries.entrySet().iterator();
    while (oldest.hasNext() && oldest.next().getValue() <= now) {
      oldest.remove();
    }
  }

  @Override
  public String toString() {
    return "SeenEventIds.inMemory{maxIds=" + maxIds + "}";
  }
}
