package io.openvidu.ha.server.store;

/**
 * Names of documents, sets and channels in a backend, under one prefix so several clusters may
 * share a Redis.
 */
final class Keys {
  private final String prefix;

  Keys(String prefix) {
    this.prefix = prefix;
  }

  String session(String id) {
    return prefix + "session:" + id;
  }

  /** The hash of a session's connections, one field document per connection. */
  String connections(String sessionId) {
    return prefix + "connections:" + sessionId;
  }

  String connection(String sessionId, String connectionId) {
    return new HashField(connections(sessionId), connectionId).key();
  }

  /** The hash indexing a session's pending connections by token, one field per token. */
  String tokens(String sessionId) {
    return prefix + "tokens:" + sessionId;
  }

  String token(String sessionId, String token) {
    return new HashField(tokens(sessionId), token).key();
  }

  String sessions() {
    return prefix + "sessions";
  }

  String recording(String id) {
    return prefix + "recording:" + id;
  }

  String recordings() {
    return prefix + "recordings";
  }

  String unfinishedRecordings() {
    return prefix + "recordings:unfinished";
  }

  String automaticRecordingCandidates() {
    return prefix + "recordings:automatic-candidates";
  }

  String mediaNode(String id) {
    return prefix + "node:" + id;
  }

  String mediaNodes() {
    return prefix + "nodes";
  }

  String idempotency(String key) {
    return prefix + "idem:" + key;
  }

  String lease(String id) {
    return prefix + "lease:" + id;
  }

  String leases() {
    return prefix + "leases";
  }

  String document(String name) {
    return prefix + "doc:" + name;
  }

  String channel(String name) {
    return prefix + "channel:" + name;
  }

  String webhookQueues() {
    return prefix + "webhook:queues";
  }

  /** The hash of a webhook queue's events, one field document per event ({@link AppendOrder}). */
  String webhookEvents(String queue) {
    return prefix + "webhook:events:" + queue;
  }

  String webhookEvent(String queue, AppendOrder order) {
    return new HashField(webhookEvents(queue), order.field()).key();
  }

  String webhookStats() {
    return prefix + "webhook:stats";
  }
}
