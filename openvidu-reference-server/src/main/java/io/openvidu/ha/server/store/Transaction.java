package io.openvidu.ha.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One attempt at an atomic change of the cluster state, handed to the function given to {@link
 * ClusterStore#atomically}. Reads go to the store (and are remembered with their versions); writes
 * are only staged, and the store applies them together only if nothing read has changed meanwhile —
 * otherwise the whole function runs again on a fresh transaction. Staged writes are visible to
 * later reads of the same transaction.
 *
 * <p>The domain transitions live in the feature views: {@link #sessions()}, {@link #recordings()},
 * {@link #mediaNodes()}, {@link #idempotency()}, {@link #leases()}, {@link #events()}. Not
 * thread-safe: use it on the calling thread only, and do nothing irreversible inside the function
 * (it may run several times).
 */
public final class Transaction {
  private final DocumentStore documents;
  private final ObjectMapper json;
  private final Keys keys;
  private final Map<String, VersionedDocument> reads = new HashMap<>();

  /** The hashes read whole, with the fields each held when read. */
  private final Map<String, Set<String>> hashesRead = new HashMap<>();

  private final Map<String, DocumentWrite> stagedDocuments = new LinkedHashMap<>();
  private final List<DocumentWrite> stagedOthers = new ArrayList<>();

  /** The documents this transaction took from {@link #knownVersions} instead of the store. */
  private final List<String> assumed = new ArrayList<>();

  private final KnownVersions knownVersions;

  Transaction(DocumentStore documents, ObjectMapper json, Keys keys, KnownVersions knownVersions) {
    this.documents = documents;
    this.json = json;
    this.keys = keys;
    this.knownVersions = knownVersions;
  }

  /** Sessions and the connections under them. */
  public SessionOperations sessions() {
    return new SessionOperations(this, keys);
  }

  /** Recordings and their state machine. */
  public RecordingOperations recordings() {
    return new RecordingOperations(this, keys);
  }

  /** Media nodes and session placement. */
  public MediaNodeOperations mediaNodes() {
    return new MediaNodeOperations(this, keys);
  }

  /** Stored first responses of {@code Idempotency-Key}s. */
  public IdempotencyOperations idempotency() {
    return new IdempotencyOperations(this, keys);
  }

  /** Leases with expiry. */
  public LeaseOperations leases() {
    return new LeaseOperations(this, keys);
  }

  /** Events for other masters, published when (and only if) this transaction commits. */
  public EventOperations events() {
    return new EventOperations(this, keys);
  }

  /** Webhook events waiting to be posted (the outbox), staged with the change that causes them. */
  public WebhookOutbox webhooks() {
    return new WebhookOutbox(this, keys);
  }

  /** Reads a named free-form document (e.g. the cluster configuration). */
  public <T> Optional<T> readDocument(String name, Class<T> type) {
    return read(keys.document(name), type);
  }

  /** Stages a named free-form document. */
  public void writeDocument(String name, Object value) {
    put(keys.document(name), value, null);
  }

  /**
   * Drops every write staged so far (documents, set changes, events); what was read stays
   * version-checked. For a caller that turns a failure into a recorded answer instead of the change
   * it had begun.
   */
  public void discardStagedWrites() {
    stagedDocuments.clear();
    stagedOthers.clear();
  }

  // ---- primitives used by the feature views ----

  <T> Optional<T> read(String key, Class<T> type) {
    return readAll(List.of(key), type).stream().findFirst();
  }

  /**
   * Reads several documents in one round trip; absent ones are left out, order follows {@code
   * keyList}.
   */
  <T> List<T> readAll(List<String> keyList, Class<T> type) {
    load(keyList, List.of());
    List<T> result = new ArrayList<>();
    for (String key : keyList) {
      String text = currentJson(key);
      if (text != null) {
        result.add(decode(text, type));
      }
    }
    return result;
  }

  /**
   * Reads, in one round trip, whatever of {@code keyList} and of the hashes {@code hashKeys} this
   * transaction has not read yet. What was read before keeps the version it was read with (a
   * decision may rest on it), so a document that changed in between fails the commit.
   */
  void load(List<String> keyList, List<String> hashKeys) {
    for (String key : keyList) {
      if (!reads.containsKey(key) && !stagedDocuments.containsKey(key)) {
        knownVersions
            .get(key)
            .ifPresent(
                known -> {
                  reads.put(key, known);
                  assumed.add(key);
                });
      }
    }
    List<String> missing =
        keyList.stream()
            .filter(k -> !reads.containsKey(k) && !stagedDocuments.containsKey(k))
            .distinct()
            .toList();
    List<String> missingHashes =
        hashKeys.stream().filter(h -> !hashesRead.containsKey(h)).distinct().toList();
    if (missing.isEmpty() && missingHashes.isEmpty()) {
      return;
    }
    record(missingHashes, documents.read(missing, missingHashes));
  }

  private void record(List<String> missingHashes, Map<String, VersionedDocument> loaded) {
    for (String hash : missingHashes) {
      hashesRead.put(hash, new java.util.LinkedHashSet<>());
    }
    loaded.forEach(
        (key, doc) -> {
          reads.putIfAbsent(key, doc);
          knownVersions.saw(doc);
          HashField.parse(key)
              .filter(f -> !f.isVersion() && hashesRead.containsKey(f.hash()))
              .ifPresent(f -> hashesRead.get(f.hash()).add(key));
        });
  }

  /**
   * Reads {@code keyList} and the hashes {@code hashKeys} as {@link #load} does, in one snapshot
   * with the store's position (see {@link DocumentStore#snapshot}), which it returns. Only for a
   * transaction that has read nothing yet.
   */
  long loadSnapshot(List<String> keyList, List<String> hashKeys) {
    if (!reads.isEmpty() || !hashesRead.isEmpty()) {
      throw new IllegalStateException("a snapshot is the first read of a transaction");
    }
    DocumentStore.Snapshot snapshot = documents.snapshot(keyList, hashKeys);
    record(hashKeys, snapshot.documents());
    return snapshot.position();
  }

  /**
   * The documents of the hash {@code hashKey} as they are now, in no particular order, without
   * their versions being checked at commit: for a decision that version-checks what it rests on
   * some other way.
   */
  <T> List<T> peekHash(String hashKey, Class<T> type) {
    return new ArrayList<>(peekFields(hashKey, type).values());
  }

  /**
   * The documents of the hash {@code hashKey} as they are now, by field, without their versions
   * being checked at commit (as {@link #peekHash}); staged changes are not included.
   */
  <T> Map<String, T> peekFields(String hashKey, Class<T> type) {
    Map<String, T> result = new HashMap<>();
    documents
        .read(List.of(), List.of(hashKey))
        .forEach(
            (key, doc) ->
                HashField.parse(key)
                    .filter(f -> !f.isVersion() && doc.json() != null)
                    .ifPresent(f -> result.put(f.field(), decode(doc.json(), type))));
    return result;
  }

  /**
   * Stages a document appended to the hash {@code hashKey} under a field the commit names ({@link
   * DocumentWrite.Append}): a blind write, so transactions appending to one hash do not conflict.
   * Not visible to this transaction's reads.
   */
  void append(String hashKey, Object value) {
    stagedOthers.add(new DocumentWrite.Append(hashKey, encode(value)));
  }

  /**
   * Every document of the hash {@code hashKey}, staged changes included, in no particular order.
   * The hash's version is read too: any change to any of its fields by another transaction fails
   * this one's commit.
   */
  <T> List<T> readHash(String hashKey, Class<T> type) {
    load(List.of(), List.of(hashKey));
    Set<String> fieldKeys = new java.util.LinkedHashSet<>(hashesRead.get(hashKey));
    for (String key : stagedDocuments.keySet()) {
      HashField.parse(key).filter(f -> f.hash().equals(hashKey)).ifPresent(f -> fieldKeys.add(key));
    }
    StringBuilder array = new StringBuilder("[");
    for (String key : fieldKeys) {
      String text = currentJson(key);
      if (text != null) {
        array.append(array.length() == 1 ? "" : ",").append(text);
      }
    }
    // One parse of them all: a parse per document costs about twice as much in a big session.
    try {
      return json.readerForListOf(type).readValue(array.append(']').toString());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "corrupt " + type.getSimpleName() + " document in the store", e);
    }
  }

  /** Stages the removal of a hash with every field it holds. */
  void deleteHash(String hashKey) {
    ensureRead(HashField.versionOf(hashKey).key());
    stagedDocuments
        .keySet()
        .removeIf(key -> HashField.parse(key).filter(f -> f.hash().equals(hashKey)).isPresent());
    stagedDocuments.put(hashKey, new DocumentWrite.Delete(hashKey));
  }

  Set<String> members(String setKey) {
    Set<String> members = new java.util.LinkedHashSet<>(documents.members(setKey));
    for (DocumentWrite write : stagedOthers) {
      if (write instanceof DocumentWrite.AddMember add && add.setKey().equals(setKey)) {
        members.add(add.member());
      } else if (write instanceof DocumentWrite.RemoveMember remove
          && remove.setKey().equals(setKey)) {
        members.remove(remove.member());
      }
    }
    return members;
  }

  void put(String key, Object value, Duration ttl) {
    ensureRead(key);
    stagedDocuments.put(
        key, new DocumentWrite.Put(key, encode(value), ttl == null ? 0 : ttl.toMillis()));
  }

  void delete(String key) {
    ensureRead(key);
    stagedDocuments.put(key, new DocumentWrite.Delete(key));
  }

  void addMember(String setKey, String member) {
    stagedOthers.add(new DocumentWrite.AddMember(setKey, member));
  }

  void removeMember(String setKey, String member) {
    stagedOthers.add(new DocumentWrite.RemoveMember(setKey, member));
  }

  void publish(String channel, Object message) {
    stagedOthers.add(new DocumentWrite.Publish(channel, encode(message)));
  }

  // ---- used by ClusterStore to commit ----

  /** The documents taken from the known versions rather than read: the commit checks them. */
  List<String> assumed() {
    return assumed;
  }

  /** The documents this transaction writes that the known versions remember. */
  List<String> rememberedWrites() {
    return stagedDocuments.keySet().stream().filter(knownVersions::remembers).toList();
  }

  boolean hasWrites() {
    return !stagedDocuments.isEmpty() || !stagedOthers.isEmpty();
  }

  /** Whether every document read so far still has the version it was read with. */
  boolean readsStillCurrent() {
    if (reads.isEmpty()) {
      return true;
    }
    Map<String, VersionedDocument> now = documents.read(List.copyOf(reads.keySet()));
    return reads.entrySet().stream()
        .allMatch(e -> now.get(e.getKey()).version() == e.getValue().version());
  }

  Map<String, Long> expectedVersions() {
    Map<String, Long> versions = new HashMap<>();
    reads.forEach((key, doc) -> versions.put(key, doc.version()));
    return versions;
  }

  List<DocumentWrite> writes() {
    List<DocumentWrite> all = new ArrayList<>(stagedDocuments.values());
    // Publications go last so that a subscriber reacting to an event reads the state the event
    // describes.
    stagedOthers.stream().filter(w -> !(w instanceof DocumentWrite.Publish)).forEach(all::add);
    stagedOthers.stream().filter(w -> w instanceof DocumentWrite.Publish).forEach(all::add);
    return all;
  }

  /** A blind write would skip the version check; reading first makes every write conditional. */
  private void ensureRead(String key) {
    if (!reads.containsKey(key)) {
      reads.putAll(documents.read(List.of(key)));
    }
  }

  private String currentJson(String key) {
    DocumentWrite staged = stagedDocuments.get(key);
    if (staged instanceof DocumentWrite.Put put) {
      return put.json();
    }
    if (staged instanceof DocumentWrite.Delete) {
      return null;
    }
    Optional<HashField> field = HashField.parse(key);
    if (field.isPresent()
        && stagedDocuments.get(field.get().hash()) instanceof DocumentWrite.Delete) {
      return null;
    }
    VersionedDocument read = reads.get(key);
    return read == null ? null : read.json();
  }

  private String encode(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
    }
  }

  private <T> T decode(String text, Class<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "corrupt " + type.getSimpleName() + " document in the store", e);
    }
  }
}
