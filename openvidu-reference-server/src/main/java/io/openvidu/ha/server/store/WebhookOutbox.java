package io.openvidu.ha.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The webhook outbox ({@code webhooks.md}): each event is staged in the transaction of the change
 * that causes it, so it exists if and only if the change commits, whichever master made it and
 * whatever happens to that master next. Events wait in one queue per session (cluster-wide events
 * in one more), in the order their changes committed; a master that holds a queue's lease posts its
 * events in that order and takes each out once posted (see the server's {@code webhook} package).
 *
 * <p>Staging honours the configuration in the store at commit time ({@code OPENVIDU_WEBHOOK}, and
 * {@code OPENVIDU_WEBHOOK_EVENTS} as the filter): with webhooks off nothing is staged, nothing more
 * is read (the configuration is taken at its last known version and checked at commit: {@code
 * KnownVersions}), and no transition conflicts more than it did. With them on, staging reads
 * nothing of the queue either: it {@linkplain DocumentWrite.Append appends} the event, named by its
 * commit's position, so transitions of one session do not conflict over their events and the events
 * still come out in the order of the commits. Media-node events go to {@link #CLUSTER_QUEUE}, one
 * queue for every node.
 *
 * <p>Layout: a set of queue names (staging adds its queue blindly; a queue leaves it only in a
 * transaction that read the queue empty, so an event staged meanwhile fails that transaction
 * instead of being stranded); per queue a hash of events, field {@link AppendOrder} to document
 * {@link Staged}; a stats document with the number of events dropped after their retries.
 */
public final class WebhookOutbox {

  /** The events posted by default: OpenVidu 2.20 CE's default {@code OPENVIDU_WEBHOOK_EVENTS}. */
  public static final List<String> DEFAULT_EVENTS =
      List.of(
          "sessionCreated",
          "sessionDestroyed",
          "participantJoined",
          "participantLeft",
          "webrtcConnectionCreated",
          "webrtcConnectionDestroyed",
          "recordingStatusChanged",
          "filterEventDispatched",
          "signalSent",
          "mediaNodeStatusChanged",
          "autoscaling",
          "nodeCrashed");

  /**
   * Every name {@code OPENVIDU_WEBHOOK_EVENTS} may list: the defaults and the two CDR-only events
   * (accepted, never posted).
   */
  public static final Set<String> KNOWN_EVENTS = knownEvents();

  /** The queue of events that belong to no session (media nodes). Not a valid session id. */
  public static final String CLUSTER_QUEUE = "~cluster";

  /** {@code OPENVIDU_PRO_CLUSTER_ID} unless {@code /restart} changed it. */
  public static final String DEFAULT_CLUSTER_ID = "openvidu-reference-cluster";

  private static final String CONFIG = "config";
  private static final String UNKNOWN_LOCATION = "unknown";

  private final Transaction tx;
  private final Keys keys;

  WebhookOutbox(Transaction tx, Keys keys) {
    this.tx = tx;
    this.keys = keys;
  }

  // ---- staging, one call per transition ----

  /** {@code sessionCreated}, at the session's creation time. */
  public void sessionCreated(SessionState session) {
    stage(session.id(), "sessionCreated", sessionMembers(session, session.createdAt()));
  }

  /**
   * {@code sessionDestroyed}; per-participant reasons must already be mapped to {@code
   * lastParticipantLeft} by the caller (spec §4).
   */
  public void sessionDestroyed(SessionState session, String reason, long now) {
    ObjectNode body = sessionMembers(session, now);
    ending(body, session.createdAt(), now, reason);
    stage(session.id(), "sessionDestroyed", body);
  }

  /** {@code participantJoined} at the connection's activation time. */
  public void participantJoined(SessionState session, ConnectionState connection) {
    stage(
        session.id(),
        "participantJoined",
        participantMembers(session, connection, activeAt(connection)));
  }

  /**
   * A participant's departure: first the end of every media connection it was part of (the INBOUND
   * connections of those receiving its streams, its own INBOUND connections, its OUTBOUND
   * connections), then {@code participantLeft}, all with {@code reason}. {@code session} is the
   * session before the participant was removed.
   */
  public void participantLeft(
      SessionState session, ConnectionState connection, String reason, long now) {
    if (!enabled()) {
      return;
    }
    for (PublisherState publisher : connection.publishers()) {
      for (ConnectionState other : session.connections()) {
        if (!other.id().equals(connection.id())) {
          other.subscribers().stream()
              .filter(s -> s.streamId().equals(publisher.streamId()))
              .forEach(s -> inboundDestroyed(session, other, s, reason, now));
        }
      }
    }
    for (SubscriberState subscriber : connection.subscribers()) {
      inboundDestroyed(session, connection, subscriber, reason, now);
    }
    for (PublisherState publisher : connection.publishers()) {
      outboundDestroyed(session, connection, publisher, reason, now);
    }
    long joined = activeAt(connection);
    ObjectNode body = participantMembers(session, connection, now);
    ending(body, joined, now, reason);
    stage(session.id(), "participantLeft", body);
  }

  /** {@code webrtcConnectionCreated} OUTBOUND: {@code connection} started publishing. */
  public void streamPublished(
      SessionState session, ConnectionState connection, PublisherState publisher) {
    stage(
        session.id(),
        "webrtcConnectionCreated",
        outboundMembers(session, connection, publisher, publisher.createdAt()));
  }

  /** {@code webrtcConnectionCreated} INBOUND: {@code subscriber} started receiving a stream. */
  public void streamSubscribed(
      Supplier<SessionState> session, ConnectionState subscriber, SubscriberState subscription) {
    // The whole session is read only when the event is wanted: that read makes a subscription
    // conflict with every change to the session's other connections.
    if (!wanted("webrtcConnectionCreated")) {
      return;
    }
    SessionState whole = session.get();
    inboundMembers(whole, subscriber, subscription, subscription.createdAt())
        .ifPresent(body -> stage(whole.id(), "webrtcConnectionCreated", body));
  }

  /**
   * A published stream ended: the INBOUND connections receiving it, then its OUTBOUND one, all with
   * {@code reason}. {@code session} is the session before the stream was removed.
   */
  public void streamEnded(SessionState session, String streamId, String reason, long now) {
    if (!enabled()) {
      return;
    }
    for (ConnectionState other : session.connections()) {
      other.subscribers().stream()
          .filter(s -> s.streamId().equals(streamId))
          .forEach(s -> inboundDestroyed(session, other, s, reason, now));
    }
    for (ConnectionState owner : session.connections()) {
      owner.publishers().stream()
          .filter(p -> p.streamId().equals(streamId))
          .forEach(p -> outboundDestroyed(session, owner, p, reason, now));
    }
  }

  /** {@code webrtcConnectionDestroyed} INBOUND: {@code subscriber} stopped receiving a stream. */
  public void streamUnsubscribed(
      Supplier<SessionState> session,
      ConnectionState subscriber,
      String streamId,
      String reason,
      long now) {
    if (!wanted("webrtcConnectionDestroyed")) {
      return; // without reading the whole session, as streamSubscribed
    }
    SessionState whole = session.get();
    subscriber.subscribers().stream()
        .filter(s -> s.streamId().equals(streamId))
        .forEach(s -> inboundDestroyed(whole, subscriber, s, reason, now));
  }

  /**
   * {@code signalSent}: {@code from} is null for REST signals; {@code type} as it is to be reported
   * (without a client's {@code signal:} prefix).
   */
  public void signalSent(
      SessionState session, String from, List<String> to, String type, String data, long now) {
    ObjectNode body = sessionMembers(session, now);
    body.put("from", from);
    ArrayNode recipients = body.putArray("to");
    new LinkedHashSet<>(to).forEach(recipients::add);
    body.put("type", type);
    body.put("data", data);
    stage(session.id(), "signalSent", body);
  }

  /**
   * {@code recordingStatusChanged} for a recording that reached {@code started}, {@code stopped},
   * {@code ready} or {@code failed}; nothing for other statuses.
   */
  public void recordingStatusChanged(RecordingState recording, long now) {
    RecordingStatus status = recording.status();
    if (status == RecordingStatus.STARTING) {
      return;
    }
    boolean started = status == RecordingStatus.STARTED;
    RecordingProperties properties = recording.properties();
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("sessionId", recording.sessionId());
    body.put("uniqueSessionId", recording.uniqueSessionId());
    body.put("timestamp", started ? recording.createdAt() : now);
    body.put("startTime", recording.createdAt());
    body.put(
        "duration",
        status == RecordingStatus.READY || status == RecordingStatus.FAILED
            ? recording.duration()
            : 0);
    if (!started && recording.reason() != null) {
      body.put("reason", recording.reason());
    }
    body.put("id", recording.id());
    body.put("name", properties.name());
    body.put("outputMode", properties.outputMode().name());
    if (properties.outputMode() != OutputMode.INDIVIDUAL && properties.hasVideo()) {
      body.put("resolution", properties.resolution());
      body.put("frameRate", properties.frameRate());
      body.put("recordingLayout", properties.recordingLayout().name());
      if (properties.recordingLayout() == RecordingLayout.CUSTOM
          && properties.customLayout() != null
          && !properties.customLayout().isEmpty()) {
        body.put("customLayout", properties.customLayout());
      }
      if (recording.mediaNodeId() != null) {
        body.put("media_node_id", recording.mediaNodeId());
      }
    }
    body.put("hasAudio", properties.hasAudio());
    body.put("hasVideo", properties.hasVideo());
    body.put("size", recording.size());
    body.put("status", status.wireName());
    stage(recording.sessionId(), "recordingStatusChanged", body);
  }

  /**
   * {@code mediaNodeStatusChanged} (§3.10) in the cluster queue: {@code oldStatus} is null for a
   * node that starts {@code launching}.
   */
  public void mediaNodeStatusChanged(
      MediaNodeState node, MediaNodeStatus oldStatus, MediaNodeStatus newStatus, long now) {
    if (!wanted("mediaNodeStatusChanged")) {
      return;
    }
    ObjectNode body = nodeMembers(node, now);
    body.put("newStatus", newStatus.wireName());
    body.put("oldStatus", oldStatus == null ? null : oldStatus.wireName());
    body.put("clusterId", clusterId());
    stage(CLUSTER_QUEUE, "mediaNodeStatusChanged", body);
  }

  /**
   * {@code nodeCrashed} (§3.11) in the cluster queue, for a media node hosting {@code node}'s
   * sessions and the recordings {@code recordingIds}.
   */
  public void nodeCrashed(MediaNodeState node, List<String> recordingIds, long now) {
    if (!wanted("nodeCrashed")) {
      return;
    }
    ObjectNode body = nodeMembers(node, now);
    if (node.environmentId() == null) {
      body.remove("environmentId");
    }
    body.put("nodeRole", "medianode");
    node.sessionIds().forEach(body.putArray("sessionIds")::add);
    recordingIds.forEach(body.putArray("recordingIds")::add);
    body.put("clusterId", clusterId());
    stage(CLUSTER_QUEUE, "nodeCrashed", body);
  }

  // ---- delivery ----

  /** The queues holding events, in no particular order. */
  public List<String> queues() {
    return new ArrayList<>(tx.members(keys.webhookQueues()));
  }

  /**
   * The events of a queue, oldest first (in the order their changes committed). Not
   * version-checked: an event staged after this read sorts after all of them, so the oldest read is
   * the oldest there is, and a transaction delivering from a queue does not conflict with the
   * events staged into it.
   */
  public List<Entry> pending(String queue) {
    List<Entry> entries = new ArrayList<>();
    tx.peekFields(keys.webhookEvents(queue), Staged.class)
        .forEach(
            (field, staged) ->
                AppendOrder.parse(field)
                    .ifPresent(order -> entries.add(staged.entry(queue, order))));
    entries.sort(Comparator.comparing(Entry::order));
    return entries;
  }

  /**
   * Takes an event out of its queue (posted, or given up). Nothing when it is no longer there
   * (another master took it out).
   */
  public void remove(Entry entry) {
    String key = keys.webhookEvent(entry.queue(), entry.order());
    if (tx.read(key, Staged.class).isPresent()) {
      tx.delete(key);
    }
  }

  /**
   * Removes the queue (from the set of queues, with its hash) if it holds no event, reading it
   * version-checked: an event staged before this transaction commits makes it run again.
   *
   * @return whether the queue was empty, and is gone
   */
  public boolean removeIfEmpty(String queue) {
    String events = keys.webhookEvents(queue);
    if (!tx.readHash(events, JsonNode.class).isEmpty()) {
      return false;
    }
    tx.deleteHash(events);
    tx.removeMember(keys.webhookQueues(), queue);
    return true;
  }

  /** Counts one event dropped after its retries. */
  public void countDropped() {
    Stats stats = tx.read(keys.webhookStats(), Stats.class).orElse(new Stats(0));
    tx.put(keys.webhookStats(), new Stats(stats.dropped() + 1), null);
  }

  /** Events dropped after their retries since the store was created. */
  public long droppedCount() {
    return tx.read(keys.webhookStats(), Stats.class).map(Stats::dropped).orElse(0L);
  }

  // ---- internals ----

  private void stage(String queue, String name, ObjectNode body) {
    if (!wanted(name)) {
      return;
    }
    body.put("event", name);
    tx.append(
        keys.webhookEvents(queue),
        new Staged(
            "evt_" + UUID.randomUUID().toString().replace("-", ""),
            name,
            body,
            System.currentTimeMillis()));
    tx.addMember(keys.webhookQueues(), queue);
    tx.events().publishOn(CHANNEL, new ClusterEvent(STAGED, queue, List.of(), null, null));
  }

  /** The channel on which staging wakes the masters' dispatchers up. */
  public static final String CHANNEL = "webhook";

  /** The type of the wake-up event on {@link #CHANNEL}; its session id is the queue. */
  public static final String STAGED = "webhookStaged";

  private boolean wanted(String event) {
    return enabled() && filter().contains(event);
  }

  private boolean enabled() {
    return config().path("OPENVIDU_WEBHOOK").asBoolean(false);
  }

  private Set<String> filter() {
    JsonNode events = config().get("OPENVIDU_WEBHOOK_EVENTS");
    if (events == null || !events.isArray()) {
      return Set.copyOf(DEFAULT_EVENTS);
    }
    Set<String> names = new LinkedHashSet<>();
    events.forEach(e -> names.add(e.asText()));
    return names;
  }

  private JsonNode config() {
    return tx.readDocument(CONFIG, ObjectNode.class)
        .map(JsonNode.class::cast)
        .orElse(JsonNodeFactory.instance.objectNode());
  }

  private void inboundDestroyed(
      SessionState session,
      ConnectionState subscriber,
      SubscriberState subscription,
      String reason,
      long now) {
    inboundMembers(session, subscriber, subscription, now)
        .ifPresent(
            body -> {
              ending(body, subscription.createdAt(), now, reason);
              stage(session.id(), "webrtcConnectionDestroyed", body);
            });
  }

  private void outboundDestroyed(
      SessionState session,
      ConnectionState owner,
      PublisherState publisher,
      String reason,
      long now) {
    ObjectNode body = outboundMembers(session, owner, publisher, now);
    ending(body, publisher.createdAt(), now, reason);
    stage(session.id(), "webrtcConnectionDestroyed", body);
  }

  private static ObjectNode nodeMembers(MediaNodeState node, long timestamp) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("timestamp", timestamp);
    body.put("id", node.id());
    body.put("environmentId", node.environmentId());
    body.put("ip", node.ip());
    body.put("uri", node.uri());
    return body;
  }

  private String clusterId() {
    return config().path("OPENVIDU_PRO_CLUSTER_ID").asText(DEFAULT_CLUSTER_ID);
  }

  private static ObjectNode sessionMembers(SessionState session, long timestamp) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("sessionId", session.id());
    body.put("uniqueSessionId", session.id() + "_" + session.createdAt());
    body.put("timestamp", timestamp);
    return body;
  }

  private static ObjectNode participantMembers(
      SessionState session, ConnectionState connection, long timestamp) {
    ObjectNode body = sessionMembers(session, timestamp);
    boolean camera = connection.type() == ConnectionType.IPCAM;
    body.put("participantId", connection.id());
    body.put("connectionId", connection.id());
    body.put("location", connection.location() == null ? UNKNOWN_LOCATION : connection.location());
    body.put("ip", connection.ip());
    body.put("platform", camera ? "IPCAM" : connection.platform());
    body.put("clientData", camera ? null : connection.clientData());
    body.put("serverData", connection.serverData() == null ? "" : connection.serverData());
    return body;
  }

  private static ObjectNode outboundMembers(
      SessionState session, ConnectionState owner, PublisherState publisher, long timestamp) {
    ObjectNode body =
        connectionMembers(session, owner, publisher.streamId(), "OUTBOUND", timestamp);
    if (owner.type() == ConnectionType.IPCAM) {
      body.put("rtspUri", owner.rtspUri());
      body.put("adaptativeBitrate", owner.adaptativeBitrate());
      body.put("networkCache", owner.networkCache());
      body.put("onlyPlayWithSubscribers", owner.onlyPlayWithSubscribers());
    }
    mediaMembers(body, publisher.mediaOptions());
    return body;
  }

  /** Empty when the received stream is no longer published anywhere in {@code session}. */
  private static Optional<ObjectNode> inboundMembers(
      SessionState session,
      ConnectionState subscriber,
      SubscriberState subscription,
      long timestamp) {
    for (ConnectionState owner : session.connections()) {
      for (PublisherState publisher : owner.publishers()) {
        if (publisher.streamId().equals(subscription.streamId())) {
          ObjectNode body =
              connectionMembers(session, subscriber, publisher.streamId(), "INBOUND", timestamp);
          body.put("receivingFrom", owner.id());
          mediaMembers(body, publisher.mediaOptions());
          return Optional.of(body);
        }
      }
    }
    return Optional.empty();
  }

  private static ObjectNode connectionMembers(
      SessionState session,
      ConnectionState connection,
      String streamId,
      String direction,
      long timestamp) {
    ObjectNode body = sessionMembers(session, timestamp);
    body.put("streamId", streamId);
    body.put("participantId", connection.id());
    body.put("connectionId", connection.id());
    body.put("connection", direction);
    return body;
  }

  private static void mediaMembers(ObjectNode body, MediaOptions media) {
    if (media == null) {
      body.put("audioEnabled", false);
      body.put("videoEnabled", false);
      return;
    }
    if (media.hasVideo()) {
      body.put("videoSource", media.typeOfVideo());
      body.put("videoFramerate", media.frameRate() == null ? -1 : media.frameRate());
      body.put("videoDimensions", media.videoDimensions());
    }
    body.put("audioEnabled", media.hasAudio());
    body.put("videoEnabled", media.hasVideo());
  }

  private static void ending(ObjectNode body, long startTime, long now, String reason) {
    body.put("startTime", startTime);
    body.put("duration", Math.max(0, (now - startTime) / 1000));
    body.put("reason", reason);
  }

  private static long activeAt(ConnectionState connection) {
    return connection.activeAt() != null ? connection.activeAt() : connection.createdAt();
  }

  private static Set<String> knownEvents() {
    Set<String> names = new LinkedHashSet<>(DEFAULT_EVENTS);
    names.add("recordingStarted");
    names.add("recordingStopped");
    return Set.copyOf(names);
  }

  /** The number of events dropped after their retries. */
  record Stats(long dropped) {}

  /**
   * One staged event as stored (its queue and its place in it are its hash and its field): its id
   * (the {@code webhook-id} header), its name, its body and when it was staged.
   */
  record Staged(String id, String name, JsonNode body, long stagedAt) {
    Entry entry(String queue, AppendOrder order) {
      return new Entry(id, queue, order, name, body, stagedAt);
    }
  }

  /**
   * One staged event: its id (the {@code webhook-id} header), its queue and place in it (the order
   * of the commit that staged it), its name, its body and when it was staged (for the delivery
   * delay).
   */
  public record Entry(
      String id, String queue, AppendOrder order, String name, JsonNode body, long stagedAt) {}
}
