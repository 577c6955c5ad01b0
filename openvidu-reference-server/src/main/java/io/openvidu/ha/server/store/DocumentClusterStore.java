package io.openvidu.ha.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ClusterStore} over a {@link DocumentStore}: optimistic transactions retried on conflict.
 */
final class DocumentClusterStore implements ClusterStore {
  private static final Logger log = LoggerFactory.getLogger(DocumentClusterStore.class);
  private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final DocumentStore documents;
  private final Keys keys;

  /**
   * One codec for every store of the JVM: it is thread-safe, and its caches of (de)serializers,
   * costly to build for the domain records, are then built once, whichever store (a scratch one
   * warming up code included) uses it first.
   */
  private static final ObjectMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final ObjectMapper json = JSON;

  /**
   * The configuration is read by every transition that may stage a webhook event and written only
   * by {@code /restart}: its last version is assumed, and checked at commit, instead of read.
   */
  private final KnownVersions knownVersions;

  DocumentClusterStore(DocumentStore documents, String keyPrefix) {
    this.documents = documents;
    this.keys = new Keys(keyPrefix);
    this.knownVersions = new KnownVersions(Set.of(keys.document("config")));
  }

  @Override
  public <T> T atomically(Function<Transaction, T> work) {
    long deadline = System.nanoTime() + GIVE_UP_NANOS;
    for (int attempt = 1; ; attempt++) {
      Transaction tx = new Transaction(documents, json, keys, knownVersions);
      T result;
      try {
        result = work.apply(tx);
      } catch (RuntimeException e) {
        boolean current = tx.readsStillCurrent();
        if (!current) {
          knownVersions.forget(tx.assumed());
        }
        // Reads are not a snapshot: a refusal computed from documents that changed while being read
        // may be wrong
        // (e.g. a token found pending, then its lease found taken). Only a refusal of a consistent
        // view stands.
        if (current || System.nanoTime() > deadline) {
          throw e;
        }
        backOff(attempt);
        continue;
      }
      if (!tx.hasWrites()) {
        // Nothing commits to check an assumed version: check it here (what a read would cost).
        if (tx.assumed().isEmpty() || tx.readsStillCurrent()) {
          return result;
        }
        knownVersions.forget(tx.assumed());
        continue;
      }
      if (documents.commit(tx.expectedVersions(), tx.writes())) {
        knownVersions.forget(tx.rememberedWrites());
        return result;
      }
      knownVersions.forget(tx.assumed());
      if (System.nanoTime() > deadline) {
        throw new StoreUnavailableException(
            "gave up after " + attempt + " conflicting attempts", null);
      }
      backOff(attempt);
    }
  }

  @Override
  public Subscription subscribe(String channel, Consumer<ClusterEvent> listener) {
    return documents.subscribe(
        keys.channel(channel),
        message -> {
          ClusterEvent event;
          try {
            event = json.readValue(message.text(), ClusterEvent.class).at(message.position());
          } catch (JsonProcessingException e) {
            log.warn("Ignoring an unreadable event on channel {}", channel, e);
            return;
          }
          listener.accept(event);
        });
  }

  @Override
  public boolean isReachable() {
    return documents.ping();
  }

  @Override
  public void close() {
    documents.close();
  }

  /**
   * Losers of a race retry at once first, then spread out so that a crowd of them does not collide
   * again.
   */
  private static void backOff(int attempt) {
    if (attempt <= 2) {
      return;
    }
    long maxMicros = Math.min(5_000, 50L << Math.min(attempt, 7));
    LockSupport.parkNanos(
        TimeUnit.MICROSECONDS.toNanos(ThreadLocalRandom.current().nextLong(maxMicros)));
  }
}
