package io.openvidu.ha.server.store;

import io.openvidu.ha.server.store.memory.MemoryDocumentStore;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The shared state of a cluster: sessions with their connections, recordings, media nodes,
 * idempotency records, leases, and events between masters. Every master of a cluster uses the same
 * store (one object in memory, or one Redis), so any master can serve any call.
 *
 * <p>Changes are made in {@linkplain #atomically transactions}: a function reads through a {@link
 * Transaction} and stages writes; the writes are applied together, only if nothing the function
 * read changed meanwhile, else the function runs again. This makes every transition two masters can
 * race on atomic (create a session with a given id, consume a token, start a recording, …), on both
 * backends, with one implementation of the domain rules.
 *
 * <p>Thread-safe. Closing the store closes its backend.
 */
public interface ClusterStore extends AutoCloseable {

  /**
   * Runs {@code work} as one atomic change and returns its result. {@code work} may run several
   * times (after a lost race) and must not have side effects outside the transaction. A {@link
   * TransitionRejectedException} it throws propagates and nothing is written. A function that
   * stages nothing is a plain read (not validated).
   *
   * @throws StoreUnavailableException when the backend cannot be reached, or races keep being lost
   *     for seconds
   */
  <T> T atomically(Function<Transaction, T> work);

  /**
   * Delivers every {@link ClusterEvent} later published on {@code channel} (see {@link
   * EventOperations#BROADCAST}) to {@code listener}, in publication order, on a thread of the
   * store's.
   */
  Subscription subscribe(String channel, Consumer<ClusterEvent> listener);

  /** Whether the backend answers right now. Never throws. */
  boolean isReachable();

  @Override
  void close();

  /** A store over {@code documents}, with every key under {@code keyPrefix}. */
  static ClusterStore over(DocumentStore documents, String keyPrefix) {
    return new DocumentClusterStore(documents, keyPrefix);
  }

  /** A new, empty store that lives in this JVM's memory: every master holding it shares it. */
  static ClusterStore inMemory() {
    return over(new MemoryDocumentStore(), "ov:");
  }
}
