package io.openvidu.ha.server.store;

import java.util.Optional;

/**
 * The address of a document that is one field of a hash in a {@link DocumentStore}: how a session's
 * connections are kept, each its own versioned document, all of them readable in one round trip and
 * removable with their hash. Its {@link #key()} is the string a {@link DocumentStore} takes
 * wherever it takes a document key; the field {@code ""} ({@link #versionOf}) is the hash's own
 * version, which changes whenever any of its fields does.
 *
 * @param hash the key of the hash
 * @param field the field, never containing the separator
 */
public record HashField(String hash, String field) {
  /** Cannot appear in the ids the store keys by (ids are validated before they reach it). */
  private static final char SEPARATOR = '\u0000';

  public HashField {
    if (hash.indexOf(SEPARATOR) >= 0 || field.indexOf(SEPARATOR) >= 0) {
      throw new IllegalArgumentException("a hash key or field cannot contain NUL");
    }
  }

  /** The address of the version of the hash {@code hash}. */
  public static HashField versionOf(String hash) {
    return new HashField(hash, "");
  }

  /** The field named by {@code key}, or empty when {@code key} names a plain document. */
  public static Optional<HashField> parse(String key) {
    int at = key.indexOf(SEPARATOR);
    return at < 0
        ? Optional.empty()
        : Optional.of(new HashField(key.substring(0, at), key.substring(at + 1)));
  }

  /** The key of this field as a {@link DocumentStore} takes it. */
  public String key() {
    return hash + SEPARATOR + field;
  }

  /** Whether this is the hash's version rather than one of its documents. */
  public boolean isVersion() {
    return field.isEmpty();
  }
}
