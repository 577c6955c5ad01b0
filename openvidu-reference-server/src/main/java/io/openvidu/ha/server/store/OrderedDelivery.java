package io.openvidu.ha.server.store;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands published messages to one listener on a thread of its own, one at a time, in the order they
 * were handed in: the delivery guarantee both {@link DocumentStore} backends give their
 * subscribers. A listener that throws is logged and keeps receiving. Thread-safe.
 */
public final class OrderedDelivery<T> {
  private static final Logger log = LoggerFactory.getLogger(OrderedDelivery.class);

  private final String channel;
  private final Consumer<T> listener;
  private final ExecutorService executor;

  public OrderedDelivery(String channel, Consumer<T> listener) {
    this.channel = channel;
    this.listener = listener;
    this.executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread thread = new Thread(r, "events-" + channel);
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Queues a message for the listener; dropped once {@link #stop()} was called. */
  public void deliver(T message) {
    if (executor.isShutdown()) {
      return;
    }
    try {
      executor.execute(
          () -> {
            try {
              listener.accept(message);
            } catch (RuntimeException e) {
              log.warn("An event listener on {} failed", channel, e);
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // stopped concurrently: the subscription is gone
    }
  }

  /** Stops delivering; messages already queued are still delivered. */
  public void stop() {
    executor.shutdown();
  }
}
