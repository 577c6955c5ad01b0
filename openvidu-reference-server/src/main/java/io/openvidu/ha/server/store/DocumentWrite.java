package io.openvidu.ha.server.store;

/**
 * One change a {@link DocumentStore} applies in a commit. All writes of a commit are applied
 * together, in order, or not at all.
 */
public sealed interface DocumentWrite {

  /** Stores {@code json} at {@code key} with a new version; {@code ttlMillis} 0 means no expiry. */
  record Put(String key, String json, long ttlMillis) implements DocumentWrite {}

  /** Removes the document at {@code key}. */
  record Delete(String key) implements DocumentWrite {}

  /**
   * Adds a field document holding {@code json} to the hash {@code hash}, checking nothing: its
   * field is named by the commit itself ({@link AppendOrder}: the commit's position, then the rank
   * of this append among the commit's appends), so documents appended by later commits sort after
   * it and two commits appending to one hash never conflict. The hash's version moves on, as with
   * any field written.
   */
  record Append(String hash, String json) implements DocumentWrite {}

  /** Adds {@code member} to the set at {@code setKey}. */
  record AddMember(String setKey, String member) implements DocumentWrite {}

  /** Removes {@code member} from the set at {@code setKey}. */
  record RemoveMember(String setKey, String member) implements DocumentWrite {}

  /**
   * Publishes {@code message} on {@code channel}, after the other writes of the commit are visible.
   */
  record Publish(String channel, String message) implements DocumentWrite {}
}
