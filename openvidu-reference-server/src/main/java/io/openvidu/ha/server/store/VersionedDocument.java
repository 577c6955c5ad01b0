package io.openvidu.ha.server.store;

/**
 * A JSON document read from a {@link DocumentStore} with its version. An absent document has
 * version 0 and null JSON. Versions are unique across the whole store (never reused after a
 * delete), so "unchanged version" really means "unchanged document".
 */
public record VersionedDocument(String key, long version, String json) {

  /** The absent document at {@code key}. */
  public static VersionedDocument absent(String key) {
    return new VersionedDocument(key, 0, null);
  }

  /** Whether the document exists. */
  public boolean exists() {
    return json != null;
  }
}
