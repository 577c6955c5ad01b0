package io.openvidu.ha.server.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvidu.ha.server.cluster.MasterFeature;
import io.openvidu.ha.server.config.ClusterSettings;
import io.openvidu.ha.server.store.ClusterStore;
import io.openvidu.ha.server.store.StoreUnavailableException;
import io.openvidu.ha.server.store.Subscription;
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
        Optional<Step> step = next(queue);
        if (step.isEmpty() || !deliver(queue, step.get())) {
          return;
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
   * Renews the lease and reads the queue's head and the current target; releases the lease when the
   * queue is empty (in the same transaction, so an event staged meanwhile makes it run again).
   * Empty when there is nothing to post or the lease is lost.
   */
  private Optional<Step> next(String queue) {
    long now = System.currentTimeMillis();
    try {
      return store.atomically(
          tx -> {
            tx.leases()
                .renew(LEASE_PREFIX + queue, masterId, now + settings.leaseTime().toMillis());
            Optional<WebhookOutbox.Entry> head = tx.webhooks().head(queue);
            if (head.isEmpty()) {
              tx.leases().release(LEASE_PREFIX + queue, masterId);
              return Optional.empty();
            }
            return Optional.of(new Step(head.get(), WebhookTarget.read(tx, cluster)));
          });
    } catch (TransitionRejectedException lost) {
      return Optional.empty();
    }
  }

  /**
   * Posts one event until delivered or given up.
   *
   * @return false when the lease was lost meanwhile (another master has the queue)
   */
  private boolean deliver(String queue, Step step) throws InterruptedException {
    WebhookOutbox.Entry entry = step.entry();
    byte[] body;
    try {
      body = JSON.writeValueAsBytes(entry.body());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode webhook event " + entry.id(), e);
    }
    long firstAttempt = System.currentTimeMillis();
    Duration backoff = min(FIRST_BACKOFF, maxBackoff());
    WebhookTarget target = step.target();
    for (int attempt = 1; ; attempt++) {
      WebhookPost.Outcome outcome =
          target.endpoint().isEmpty()
              ? WebhookPost.Outcome.failed("no OPENVIDU_WEBHOOK_ENDPOINT is configured")
              : post.send(target, entry.id(), body, System.currentTimeMillis());
      if (outcome.delivered()) {
        store.atomically(
            tx -> {
              tx.webhooks().remove(entry);
              return null;
            });
        log.debug(
            "Webhook event {} ({}) delivered {} ms after it happened",
            entry.id(),
            entry.name(),
            System.currentTimeMillis() - entry.stagedAt());
        return true;
      }
      log.debug("Webhook event {} attempt {} failed: {}", entry.id(), attempt, outcome.failure());
      long elapsed = System.currentTimeMillis() - firstAttempt;
      if (target.endpoint().isEmpty() || elapsed + backoff.toMillis() > retryForMillis()) {
        drop(entry, attempt, elapsed, outcome.failure(), target);
        return true;
      }
      // The lease is renewed before and after each wait, and a wait is at most half the lease
      // time: a holder that is alive never loses its queue, whatever the backoff.
      if (renew(queue).isEmpty()) {
        return false;
      }
      Thread.sleep(backoff.toMillis());
      backoff = min(backoff.multipliedBy(2), maxBackoff());
      Optional<WebhookTarget> renewed = renew(queue);
      if (renewed.isEmpty()) {
        return false;
      }
      target = renewed.get();
    }
  }

  private Optional<WebhookTarget> renew(String queue) {
    long now = System.currentTimeMillis();
    try {
      return Optional.of(
          store.atomically(
              tx -> {
                tx.leases()
                    .renew(LEASE_PREFIX + queue, masterId, now + settings.leaseTime().toMillis());
                return WebhookTarget.read(tx, cluster);
              }));
    } catch (TransitionRejectedException lost) {
      return Optional.empty();
    }
  }

  private void drop(
      WebhookOutbox.Entry entry, int attempts, long elapsed, String failure, WebhookTarget target) {
    store.atomically(
        tx -> {
          tx.webhooks().remove(entry);
          tx.webhooks().countDropped();
          return null;
        });
    log.warn(
        "Webhook event {} ({}, session {}) dropped after {} attempt(s) in {} ms to {}: {}",
        entry.id(),
        entry.name(),
        entry.queue(),
        attempts,
        elapsed,
        hostOf(target.endpoint()),
        failure);
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

  /** The event to post and where to. */
  private record Step(WebhookOutbox.Entry entry, WebhookTarget target) {}
}
