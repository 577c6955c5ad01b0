package io.openvidu.ha.server.store;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The few atomic primitives a backend (memory, Redis) offers to {@link ClusterStore}: versioned
 * JSON documents, sets of strings, a conditional multi-key commit and publish/subscribe. Every
 * domain transition is written once on top of these (see {@link Transaction}), so both backends
 * behave the same.
 *
 * <p>Implementations are thread-safe. {@link #commit} is atomic with respect to every other commit
 * of every process sharing the backend.
 */
public interface DocumentStore extends AutoCloseable {

  /** Reads documents; absent ones come back with version 0. The result has one entry per key. */
  Map<String, VersionedDocument> read(List<String> keys);

  /** The members of a set (empty when the set does not exist). */
  Set<String> members(String setKey);

  /**
   * Applies {@code writes} if and only if every key of {@code expectedVersions} still has that
   * version (0 = absent).
   *
   * @return whether the writes were applied
   */
  boolean commit(Map<String, Long> expectedVersions, List<DocumentWrite> writes);

  /**
   * Calls {@code listener} with every message later published on {@code channel}, in publication
   * order, on a thread of the store's. A listener that throws does not stop delivery.
   */
  Subscription subscribe(String channel, Consumer<String> listener);

  /** Whether the backend answers right now. Never throws. */
  boolean ping();

  @Override
  void close();
}
