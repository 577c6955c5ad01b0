package io.openvidu.ha.server.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Session and connection transitions inside one {@link Transaction}. Every method validates before
 * it stages anything, so a {@link TransitionRejectedException} leaves the transaction as it was.
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

  /** The session with that id, if it exists. */
  public Optional<SessionState> find(String sessionId) {
    return tx.read(keys.session(sessionId), SessionState.class);
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
    return tx.readAll(ids.stream().map(keys::session).toList(), SessionState.class);
  }

  /**
   * Creates {@code session}; rejected with {@link Rejection#SESSION_EXISTS} when its id is taken.
   */
  public SessionState create(SessionState session) {
    if (find(session.id()).isPresent()) {
      throw new TransitionRejectedException(
          Rejection.SESSION_EXISTS, "Session " + session.id() + " already exists");
    }
    tx.put(keys.session(session.id()), session, null);
    tx.addMember(keys.sessions(), session.id());
    tx.webhooks().sessionCreated(session);
    return session;
  }

  /** Replaces an existing session by {@code change} applied to it. */
  public SessionState update(String sessionId, UnaryOperator<SessionState> change) {
    SessionState updated = change.apply(get(sessionId));
    if (!updated.id().equals(sessionId)) {
      throw new IllegalArgumentException("a session's id cannot change");
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
    return get(sessionId)
        .connection(connectionId)
        .orElseThrow(() -> connectionNotFound(sessionId, connectionId));
  }

  /**
   * Adds a connection (pending WEBRTC, or an already active IP camera). An active connection
   * activates the session and places it on a media node if it is not placed yet.
   */
  public ConnectionState addConnection(ConnectionState connection) {
    SessionState session = get(connection.sessionId());
    if (session.connection(connection.id()).isPresent()) {
      throw new TransitionRejectedException(
          Rejection.CONNECTION_EXISTS, "Connection " + connection.id() + " already exists");
    }
    SessionState updated = session.withConnection(connection);
    if (connection.isActive()) {
      updated = activate(updated);
    }
    tx.put(keys.session(session.id()), updated, null);
    if (connection.isActive()) {
      tx.webhooks().participantJoined(updated, connection);
      for (PublisherState camera : connection.publishers()) {
        tx.webhooks().streamPublished(updated, connection, camera);
      }
    }
    return connection;
  }

  /** Replaces a connection by {@code change} applied to it. */
  public ConnectionState updateConnection(
      String sessionId, String connectionId, UnaryOperator<ConnectionState> change) {
    SessionState session = get(sessionId);
    ConnectionState current =
        session
            .connection(connectionId)
            .orElseThrow(() -> connectionNotFound(sessionId, connectionId));
    ConnectionState updated = change.apply(current);
    if (!updated.id().equals(connectionId) || !updated.sessionId().equals(sessionId)) {
      throw new IllegalArgumentException("a connection's id and session cannot change");
    }
    tx.put(keys.session(sessionId), session.withConnection(updated), null);
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
    SessionState session = get(sessionId);
    ConnectionState removed =
        session
            .connection(connectionId)
            .orElseThrow(() -> connectionNotFound(sessionId, connectionId));
    SessionState updated = session.withoutConnection(connectionId);
    for (PublisherState publisher : removed.publishers()) {
      updated = withoutSubscribersOf(updated, publisher.streamId());
    }
    tx.put(keys.session(sessionId), updated, null);
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
   * streams go, a {@link ClusterEvent#CONNECTION_REMOVED} event tells the masters, and if it was
   * the last participant of a session that is not being recorded the session closes with reason
   * {@code lastParticipantLeft}. (A recorded session stays open for the recording's automatic
   * stop.) A pending connection just disappears: its token becomes invalid.
   *
   * @return what happened, for webhooks and answers
   */
  public Eviction evict(String sessionId, String connectionId, String reason, long now) {
    SessionState before = get(sessionId);
    ConnectionState removed = removeConnection(sessionId, connectionId);
    if (!removed.isActive()) {
      return new Eviction(removed, false);
    }
    tx.webhooks().participantLeft(before, removed, reason, now);
    ObjectNode data = JsonNodeFactory.instance.objectNode().put("reason", reason);
    SessionState after = get(sessionId);
    List<String> recipients =
        new ArrayList<>(after.activeConnections().stream().map(ConnectionState::id).toList());
    recipients.add(connectionId);
    tx.events()
        .publish(
            new ClusterEvent(
                ClusterEvent.CONNECTION_REMOVED,
                sessionId,
                recipients,
                data.put("connectionId", connectionId),
                null));
    boolean closeSession = after.activeConnections().isEmpty() && !after.isBeingRecorded();
    if (closeSession) {
      close(sessionId, LAST_PARTICIPANT_LEFT, now);
    }
    return new Eviction(removed, closeSession);
  }

  /**
   * Consumes a token: the pending connection carrying exactly {@code token} turns active with the
   * participant's details; the session turns active and is placed on a media node if it was not. A
   * token works once across the whole cluster: a second attempt is rejected with {@link
   * Rejection#TOKEN_INVALID}.
   */
  public ConnectionState activateConnection(String sessionId, String token, Activation activation) {
    SessionState session = get(sessionId);
    ConnectionState pending =
        session.connections().stream()
            .filter(c -> c.status() == ConnectionStatus.PENDING && token.equals(c.token()))
            .findFirst()
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
    SessionState updated = activate(session.withConnection(active));
    tx.put(keys.session(sessionId), updated, null);
    tx.webhooks().participantJoined(updated, active);
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
    tx.recordings().streamPublished(get(sessionId), updated, publisher);
    tx.webhooks().streamPublished(get(sessionId), updated, publisher);
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
    ConnectionState updatedOwner =
        owner.with(
            b ->
                b.publishers(
                    owner.publishers().stream()
                        .filter(p -> !p.streamId().equals(streamId))
                        .toList()));
    SessionState updated = withoutSubscribersOf(session.withConnection(updatedOwner), streamId);
    tx.put(keys.session(sessionId), updated, null);
    tx.recordings().streamsEnded(session, List.of(streamId), System.currentTimeMillis());
    return updated.connection(owner.id()).orElseThrow();
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
    tx.webhooks().streamSubscribed(get(sessionId), updated, subscriber);
    return updated;
  }

  /** Records that {@code connectionId} no longer receives {@code streamId}. */
  public ConnectionState removeSubscriber(String sessionId, String connectionId, String streamId) {
    tx.webhooks()
        .streamUnsubscribed(
            get(sessionId),
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

  private SessionState activate(SessionState session) {
    SessionState active = session.active() ? session : session.with(b -> b.active(true));
    if (active.mediaNodeId() == null) {
      String nodeId = tx.mediaNodes().place(active);
      active = active.with(b -> b.mediaNodeId(nodeId));
    }
    return active;
  }

  private static SessionState withoutSubscribersOf(SessionState session, String streamId) {
    SessionState updated = session;
    for (ConnectionState c : session.connections()) {
      if (c.subscribers().stream().anyMatch(s -> s.streamId().equals(streamId))) {
        updated =
            updated.withConnection(
                c.with(
                    b ->
                        b.subscribers(
                            c.subscribers().stream()
                                .filter(s -> !s.streamId().equals(streamId))
                                .toList())));
      }
    }
    return updated;
  }

  private static TransitionRejectedException connectionNotFound(
      String sessionId, String connectionId) {
    return new TransitionRejectedException(
        Rejection.CONNECTION_NOT_FOUND,
        "Connection " + connectionId + " not found in session " + sessionId);
  }

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
