package io.openvidu.ha.server.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvidu.ha.server.cluster.MasterFeature;
import io.openvidu.ha.server.config.ClusterSettings;
import io.openvidu.ha.server.store.ClusterStore;
import io.openvidu.ha.server.store.StoreUnavailableException;
import io.openvidu.ha.server.store.Subscription;
import io.openvidu.ha.server.store.Transaction;
import io.openvidu.ha.server.store.TransitionRejectedException;
import io.openvidu.ha.server.store.WebhookOutbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One master's share of webhook delivery. Any live master delivers any pending event: a master
 * takes a session's queue by acquiring its lease in the store, posts the queue's events one after
 * the other in their order, takes each out of the outbox once the receiver answered 2xx, and
 * releases the lease when the queue is empty. While masters are healthy, a queue has one holder and
 * each event is posted once; a master that dies stops renewing its leases, and another takes its
 * queues over after {@link WebhookSettings#leaseTime()}, posting again the event it may have been
 * posting (same {@code webhook-id}: receivers drop the repeat).
 *
 * <p>A failed POST is retried with exponential backoff (100 ms doubling to 5 s, or half the lease
 * time if shorter) for {@link WebhookSettings#retryFor()}, then the event is dropped with a WARN
 * line and counted ({@code OPENVIDU_WEBHOOK_DROPPED_EVENTS} in {@code /config}); later events of
 * its session wait meanwhile, events of other sessions do not. Posting happens on the dispatcher's
 * own threads: the REST API and signalling only stage events in the store, so a slow or dead
 * receiver never slows them.
 *
 * <p>Thread-safe; started by {@link #feature}, stopped with its master.
 */
public final class WebhookDispatcher implements MasterFeature.Crashable {

  private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LEASE_PREFIX = "webhook:";
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final ClusterStore store;
  private final ClusterSettings cluster;
  private final WebhookSettings settings;
  private final String masterId;
  private final WebhookPost post;
  private final ExecutorService workers;
  private final Set<String> held = ConcurrentHashMap.newKeySet();
  private final Object wake = new Object();
  private final Thread scheduler;
  private volatile boolean running = true;
  private boolean woken;
  private Subscription subscription;

  private WebhookDispatcher(
      ClusterStore store, ClusterSettings cluster, WebhookSettings settings, String masterId) {
    this.store = store;
    this.cluster = cluster;
    this.settings = settings;
    this.masterId = masterId;
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.post = new WebhookPost(client, settings.requestTimeout(), settings.signingSecret());
    AtomicInteger threads = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            settings.workers(),
            task -> {
              Thread thread =
                  new Thread(task, "webhook-" + masterId + "-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    this.scheduler = new Thread(this::schedule, "webhook-" + masterId);
    this.scheduler.setDaemon(true);
  }

  /** The feature that gives every master its dispatcher. */
  public static MasterFeature feature(WebhookSettings settings) {
    return (config, master) -> {
      WebhookDispatcher dispatcher =
          new WebhookDispatcher(master.store(), master.settings(), settings, master.masterId());
      dispatcher.start();
      return dispatcher;
    };
  }

  private void start() {
    subscription = store.subscribe(WebhookOutbox.CHANNEL, event -> wakeUp());
    scheduler.start();
  }

  /** Stops delivering and hands the queues it holds over at once. */
  @Override
  public void close() {
    halt();
    for (String queue : held) {
      try {
        store.atomically(
            tx -> {
              tx.leases().release(LEASE_PREFIX + queue, masterId);
              return null;
            });
      } catch (RuntimeException e) {
        log.debug("Could not release webhook queue {}: {}", queue, e.toString());
      }
    }
  }

  /** Stops delivering as a dead master would: its leases run out instead of being released. */
  @Override
  public void crash() {
    halt();
  }

  private void halt() {
    running = false;
    if (subscription != null) {
      subscription.close();
    }
    scheduler.interrupt();
    workers.shutdownNow();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void wakeUp() {
    synchronized (wake) {
      woken = true;
      wake.notifyAll();
    }
  }

  private void schedule() {
    while (running) {
      try {
        claimQueues();
        synchronized (wake) {
          if (!woken) {
            wake.wait(settings.pollInterval().toMillis());
          }
          woken = false;
        }
      } catch (InterruptedException e) {
        return;
      } catch (StoreUnavailableException e) {
        log.debug("Webhook delivery waits for the store: {}", e.getMessage());
        sleepQuietly(settings.pollInterval());
      } catch (RuntimeException e) {
        log.warn("Webhook delivery failed to look for pending events", e);
        sleepQuietly(settings.pollInterval());
      }
    }
  }

  private void claimQueues() {
    List<String> queues = store.atomically(tx -> tx.webhooks().queues());
    for (String queue : queues) {
      if (!running || held.size() >= settings.workers()) {
        return;
      }
      if (held.contains(queue) || !acquire(queue)) {
        continue;
      }
      held.add(queue);
      workers.execute(() -> drain(queue));
    }
  }

  private boolean acquire(String queue) {
    long now = System.currentTimeMillis();
    try {
      store.atomically(
          tx ->
              tx.leases()
                  .acquire(
                      LEASE_PREFIX + queue,
                      masterId,
                      now + settings.leaseTime().toMillis(),
                      Map.of(),
                      now));
      return true;
    } catch (TransitionRejectedException held) {
      return false;
    }
  }

  /** Posts the queue's events in order until it is empty, the lease is lost or the master stops. */
  private void drain(String queue) {
    try {
      while (running) {
        Optional<Batch> batch = next(queue);
        if (batch.isEmpty()) {
          return;
        }
        WebhookTarget target = batch.get().target();
        for (WebhookOutbox.Entry entry : batch.get().entries()) {
          Optional<WebhookTarget> held = running ? deliver(queue, entry, target) : Optional.empty();
          if (held.isEmpty()) {
            return;
          }
          target = held.get();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      if (running) {
        log.warn("Webhook delivery of queue {} stopped; another round takes it over", queue, e);
      }
    } finally {
      held.remove(queue);
      if (running) {
        wakeUp();
      }
    }
  }

  /**
   * Renews the lease and reads the queue's events, oldest first, and the current target; when the
   * queue is empty, removes it and releases the lease (in a transaction that read it empty, so an
   * event staged meanwhile makes it run again). Empty when there is nothing to post or the lease is
   * lost. Events staged after this read sort after those it returns: the next round posts them.
   */
  private Optional<Batch> next(String queue) {
    long now = System.currentTimeMillis();
    try {
      return store.atomically(
          tx -> {
            tx.leases()
                .renew(LEASE_PREFIX + queue, masterId, now + settings.leaseTime().toMillis());
            List<WebhookOutbox.Entry> pending = tx.webhooks().pending(queue);
            if (pending.isEmpty() && tx.webhooks().removeIfEmpty(queue)) {
              tx.leases().release(LEASE_PREFIX + queue, masterId);
              return Optional.empty();
            }
            return Optional.of(new Batch(pending, WebhookTarget.read(tx, cluster)));
          });
    } catch (TransitionRejectedException lost) {
      return Optional.empty();
    }
  }

  /**
   * Posts one event until delivered or given up, then takes it out of the outbox.
   *
   * @return the target for the next event, or empty when the lease was lost meanwhile (another
   *     master has the queue)
   */
  private Optional<WebhookTarget> deliver(
      String queue, WebhookOutbox.Entry entry, WebhookTarget firstTarget)
      throws InterruptedException {
    byte[] body;
    try {
      body = JSON.writeValueAsBytes(entry.body());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode webhook event " + entry.id(), e);
    }
    long firstAttempt = System.currentTimeMillis();
    Duration backoff = min(FIRST_BACKOFF, maxBackoff());
    WebhookTarget target = firstTarget;
    for (int attempt = 1; ; attempt++) {
      WebhookPost.Outcome outcome =
          target.endpoint().isEmpty()
              ? WebhookPost.Outcome.failed("no OPENVIDU_WEBHOOK_ENDPOINT is configured")
              : post.send(target, entry.id(), body, System.currentTimeMillis());
      if (outcome.delivered()) {
        log.debug(
            "Webhook event {} ({}) delivered {} ms after it happened",
            entry.id(),
            entry.name(),
            System.currentTimeMillis() - entry.stagedAt());
        return takeOut(queue, entry, false);
      }
      log.debug("Webhook event {} attempt {} failed: {}", entry.id(), attempt, outcome.failure());
      long elapsed = System.currentTimeMillis() - firstAttempt;
      if (target.endpoint().isEmpty() || elapsed + backoff.toMillis() > retryForMillis()) {
        Optional<WebhookTarget> next = takeOut(queue, entry, true);
        log.warn(
            "Webhook event {} ({}, session {}) dropped after {} attempt(s) in {} ms to {}: {}",
            entry.id(),
            entry.name(),
            entry.queue(),
            attempt,
            elapsed,
            hostOf(target.endpoint()),
            outcome.failure());
        return next;
      }
      // The lease is renewed before and after each wait, and a wait is at most half the lease
      // time: a holder that is alive never loses its queue, whatever the backoff.
      if (renew(queue).isEmpty()) {
        return Optional.empty();
      }
      Thread.sleep(backoff.toMillis());
      backoff = min(backoff.multipliedBy(2), maxBackoff());
      Optional<WebhookTarget> renewed = renew(queue);
      if (renewed.isEmpty()) {
        return Optional.empty();
      }
      target = renewed.get();
    }
  }

  /**
   * Takes a posted (or dropped, and then counted) event out of the outbox, whether or not the lease
   * is still held (it was posted either way), and renews the lease in the same transaction.
   */
  private Optional<WebhookTarget> takeOut(
      String queue, WebhookOutbox.Entry entry, boolean dropped) {
    long now = System.currentTimeMillis();
    return store.atomically(
        tx -> {
          tx.webhooks().remove(entry);
          if (dropped) {
            tx.webhooks().countDropped();
          }
          return renewed(tx, queue, now);
        });
  }

  private Optional<WebhookTarget> renew(String queue) {
    long now = System.currentTimeMillis();
    return store.atomically(tx -> renewed(tx, queue, now));
  }

  /** Renews the lease if this master still holds it; then the current target. */
  private Optional<WebhookTarget> renewed(Transaction tx, String queue, long now) {
    String lease = LEASE_PREFIX + queue;
    if (tx.leases().find(lease).filter(l -> l.holder().equals(masterId)).isEmpty()) {
      return Optional.empty();
    }
    tx.leases().renew(lease, masterId, now + settings.leaseTime().toMillis());
    return Optional.of(WebhookTarget.read(tx, cluster));
  }

  private Duration maxBackoff() {
    return min(MAX_BACKOFF, settings.leaseTime().dividedBy(2));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private long retryForMillis() {
    return settings.retryFor().toMillis();
  }

  /** The endpoint's host only: its user information may be a credential. */
  private static String hostOf(String endpoint) {
    try {
      return endpoint.isEmpty() ? "(no endpoint)" : URI.create(endpoint).getHost();
    } catch (IllegalArgumentException e) {
      return "(an invalid endpoint)";
    }
  }

  private static void sleepQuietly(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The events to post, oldest first, and where to. */
  private record Batch(List<WebhookOutbox.Entry> entries, WebhookTarget target) {}
}
