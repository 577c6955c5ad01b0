package io.openvidu.ha.server.store;

/**
 * Publishes {@link ClusterEvent}s from inside a {@link Transaction}: an event goes out only if the
 * transaction commits, after its writes are visible, and at most once however often the transaction
 * is retried.
 */
public final class EventOperations {
  /** The channel every master listens to. */
  public static final String BROADCAST = "broadcast";

  private final Transaction tx;
  private final Keys keys;

  EventOperations(Transaction tx, Keys keys) {
    this.tx = tx;
    this.keys = keys;
  }

  /** Publishes to every master. */
  public void publish(ClusterEvent event) {
    publishOn(BROADCAST, event);
  }

  /** Publishes on a named channel (e.g. {@code "master:" + id} for one master). */
  public void publishOn(String channel, ClusterEvent event) {
    tx.publish(keys.channel(channel), event);
  }
}
