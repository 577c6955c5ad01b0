package io.openvidu.ha.server.store;

import io.openvidu.ha.server.store.memory.MemoryDocumentStore;

/** The store contract over the in-memory backend. */
class MemoryClusterStoreTest extends ClusterStoreContract {
  private MemoryDocumentStore shared;

  @Override
  protected ClusterStore newStore() {
    shared = new MemoryDocumentStore();
    return ClusterStore.over(shared, "ov:");
  }

  @Override
  protected ClusterStore newStoreSharingState() {
    // Closing a second view must not close the shared backend under the first one.
    MemoryDocumentStore backend = shared;
    return new ClusterStore() {
      private final ClusterStore delegate = ClusterStore.over(backend, "ov:");

      @Override
      public <T> T atomically(java.util.function.Function<Transaction, T> work) {
        return delegate.atomically(work);
      }

      @Override
      public Subscription subscribe(
          String channel, java.util.function.Consumer<ClusterEvent> listener) {
        return delegate.subscribe(channel, listener);
      }

      @Override
      public boolean isReachable() {
        return delegate.isReachable();
      }

      @Override
      public void close() {}
    };
  }
}
