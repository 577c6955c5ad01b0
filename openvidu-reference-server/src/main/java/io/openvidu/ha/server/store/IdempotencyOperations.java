package io.openvidu.ha.server.store;

import java.time.Duration;
import java.util.Optional;

/**
 * Stored first responses of {@code Idempotency-Key}s inside one {@link Transaction}. Recording the
 * response in the same transaction as the side effect is what makes a key safe: either both are
 * stored or neither.
 */
public final class IdempotencyOperations {
  private final Transaction tx;
  private final Keys keys;

  IdempotencyOperations(Transaction tx, Keys keys) {
    this.tx = tx;
    this.keys = keys;
  }

  /** The stored response for {@code key}, if any (and not expired). */
  public Optional<IdempotencyRecord> find(String key) {
    return tx.read(keys.idempotency(key), IdempotencyRecord.class);
  }

  /** Stores the first response for a key for {@code ttl}. */
  public void record(IdempotencyRecord record, Duration ttl) {
    tx.put(keys.idempotency(record.key()), record, ttl);
  }
}
