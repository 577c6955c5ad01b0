package io.openvidu.ha.server.store.memory;

import io.openvidu.ha.server.store.AppendOrder;
import io.openvidu.ha.server.store.DocumentStore;
import io.openvidu.ha.server.store.DocumentStore.Message;
import io.openvidu.ha.server.store.DocumentWrite;
import io.openvidu.ha.server.store.HashField;
import io.openvidu.ha.server.store.OrderedDelivery;
import io.openvidu.ha.server.store.Subscription;
import io.openvidu.ha.server.store.VersionedDocument;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A {@link DocumentStore} in this JVM's memory: the embedded default, shared by every master of the
 * JVM. One lock makes each commit atomic; expired documents read as absent and are dropped by the
 * next commit after they expire (as Redis drops expired keys), so a long-running cluster does not
 * keep every idempotency record it ever wrote. Each subscription has its own delivery thread, so a
 * slow listener delays only itself, and sees messages in commit order. Thread-safe.
 */
public final class MemoryDocumentStore implements DocumentStore {
  private final Object lock = new Object();
  private final Map<String, Entry> documents = new HashMap<>();
  private final Map<String, Hash> hashes = new HashMap<>();
  private final Map<String, Set<String>> sets = new HashMap<>();
  private final Map<String, List<MemorySubscription>> subscriptions = new HashMap<>();
  private final PriorityQueue<Expiry> expiries =
      new PriorityQueue<>(Comparator.comparingLong(Expiry::expiresAt));
  private long lastVersion;
  private boolean closed;

  @Override
  public Map<String, VersionedDocument> read(List<String> keys, List<String> hashKeys) {
    long now = System.currentTimeMillis();
    Map<String, VersionedDocument> result = new LinkedHashMap<>();
    synchronized (lock) {
      for (String key : keys) {
        Entry entry = live(key, now);
        result.put(
            key,
            entry == null
                ? VersionedDocument.absent(key)
                : new VersionedDocument(key, entry.version, entry.json));
      }
      for (String hashKey : hashKeys) {
        Hash hash = hashes.get(hashKey);
        String versionKey = HashField.versionOf(hashKey).key();
        result.put(
            versionKey, new VersionedDocument(versionKey, hash == null ? 0 : hash.version, null));
        if (hash != null) {
          hash.fields.forEach(
              (field, entry) -> {
                String key = new HashField(hashKey, field).key();
                result.put(key, new VersionedDocument(key, entry.version, entry.json));
              });
        }
      }
    }
    return result;
  }

  @Override
  public Snapshot snapshot(List<String> keys, List<String> hashKeys) {
    synchronized (lock) {
      return new Snapshot(read(keys, hashKeys), lastVersion);
    }
  }

  @Override
  public Set<String> members(String setKey) {
    synchronized (lock) {
      return new LinkedHashSet<>(sets.getOrDefault(setKey, Set.of()));
    }
  }

  @Override
  public boolean commit(Map<String, Long> expectedVersions, List<DocumentWrite> writes) {
    long now = System.currentTimeMillis();
    synchronized (lock) {
      for (Map.Entry<String, Long> expected : expectedVersions.entrySet()) {
        Entry entry = live(expected.getKey(), now);
        long current = entry == null ? 0 : entry.version;
        if (current != expected.getValue()) {
          return false;
        }
      }
      // The commit's position, taken at its first append or publication, shared by all of them.
      long position = 0;
      int appends = 0;
      for (DocumentWrite write : writes) {
        if ((write instanceof DocumentWrite.Publish || write instanceof DocumentWrite.Append)
            && position == 0) {
          position = ++lastVersion;
        }
        if (write instanceof DocumentWrite.Append append) {
          AppendOrder order = new AppendOrder(position, appends++);
          putField(append.hash(), order.field(), append.json());
        } else {
          apply(write, now, position);
        }
      }
      dropExpired(now);
      return true;
    }
  }

  @Override
  public Subscription subscribe(String channel, Consumer<Message> listener) {
    MemorySubscription subscription = new MemorySubscription(channel, listener);
    synchronized (lock) {
      subscriptions.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(subscription);
    }
    return subscription;
  }

  @Override
  public boolean ping() {
    synchronized (lock) {
      return !closed;
    }
  }

  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      subscriptions.values().forEach(list -> list.forEach(s -> s.delivery.stop()));
      subscriptions.clear();
    }
  }

  private void apply(DocumentWrite write, long now, long position) {
    Optional<HashField> field =
        write instanceof DocumentWrite.Put put
            ? HashField.parse(put.key())
            : write instanceof DocumentWrite.Delete delete
                ? HashField.parse(delete.key())
                : Optional.empty();
    if (field.isPresent()) {
      applyToField(field.get(), write);
    } else if (write instanceof DocumentWrite.Put put) {
      long version = ++lastVersion;
      long expiresAt = put.ttlMillis() > 0 ? now + put.ttlMillis() : Long.MAX_VALUE;
      documents.put(put.key(), new Entry(version, put.json(), expiresAt));
      if (expiresAt != Long.MAX_VALUE) {
        expiries.add(new Expiry(expiresAt, put.key(), version));
      }
    } else if (write instanceof DocumentWrite.Delete delete) {
      documents.remove(delete.key());
      hashes.remove(delete.key());
    } else if (write instanceof DocumentWrite.AddMember add) {
      sets.computeIfAbsent(add.setKey(), k -> new LinkedHashSet<>()).add(add.member());
    } else if (write instanceof DocumentWrite.RemoveMember remove) {
      Set<String> set = sets.get(remove.setKey());
      if (set != null) {
        set.remove(remove.member());
      }
    } else if (write instanceof DocumentWrite.Publish publish) {
      subscriptions
          .getOrDefault(publish.channel(), List.of())
          .forEach(s -> s.deliver(new Message(position, publish.message())));
    }
  }

  private void applyToField(HashField field, DocumentWrite write) {
    if (field.isVersion()) {
      throw new IllegalArgumentException("a hash's version is not written directly");
    }
    if (write instanceof DocumentWrite.Put put) {
      if (put.ttlMillis() > 0) {
        throw new IllegalArgumentException("a hash field has no time to live");
      }
      putField(field.hash(), field.field(), put.json());
    } else {
      Hash hash = hashes.get(field.hash());
      if (hash != null && hash.fields.remove(field.field()) != null) {
        hash.version = ++lastVersion;
      }
    }
  }

  private void putField(String hashKey, String field, String json) {
    Hash hash = hashes.computeIfAbsent(hashKey, k -> new Hash());
    long version = ++lastVersion;
    hash.fields.put(field, new Entry(version, json, Long.MAX_VALUE));
    hash.version = version;
  }

  private Entry live(String key, long now) {
    Optional<HashField> field = HashField.parse(key);
    if (field.isPresent()) {
      Hash hash = hashes.get(field.get().hash());
      if (hash == null) {
        return null;
      }
      return field.get().isVersion()
          ? new Entry(hash.version, null, Long.MAX_VALUE)
          : hash.fields.get(field.get().field());
    }
    Entry entry = documents.get(key);
    if (entry != null && entry.expiresAt <= now) {
      documents.remove(key);
      return null;
    }
    return entry;
  }

  /**
   * Removes the documents whose time is up, unless they were written again since (their version
   * moved on).
   */
  private void dropExpired(long now) {
    while (!expiries.isEmpty() && expiries.peek().expiresAt() <= now) {
      Expiry expiry = expiries.poll();
      Entry entry = documents.get(expiry.key());
      if (entry != null && entry.version == expiry.version()) {
        documents.remove(expiry.key());
      }
    }
  }

  /** How many documents are held, expired ones not dropped yet included: what the memory holds. */
  int documentCount() {
    synchronized (lock) {
      return documents.size();
    }
  }

  private record Entry(long version, String json, long expiresAt) {}

  /** A hash of field documents; its version is that of its last change. */
  private static final class Hash {
    private final Map<String, Entry> fields = new HashMap<>();
    private long version;
  }

  private record Expiry(long expiresAt, String key, long version) {}

  private final class MemorySubscription implements Subscription {
    private final String channel;
    private final OrderedDelivery<Message> delivery;

    MemorySubscription(String channel, Consumer<Message> listener) {
      this.channel = channel;
      this.delivery = new OrderedDelivery<>(channel, listener);
    }

    void deliver(Message message) {
      delivery.deliver(message);
    }

    @Override
    public void close() {
      synchronized (lock) {
        List<MemorySubscription> list = subscriptions.get(channel);
        if (list != null) {
          list.remove(this);
        }
      }
      delivery.stop();
    }
  }
}
