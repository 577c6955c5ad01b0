package io.openvidu.ha.server.store;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The few atomic primitives a backend (memory, Redis) offers to {@link ClusterStore}: versioned
 * JSON documents, hashes of versioned JSON documents ({@link HashField}), sets of strings, a
 * conditional multi-key commit and publish/subscribe. Every domain transition is written once on
 * top of these (see {@link Transaction}), so both backends behave the same.
 *
 * <p>Implementations are thread-safe. {@link #commit} is atomic with respect to every other commit
 * of every process sharing the backend.
 */
public interface DocumentStore extends AutoCloseable {

  /** Reads documents; absent ones come back with version 0. The result has one entry per key. */
  default Map<String, VersionedDocument> read(List<String> keys) {
    return read(keys, List.of());
  }

  /**
   * Reads documents and whole hashes as one snapshot (in Redis, one round trip). The result has one
   * entry per key of {@code keys} (plain documents or {@link HashField#key() fields}; absent ones
   * with version 0), and for each hash of {@code hashKeys} the entry {@link HashField#versionOf}
   * (the hash's version, no JSON; 0 when the hash does not exist) and one entry per field it holds.
   */
  Map<String, VersionedDocument> read(List<String> keys, List<String> hashKeys);

  /**
   * Reads like {@link #read(List, List)} and, in the same snapshot, the store's {@linkplain
   * Message#position() position}: every message published by a commit applied before this read has
   * a position at most the snapshot's, every message of a later commit a greater one.
   */
  Snapshot snapshot(List<String> keys, List<String> hashKeys);

  /** The members of a set (empty when the set does not exist). */
  Set<String> members(String setKey);

  /**
   * Applies {@code writes} if and only if every key of {@code expectedVersions} still has that
   * version (0 = absent). A {@link DocumentWrite.Put} or {@link DocumentWrite.Delete} of a {@link
   * HashField} key writes that field (never with a time to live) and moves its hash's version on; a
   * {@link DocumentWrite.Delete} of a hash's key removes the hash with every field. A {@link
   * DocumentWrite.Append} adds a field named by the commit's position ({@link AppendOrder}), the
   * position its publications carry too; it checks nothing, so appends of concurrent commits to one
   * hash do not conflict.
   *
   * @return whether the writes were applied
   */
  boolean commit(Map<String, Long> expectedVersions, List<DocumentWrite> writes);

  /**
   * Calls {@code listener} with every message later published on {@code channel}, in publication
   * order, on a thread of the store's. A listener that throws does not stop delivery.
   */
  Subscription subscribe(String channel, Consumer<Message> listener);

  /** Whether the backend answers right now. Never throws. */
  boolean ping();

  @Override
  void close();

  /**
   * A published message and the position of the commit that published it: positions grow with
   * commits (all messages of one commit share one), so a reader that took a {@link Snapshot} knows
   * which messages its snapshot already reflects.
   */
  record Message(long position, String text) {}

  /** Documents read as one snapshot, and the store's position at that snapshot. */
  record Snapshot(Map<String, VersionedDocument> documents, long position) {}
}
