package io.openvidu.ha.server.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Session and connection transitions inside one {@link Transaction}. Every method validates before
 * it stages anything, so a {@link TransitionRejectedException} leaves the transaction as it was.
 *
 * <p>Layout: a session is one document without its connections; each connection is a field document
 * of the session's connections hash. A change to one connection reads and writes the session's
 * document and that one field, so its cost does not grow with the session, and changes to different
 * connections of one session do not conflict (the session document changes only on session-wide
 * transitions: activation, recording, closing). What needs the whole session (fetching it, a
 * participant leaving, a stream unpublished, a recording started, closing) reads the document and
 * the hash together in one round trip, and then conflicts with any concurrent change to the
 * session's connections, which keeps its view consistent. Closing deletes the hash with the
 * session.
 */
public final class SessionOperations {
  /** The reason a session closes when its last participant goes. */
  public static final String LAST_PARTICIPANT_LEFT = "lastParticipantLeft";

  private final Transaction tx;
  private final Keys keys;

  SessionOperations(Transaction tx, Keys keys) {
    this.tx = tx;
    this.keys = keys;
  }

  /** The session with that id, with its connections, if it exists. */
  public Optional<SessionState> find(String sessionId) {
    String connections = keys.connections(sessionId);
    tx.load(List.of(keys.session(sessionId)), List.of(connections));
    return head(sessionId)
        .map(
            session ->
                session.toBuilder()
                    .connections(sorted(tx.readHash(connections, ConnectionState.class)))
                    .build());
  }

  /**
   * Whether a session with that id exists. Unlike {@link #find}, does not read its connections, so
   * it does not conflict with changes to them.
   */
  public boolean exists(String sessionId) {
    return head(sessionId).isPresent();
  }

  /**
   * The session with its connections as one snapshot, and the store's position at it: the events
   * about the session published by commits up to that position are reflected in the snapshot, those
   * with a greater position are not (see {@link ClusterEvent#position()}). Only as the first read
   * of a transaction that writes nothing.
   */
  public SessionView view(String sessionId) {
    long position =
        tx.loadSnapshot(List.of(keys.session(sessionId)), List.of(keys.connections(sessionId)));
    return new SessionView(find(sessionId), position);
  }

  /**
   * The pending connection that {@code token} activates, if any (one read, whatever the size of the
   * session); rejected with {@link Rejection#SESSION_NOT_FOUND} when there is no such session.
   */
  public Optional<String> pendingConnectionId(String sessionId, String token) {
    tx.load(List.of(keys.session(sessionId), keys.token(sessionId, token)), List.of());
    requireHead(sessionId);
    return tx.read(keys.token(sessionId, token), TokenOwner.class).map(TokenOwner::connectionId);
  }

  /**
   * The session with that id; rejected with {@link Rejection#SESSION_NOT_FOUND} when there is none.
   */
  public SessionState get(String sessionId) {
    return find(sessionId)
        .orElseThrow(
            () ->
                new TransitionRejectedException(
                    Rejection.SESSION_NOT_FOUND, "Session " + sessionId + " not found"));
  }

  /** Every session, initialized or active, in no particular order. */
  public List<SessionState> list() {
    List<String> ids = new ArrayList<>(tx.members(keys.sessions()));
    tx.load(ids.stream().map(keys::session).toList(), ids.stream().map(keys::connections).toList());
    return ids.stream().map(this::find).flatMap(Optional::stream).toList();
  }

  /**
   * Creates {@code session}; rejected with {@link Rejection#SESSION_EXISTS} when its id is taken.
   */
  public SessionState create(SessionState session) {
    if (exists(session.id())) {
      throw new TransitionRejectedException(
          Rejection.SESSION_EXISTS, "Session " + session.id() + " already exists");
    }
    tx.put(keys.session(session.id()), session, null);
    tx.addMember(keys.sessions(), session.id());
    tx.webhooks().sessionCreated(session);
    return session;
  }

  /**
   * Replaces an existing session by {@code change} applied to it; its connections change only
   * through the connection transitions.
   */
  public SessionState update(String sessionId, UnaryOperator<SessionState> change) {
    SessionState current = get(sessionId);
    SessionState updated = change.apply(current);
    if (!updated.id().equals(sessionId)) {
      throw new IllegalArgumentException("a session's id cannot change");
    }
    if (!updated.connections().equals(current.connections())) {
      throw new IllegalArgumentException("connections change through the connection transitions");
    }
    tx.put(keys.session(sessionId), updated, null);
    return updated;
  }

  /**
   * Closes a session and everything under it: the session and its connections disappear, its media
   * node forgets it, its active recording (if any) becomes {@code stopped} with {@code reason}, and
   * a {@link ClusterEvent#SESSION_CLOSED} event (data: {@code reason}, and {@code
   * stoppedRecordingId} when a recording was stopped) tells every master to evict the participants
   * it holds and lets the recording feature finish the stopped recording.
   *
   * @return the session as it was just before closing
   */
  public SessionState close(String sessionId, String reason, long now) {
    SessionState session = get(sessionId);
    ObjectNode data = JsonNodeFactory.instance.objectNode().put("reason", reason);
    SessionState leaving = session;
    for (ConnectionState participant : session.activeConnections()) {
      tx.webhooks().participantLeft(leaving, participant, reason, now);
      leaving = leaving.withoutConnection(participant.id());
    }
    if (session.activeRecordingId() != null) {
      tx.recordings().stopActive(session, reason, false, now);
      data.put("stoppedRecordingId", session.activeRecordingId());
    }
    if (session.mediaNodeId() != null) {
      tx.mediaNodes().release(session.mediaNodeId(), sessionId);
    }
    tx.delete(keys.session(sessionId));
    tx.deleteHash(keys.connections(sessionId));
    tx.deleteHash(keys.tokens(sessionId));
    tx.removeMember(keys.sessions(), sessionId);
    tx.webhooks().sessionDestroyed(session, reason, now);
    tx.events()
        .publish(
            new ClusterEvent(
                ClusterEvent.SESSION_CLOSED,
                sessionId,
                session.activeConnections().stream().map(ConnectionState::id).toList(),
                data,
                null));
    return session;
  }

  /** The connection of a session; rejected when the session or the connection does not exist. */
  public ConnectionState connection(String sessionId, String connectionId) {
    tx.load(List.of(keys.session(sessionId), keys.connection(sessionId, connectionId)), List.of());
    requireHead(sessionId);
    return findConnection(sessionId, connectionId)
        .orElseThrow(() -> connectionNotFound(sessionId, connectionId));
  }

  /**
   * Adds a connection (pending WEBRTC, or an already active IP camera). An active connection
   * activates the session and places it on a media node if it is not placed yet.
   */
  public ConnectionState addConnection(ConnectionState connection) {
    String sessionId = connection.sessionId();
    String key = keys.connection(sessionId, connection.id());
    tx.load(List.of(keys.session(sessionId), key), List.of());
    SessionState session = requireHead(sessionId);
    if (findConnection(sessionId, connection.id()).isPresent()) {
      throw new TransitionRejectedException(
          Rejection.CONNECTION_EXISTS, "Connection " + connection.id() + " already exists");
    }
    if (connection.isActive()) {
      activate(session, connection.activeAt());
    }
    tx.put(key, connection, null);
    if (connection.status() == ConnectionStatus.PENDING && connection.token() != null) {
      tx.put(keys.token(sessionId, connection.token()), new TokenOwner(connection.id()), null);
    }
    if (connection.isActive()) {
      tx.webhooks().participantJoined(session, connection);
      for (PublisherState camera : connection.publishers()) {
        tx.webhooks().streamPublished(session, connection, camera);
      }
    }
    return connection;
  }

  /** Replaces a connection by {@code change} applied to it. */
  public ConnectionState updateConnection(
      String sessionId, String connectionId, UnaryOperator<ConnectionState> change) {
    ConnectionState current = connection(sessionId, connectionId);
    SessionState session = requireHead(sessionId);
    ConnectionState updated = change.apply(current);
    if (!updated.id().equals(connectionId) || !updated.sessionId().equals(sessionId)) {
      throw new IllegalArgumentException("a connection's id and session cannot change");
    }
    tx.put(keys.connection(sessionId, connectionId), updated, null);
    if (updated.record() != current.record()) {
      tx.recordings().recordFlagChanged(session, updated, System.currentTimeMillis());
    }
    return updated;
  }

  /**
   * Removes a connection (pending: its token becomes invalid; active: the participant is gone)
   * together with every subscription of other connections to its streams; a running recording stops
   * recording its streams (at the store's clock). The session stays, even with no participant left:
   * closing it is the caller's decision (it depends on recordings).
   */
  public ConnectionState removeConnection(String sessionId, String connectionId) {
    ConnectionState removed = connection(sessionId, connectionId);
    SessionState session = requireHead(sessionId);
    for (PublisherState publisher : removed.publishers()) {
      removeSubscribersOf(sessionId, publisher.streamId());
    }
    tx.delete(keys.connection(sessionId, connectionId));
    if (removed.status() == ConnectionStatus.PENDING && removed.token() != null) {
      tx.delete(keys.token(sessionId, removed.token()));
    }
    tx.recordings()
        .streamsEnded(
            session,
            removed.publishers().stream().map(PublisherState::streamId).toList(),
            System.currentTimeMillis());
    return removed;
  }

  /**
   * Takes a participant out of its session for {@code reason} ({@code forceDisconnectByServer},
   * {@code disconnect}, {@code networkDisconnect}, …): the connection and every subscription to its
   * streams go, a {@link ClusterEvent#CONNECTION_REMOVED} event {@linkplain ClusterEvent#toSession
   * to the session} tells the masters, and if it was the last participant of a session that is not
   * being recorded the session closes with reason {@code lastParticipantLeft}. (A recorded session
   * stays open for the recording's automatic stop.) A pending connection just disappears: its token
   * becomes invalid.
   *
   * <p>Whether it was the last participant rests on one other participant still there (a witness,
   * picked at random, whose own document alone is version-checked) rather than on the whole
   * session, so that participants leaving a big session conflict only with their witness's own
   * changes; only when no other participant is seen is the whole session read and checked. Leaving
   * with published streams reads the whole session anyway (the subscriptions to them go too).
   *
   * @return what happened, for webhooks and answers
   */
  public Eviction evict(String sessionId, String connectionId, String reason, long now) {
    ConnectionState current = connection(sessionId, connectionId);
    SessionState before = current.publishers().isEmpty() ? requireHead(sessionId) : get(sessionId);
    ConnectionState removed = removeConnection(sessionId, connectionId);
    if (!removed.isActive()) {
      return new Eviction(removed, false);
    }
    tx.webhooks().participantLeft(before, removed, reason, now);
    ObjectNode data =
        JsonNodeFactory.instance
            .objectNode()
            .put("reason", reason)
            .put("connectionId", connectionId);
    tx.events()
        .publish(
            ClusterEvent.toSession(
                ClusterEvent.CONNECTION_REMOVED, sessionId, List.of(connectionId), data));
    boolean closeSession = !before.isBeingRecorded() && deserted(sessionId, connectionId);
    if (closeSession) {
      close(sessionId, LAST_PARTICIPANT_LEFT, now);
    }
    return new Eviction(removed, closeSession);
  }

  /**
   * Whether no active participant is left in the session besides {@code leaving}, as of this
   * transaction's commit: a witness still active is version-checked alone; without one, the whole
   * session is.
   */
  private boolean deserted(String sessionId, String leaving) {
    List<ConnectionState> others =
        tx.peekHash(keys.connections(sessionId), ConnectionState.class).stream()
            .filter(c -> c.isActive() && !c.id().equals(leaving))
            .toList();
    if (!others.isEmpty()) {
      String witness =
          others.get(java.util.concurrent.ThreadLocalRandom.current().nextInt(others.size())).id();
      if (findConnection(sessionId, witness).filter(ConnectionState::isActive).isPresent()) {
        return false;
      }
    }
    return get(sessionId).activeConnections().isEmpty();
  }

  /**
   * Consumes a token: the pending connection carrying exactly {@code token} turns active with the
   * participant's details; the session turns active and is placed on a media node if it was not. A
   * token works once across the whole cluster: a second attempt is rejected with {@link
   * Rejection#TOKEN_INVALID}. Reads the session's own document, the token's index entry and that
   * one connection, so joins with different tokens of one session do not conflict (but for the
   * first, which activates the session).
   */
  public ConnectionState activateConnection(String sessionId, String token, Activation activation) {
    String tokenKey = keys.token(sessionId, token);
    Optional<String> connectionId = pendingConnectionId(sessionId, token);
    SessionState session = requireHead(sessionId);
    ConnectionState pending =
        connectionId
            .flatMap(id -> findConnection(sessionId, id))
            .filter(c -> c.status() == ConnectionStatus.PENDING && token.equals(c.token()))
            .orElseThrow(
                () ->
                    new TransitionRejectedException(
                        Rejection.TOKEN_INVALID, "Token is not valid for session " + sessionId));
    ConnectionState active =
        pending.with(
            b ->
                b.status(ConnectionStatus.ACTIVE)
                    .activeAt(activation.at())
                    .ip(activation.ip())
                    .platform(activation.platform())
                    .location(activation.location())
                    .clientData(activation.clientData())
                    .masterId(activation.masterId()));
    activate(session, activation.at());
    tx.put(keys.connection(sessionId, active.id()), active, null);
    tx.delete(tokenKey);
    tx.webhooks().participantJoined(session, active);
    return active;
  }

  /**
   * Adds a stream published by an active connection; a connection publishes at most one stream. A
   * running {@code INDIVIDUAL} recording of the session starts recording it.
   */
  public ConnectionState addPublisher(
      String sessionId, String connectionId, PublisherState publisher) {
    ConnectionState updated =
        updateConnection(
            sessionId,
            connectionId,
            c -> {
              List<PublisherState> publishers = new ArrayList<>(c.publishers());
              publishers.removeIf(p -> p.streamId().equals(publisher.streamId()));
              publishers.add(publisher);
              return c.with(b -> b.publishers(publishers));
            });
    SessionState head = requireHead(sessionId);
    tx.recordings().streamPublished(head, updated, publisher);
    tx.webhooks().streamPublished(head, updated, publisher);
    return updated;
  }

  /**
   * Removes the stream {@code streamId} from whichever connection of the session publishes it, and
   * every subscription to it; a running recording of the session stops recording it (at the store's
   * clock). Rejected with {@link Rejection#STREAM_NOT_FOUND} when no connection publishes it.
   *
   * @return the connection that published it, as it is after the removal
   */
  public ConnectionState removePublisher(String sessionId, String streamId) {
    SessionState session = get(sessionId);
    ConnectionState owner =
        session.connections().stream()
            .filter(c -> c.publishers().stream().anyMatch(p -> p.streamId().equals(streamId)))
            .findFirst()
            .orElseThrow(
                () ->
                    new TransitionRejectedException(
                        Rejection.STREAM_NOT_FOUND,
                        "Stream " + streamId + " not found in session " + sessionId));
    tx.put(
        keys.connection(sessionId, owner.id()),
        owner.with(
            b ->
                b.publishers(
                    owner.publishers().stream()
                        .filter(p -> !p.streamId().equals(streamId))
                        .toList())),
        null);
    removeSubscribersOf(sessionId, streamId);
    tx.recordings().streamsEnded(session, List.of(streamId), System.currentTimeMillis());
    return connection(sessionId, owner.id());
  }

  /** Records that {@code connectionId} receives {@code streamId}. */
  public ConnectionState addSubscriber(
      String sessionId, String connectionId, SubscriberState subscriber) {
    ConnectionState updated =
        updateConnection(
            sessionId,
            connectionId,
            c -> {
              List<SubscriberState> subscribers = new ArrayList<>(c.subscribers());
              subscribers.removeIf(s -> s.streamId().equals(subscriber.streamId()));
              subscribers.add(subscriber);
              return c.with(b -> b.subscribers(subscribers));
            });
    tx.webhooks().streamSubscribed(() -> get(sessionId), updated, subscriber);
    return updated;
  }

  /** Records that {@code connectionId} no longer receives {@code streamId}. */
  public ConnectionState removeSubscriber(String sessionId, String connectionId, String streamId) {
    tx.webhooks()
        .streamUnsubscribed(
            () -> get(sessionId),
            connection(sessionId, connectionId),
            streamId,
            "unsubscribe",
            System.currentTimeMillis());
    return updateConnection(
        sessionId,
        connectionId,
        c ->
            c.with(
                b ->
                    b.subscribers(
                        c.subscribers().stream()
                            .filter(s -> !s.streamId().equals(streamId))
                            .toList())));
  }

  /**
   * Marks the session active (since {@code at}) and places it on a media node, if not done yet: the
   * session's document is written only by the first participant, so later ones do not conflict on
   * it.
   */
  private void activate(SessionState session, Long at) {
    if (session.active() && session.mediaNodeId() != null) {
      return;
    }
    SessionState active =
        session.active() ? session : session.with(b -> b.active(true).activeAt(at));
    if (active.mediaNodeId() == null) {
      String nodeId = tx.mediaNodes().place(active);
      active = active.with(b -> b.mediaNodeId(nodeId));
    }
    tx.put(keys.session(session.id()), active, null);
  }

  /** Removes every subscription to {@code streamId} in the session (reads all its connections). */
  private void removeSubscribersOf(String sessionId, String streamId) {
    for (ConnectionState c : tx.readHash(keys.connections(sessionId), ConnectionState.class)) {
      if (c.subscribers().stream().anyMatch(s -> s.streamId().equals(streamId))) {
        tx.put(
            keys.connection(sessionId, c.id()),
            c.with(
                b ->
                    b.subscribers(
                        c.subscribers().stream()
                            .filter(s -> !s.streamId().equals(streamId))
                            .toList())),
            null);
      }
    }
  }

  /** The session's own document, without its connections. */
  private Optional<SessionState> head(String sessionId) {
    return tx.read(keys.session(sessionId), SessionState.class);
  }

  private SessionState requireHead(String sessionId) {
    return head(sessionId)
        .orElseThrow(
            () ->
                new TransitionRejectedException(
                    Rejection.SESSION_NOT_FOUND, "Session " + sessionId + " not found"));
  }

  /** The connection of a session, if it exists (one read; does not check that the session does). */
  public Optional<ConnectionState> findConnection(String sessionId, String connectionId) {
    return tx.read(keys.connection(sessionId, connectionId), ConnectionState.class);
  }

  private static final Comparator<ConnectionState> CREATION_ORDER =
      Comparator.comparingLong(ConnectionState::createdAt).thenComparing(ConnectionState::id);

  private static List<ConnectionState> sorted(List<ConnectionState> connections) {
    List<ConnectionState> copy = new ArrayList<>(connections);
    copy.sort(CREATION_ORDER);
    return copy;
  }

  private static TransitionRejectedException connectionNotFound(
      String sessionId, String connectionId) {
    return new TransitionRejectedException(
        Rejection.CONNECTION_NOT_FOUND,
        "Connection " + connectionId + " not found in session " + sessionId);
  }

  /** A session's connections and events as of one position of the store (see {@link #view}). */
  public record SessionView(Optional<SessionState> session, long position) {}

  /** The entry of a token in a session's token index: the pending connection it activates. */
  public record TokenOwner(String connectionId) {}

  /**
   * The outcome of {@link #evict}: the connection as it was, and whether its session closed with
   * it.
   */
  public record Eviction(ConnectionState connection, boolean sessionClosed) {}

  /**
   * What a participant brings when it joins with a token: when, from which address and platform,
   * its client data, and the master holding its socket.
   */
  public record Activation(
      long at, String ip, String platform, String location, String clientData, String masterId) {}
}
