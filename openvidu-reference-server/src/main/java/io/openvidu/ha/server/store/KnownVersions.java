package io.openvidu.ha.server.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last versions one process saw of a few documents that almost never change (the cluster
 * configuration), so that a transaction can use them without reading them from the store. Such a
 * read is an assumption the commit checks like any other read (the version must still be current),
 * so a document changed by another process costs one failed attempt, after which the fresh version
 * is read and remembered; nothing stale is ever acted upon. Thread-safe.
 */
final class KnownVersions {
  private final Set<String> keys;
  private final Map<String, VersionedDocument> known = new ConcurrentHashMap<>();

  /**
   * @param keys the documents worth remembering: read by most transitions, written rarely
   */
  KnownVersions(Set<String> keys) {
    this.keys = Set.copyOf(keys);
  }

  boolean remembers(String key) {
    return keys.contains(key);
  }

  /** The last version seen of {@code key}, if it is one to remember and one was seen. */
  Optional<VersionedDocument> get(String key) {
    return keys.contains(key) ? Optional.ofNullable(known.get(key)) : Optional.empty();
  }

  /** Remembers what was read from the store, unless a newer version is known already. */
  void saw(VersionedDocument document) {
    if (keys.contains(document.key())) {
      known.merge(document.key(), document, (a, b) -> a.version() >= b.version() ? a : b);
    }
  }

  /** Forgets what a transaction assumed, or wrote: the next one reads it afresh. */
  void forget(List<String> keyList) {
    keyList.forEach(known::remove);
  }
}
