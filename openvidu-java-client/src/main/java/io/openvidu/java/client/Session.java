package io.openvidu.java.client;

import io.openvidu.java.client.internal.api.OpenViduApi;
import io.openvidu.java.client.internal.api.Operation;
import io.openvidu.java.client.internal.api.Step;
import io.openvidu.java.client.internal.json.ConnectionDocument;
import io.openvidu.java.client.internal.json.RequestJson;
import io.openvidu.java.client.internal.json.SessionDocument;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OpenVidu session: the room participants join. Obtained from {@link OpenVidu#createSession()}
 * or, for sessions created elsewhere, {@link OpenVidu#fetch()} and {@link
 * OpenVidu#getActiveSessions()}.
 *
 * <p>Same stateful model as the official 2.20 client: the object keeps the client's view of the
 * session (properties, connections, recording flag). Write operations apply their effect to that
 * view; {@link #fetch()} replaces it with what the server reports. The view may lag the server
 * (participants join and leave without this client knowing) until the next fetch.
 *
 * <p>Thread-safe: operations may be called from several threads. Each getter returns a consistent
 * value; two getters called while a refresh runs may observe the state before and after it. {@link
 * Connection} objects keep their identity across refreshes and are updated in place.
 */
public class Session {

  private static final Logger log = LoggerFactory.getLogger(Session.class);

  /** Everything a getter reads, swapped as a whole. */
  private static final class State {
    final SessionDocument document;
    final Map<String, Connection> connections;
    final SessionProperties properties;

    State(
        SessionDocument document,
        Map<String, Connection> connections,
        SessionProperties properties) {
      this.document = document;
      this.connections = connections;
      this.properties = properties;
    }
  }

  private final OpenVidu openVidu;
  private final OpenViduApi api;
  private final String sessionId;

  /**
   * What the caller asked for when this client created the session; {@code null} when discovered by
   * fetch.
   */
  private final SessionProperties requested;

  private final Object lock = new Object();
  private volatile State state;

  Session(
      OpenVidu openVidu, OpenViduApi api, SessionDocument document, SessionProperties requested) {
    this.openVidu = openVidu;
    this.api = api;
    this.sessionId = document.sessionId();
    this.requested = requested;
    this.state = stateOf(document, Collections.emptyMap());
  }

  /**
   * The asynchronous form of this session's operations (an addition to the official API); see
   * {@link OpenViduAsync} for the semantics and threading.
   *
   * @return the asynchronous face of this session
   */
  public SessionAsync async() {
    return new SessionAsync(this, openVidu);
  }

  /**
   * @return the session id: the custom id given at creation, or the one the client generated
   */
  public String getSessionId() {
    return sessionId;
  }

  /**
   * @return when the session was created, in UTC milliseconds; 0 when this client adopted an
   *     existing session (creation answered 409) and has not fetched it since
   */
  public long createdAt() {
    return state.document.createdAt();
  }

  /**
   * Creates a token for a publisher with no server data. Same as {@code generateToken(new
   * TokenOptions.Builder().build())}.
   *
   * @return the token
   * @throws OpenViduHttpException 404 if the session does not exist any more
   * @throws OpenViduJavaClientException no usable answer
   * @deprecated as in the official 2.20 client: use {@link #createConnection()} and {@link
   *     Connection#getToken()}
   */
  @Deprecated
  public String generateToken() throws OpenViduJavaClientException, OpenViduHttpException {
    return generateToken(new TokenOptions.Builder().build());
  }

  /**
   * Creates a token, that is a pending WebRTC connection (as the 2.20 client does, through {@code
   * POST /openvidu/api/sessions/{id}/connection}); the connection is added to {@link
   * #getConnections()}. Not retried after an attempt whose outcome is unknown, since each attempt
   * would create another connection.
   *
   * @param tokenOptions the participant's role, server data and media limits
   * @return the token, to give to that participant only
   * @throws OpenViduHttpException 400 for invalid options, 404 if the session does not exist any
   *     more
   * @throws OpenViduJavaClientException no usable answer
   * @deprecated as in the official 2.20 client: use {@link #createConnection(ConnectionProperties)}
   *     and {@link Connection#getToken()}
   */
  @Deprecated
  public String generateToken(TokenOptions tokenOptions)
      throws OpenViduJavaClientException, OpenViduHttpException {
    return api.call(generateTokenOperation(tokenOptions));
  }

  Operation<String> generateTokenOperation(TokenOptions tokenOptions) {
    return OpenViduApi.createConnectionOperation(
            sessionId, RequestJson.token(sessionId, tokenOptions), "generateToken")
        .map(
            created -> {
              putConnection(created);
              return created.token();
            });
  }

  /**
   * Creates a WebRTC publisher connection with no server data, recorded by INDIVIDUAL recordings.
   *
   * @return the new pending connection
   * @throws OpenViduHttpException 404 if the session does not exist any more
   * @throws OpenViduJavaClientException no usable answer
   */
  public Connection createConnection() throws OpenViduJavaClientException, OpenViduHttpException {
    return createConnection(defaultConnectionProperties());
  }

  static ConnectionProperties defaultConnectionProperties() {
    return new ConnectionProperties.Builder()
        .type(ConnectionType.WEBRTC)
        .data("")
        .record(true)
        .role(OpenViduRole.PUBLISHER)
        .build();
  }

  /**
   * Creates a connection: a pending WebRTC connection whose token a participant joins with, or an
   * IP camera that joins at once. The connection is added to {@link #getConnections()}. Not retried
   * after an attempt whose outcome is unknown.
   *
   * @param connectionProperties what to create
   * @return the new connection
   * @throws OpenViduHttpException 400 for invalid properties, 404 if the session does not exist any
   *     more, 500 if an IP camera could not be published
   * @throws OpenViduJavaClientException no usable answer
   */
  public Connection createConnection(ConnectionProperties connectionProperties)
      throws OpenViduJavaClientException, OpenViduHttpException {
    return api.call(createConnectionOperation(connectionProperties));
  }

  Operation<Connection> createConnectionOperation(ConnectionProperties connectionProperties) {
    return OpenViduApi.createConnectionOperation(
            sessionId, RequestJson.connection(sessionId, connectionProperties), "createConnection")
        .map(this::putConnection);
  }

  /**
   * Closes the session: every participant is evicted, a running recording stops, unused tokens
   * become invalid. The session is removed from {@link OpenVidu#getActiveSessions()}.
   *
   * @throws OpenViduHttpException 404 if the session does not exist (any more)
   * @throws OpenViduJavaClientException no usable answer
   */
  public void close() throws OpenViduJavaClientException, OpenViduHttpException {
    api.call(closeOperation());
  }

  Operation<Void> closeOperation() {
    return OpenViduApi.closeSessionOperation(sessionId)
        .map(
            done -> {
              openVidu.forget(this);
              return null;
            });
  }

  /**
   * Replaces this object's view with the server's, pending connections included ({@code GET
   * /openvidu/api/sessions/{id}?pendingConnections=true}).
   *
   * @return whether anything changed: any property, the recording flag, a connection added or gone,
   *     or any member of a connection, its publishers or subscribers; {@code false} when the server
   *     reports exactly what this object held
   * @throws OpenViduHttpException 404 if the session does not exist any more; it is then also
   *     removed from {@link OpenVidu#getActiveSessions()}
   * @throws OpenViduJavaClientException no usable answer
   */
  public boolean fetch() throws OpenViduJavaClientException, OpenViduHttpException {
    return api.call(fetchOperation());
  }

  Operation<Boolean> fetchOperation() {
    return OpenViduApi.getSessionOperation(sessionId)
        .whenRefused(
            e -> {
              if (e.getStatus() == 404) {
                openVidu.forget(this);
              }
            })
        .map(
            fetched -> {
              boolean changed = refresh(fetched);
              log.debug("Session {} fetched; changed: {}", sessionId, changed);
              return changed;
            });
  }

  /**
   * Evicts a participant, or invalidates a pending connection's token. Same as {@code
   * forceDisconnect(connection.getConnectionId())}.
   *
   * @param connection the connection to close
   * @throws OpenViduHttpException 400 if the session does not exist, 404 if the connection does not
   * @throws OpenViduJavaClientException no usable answer
   */
  public void forceDisconnect(Connection connection)
      throws OpenViduJavaClientException, OpenViduHttpException {
    forceDisconnect(connection.getConnectionId());
  }

  /**
   * Evicts a participant, or invalidates a pending connection's token; the connection leaves {@link
   * #getConnections()} and the others stop subscribing to its streams. When the transport repeated
   * the call after an attempt whose outcome was unknown, "not found" answers count as done.
   *
   * @param connectionId the id of the connection to close
   * @throws OpenViduHttpException 400 if the session does not exist, 404 if the connection does not
   * @throws OpenViduJavaClientException no usable answer
   */
  public void forceDisconnect(String connectionId)
      throws OpenViduJavaClientException, OpenViduHttpException {
    api.call(forceDisconnectOperation(connectionId));
  }

  Operation<Void> forceDisconnectOperation(String connectionId) {
    return OpenViduApi.deleteConnectionOperation(sessionId, connectionId)
        .map(
            done -> {
              apply(document -> document.withoutConnection(connectionId));
              return null;
            });
  }

  /**
   * Stops a stream. Same as {@code forceUnpublish(publisher.getStreamId())}.
   *
   * @param publisher the stream to stop
   * @throws OpenViduHttpException 400 if the session does not exist, 404 if the stream does not,
   *     405 for an IP camera's stream (close its connection instead)
   * @throws OpenViduJavaClientException no usable answer
   */
  public void forceUnpublish(Publisher publisher)
      throws OpenViduJavaClientException, OpenViduHttpException {
    forceUnpublish(publisher.getStreamId());
  }

  /**
   * Stops a stream; its owner stays connected. The stream leaves its owner's publishers and every
   * subscriber list of this object's connections. When the transport repeated the call after an
   * attempt whose outcome was unknown, "not found" answers count as done.
   *
   * @param streamId the id of the stream to stop
   * @throws OpenViduHttpException 400 if the session does not exist, 404 if the stream does not,
   *     405 for an IP camera's stream (close its connection instead)
   * @throws OpenViduJavaClientException no usable answer
   */
  public void forceUnpublish(String streamId)
      throws OpenViduJavaClientException, OpenViduHttpException {
    api.call(forceUnpublishOperation(streamId));
  }

  Operation<Void> forceUnpublishOperation(String streamId) {
    return OpenViduApi.deleteStreamOperation(sessionId, streamId)
        .map(
            done -> {
              apply(document -> document.withoutStream(streamId));
              return null;
            });
  }

  /**
   * Changes a connection's role and record flag (OpenVidu Pro/Enterprise; other members of the
   * properties are ignored by the server). The connection in {@link #getConnections()} is updated
   * in place, or added if this object did not know it.
   *
   * @param connectionId the connection to change
   * @param connectionProperties the new role and/or record flag; unset members keep their value
   * @return the updated connection
   * @throws OpenViduHttpException 400 for invalid values, 404 if the session or connection does not
   *     exist
   * @throws OpenViduJavaClientException no usable answer
   */
  public Connection updateConnection(String connectionId, ConnectionProperties connectionProperties)
      throws OpenViduJavaClientException, OpenViduHttpException {
    return api.call(updateConnectionOperation(connectionId, connectionProperties));
  }

  Operation<Connection> updateConnectionOperation(
      String connectionId, ConnectionProperties connectionProperties) {
    return OpenViduApi.updateConnectionOperation(sessionId, connectionId, connectionProperties)
        .then(
            updated -> {
              if (updated.isPresent()) {
                return Step.done(putConnection(updated.get()));
              }
              // 204 without a body: apply the change to what we know, or ask for the connection.
              Connection known = getConnection(connectionId);
              if (known != null) {
                return Step.done(
                    putConnection(
                        known
                            .document()
                            .withRoleAndRecord(
                                connectionProperties.getRole(), connectionProperties.record())));
              }
              return Step.followUp(
                  OpenViduApi.getConnectionOperation(sessionId, connectionId),
                  (fetched, refused) -> {
                    if (refused != null) {
                      throw refused;
                    }
                    return Step.done(putConnection(fetched));
                  });
            });
  }

  /**
   * @param connectionId a connection id
   * @return the connection as this object knows it (pending or active), or {@code null}; no server
   *     call
   */
  public Connection getConnection(String connectionId) {
    return state.connections.get(connectionId);
  }

  /**
   * @return a copy of the list of every connection this object knows, pending and active; no server
   *     call
   */
  public List<Connection> getConnections() {
    return new ArrayList<>(state.connections.values());
  }

  /**
   * @return a copy of the list of the connections whose status is {@code active}; no server call
   */
  public List<Connection> getActiveConnections() {
    List<Connection> active = new ArrayList<>();
    for (Connection connection : state.connections.values()) {
      if ("active".equals(connection.getStatus())) {
        active.add(connection);
      }
    }
    return active;
  }

  /**
   * @return whether the session is being recorded, as far as this object knows; no server call
   */
  public boolean isBeingRecorded() {
    return state.document.recording();
  }

  /**
   * @return the session's properties as the server last reported them; the custom session id is the
   *     one the caller gave ({@code ""} or {@code null} if the client generated the id)
   */
  public SessionProperties getProperties() {
    return state.properties;
  }

  @Override
  public String toString() {
    State current = state;
    return "Session{sessionId="
        + sessionId
        + ", createdAt="
        + current.document.createdAt()
        + ", recording="
        + current.document.recording()
        + ", connections="
        + current.connections.keySet()
        + "}";
  }

  /** Applies what the server reported. @return whether it differs from what this object held */
  boolean refresh(SessionDocument fetched) {
    synchronized (lock) {
      boolean changed = !state.document.equals(fetched);
      state = stateOf(fetched, state.connections);
      return changed;
    }
  }

  void setBeingRecorded(boolean recording) {
    apply(document -> document.withRecording(recording));
  }

  private Connection putConnection(ConnectionDocument connection) {
    return apply(document -> document.withConnection(connection))
        .connections
        .get(connection.connectionId());
  }

  private State apply(UnaryOperator<SessionDocument> change) {
    synchronized (lock) {
      state = stateOf(change.apply(state.document), state.connections);
      return state;
    }
  }

  /**
   * Keeps the Connection objects of ids that stay, updating them in place, so callers' references
   * follow.
   */
  private State stateOf(SessionDocument document, Map<String, Connection> previous) {
    // A hash map, as the official client's: getConnections() follows the same order.
    Map<String, Connection> connections = new ConcurrentHashMap<>();
    document
        .connections()
        .forEach(
            (id, connectionDocument) -> {
              Connection connection = previous.get(id);
              if (connection == null) {
                connection = new Connection(connectionDocument);
              } else {
                connection.update(connectionDocument);
              }
              connections.put(id, connection);
            });
    return new State(document, Collections.unmodifiableMap(connections), propertiesOf(document));
  }

  private SessionProperties propertiesOf(SessionDocument document) {
    boolean idGeneratedHere =
        requested != null
            && (requested.customSessionId() == null || requested.customSessionId().isEmpty());
    String mediaNode =
        document.mediaNodeId() != null
            ? document.mediaNodeId()
            : requested != null ? requested.mediaNode() : null;
    return new SessionProperties.Builder()
        .mediaMode(document.mediaMode())
        .recordingMode(document.recordingMode())
        .defaultRecordingProperties(document.defaultRecordingProperties())
        .customSessionId(idGeneratedHere ? requested.customSessionId() : document.customSessionId())
        .mediaNode(mediaNode)
        .forcedVideoCodec(document.forcedVideoCodec())
        .allowTranscoding(document.allowTranscoding())
        .build();
  }
}
