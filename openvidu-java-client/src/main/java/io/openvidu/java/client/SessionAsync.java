package io.openvidu.java.client;

import io.openvidu.java.client.internal.api.Operation;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous face of a {@link Session}'s operations ({@link Session#async()}), an addition to
 * the official API: each method starts the call of the blocking method of the same name and returns
 * at once, with the same semantics, threading and cancellation as {@link OpenViduAsync}. Effects on
 * the session's view ({@link Session#getConnections()} and the rest) are applied before the future
 * completes.
 *
 * <p>Thread-safe.
 */
public final class SessionAsync {

  private final Session session;
  private final OpenVidu openVidu;

  SessionAsync(Session session, OpenVidu openVidu) {
    this.session = session;
    this.openVidu = openVidu;
  }

  private <T> CompletableFuture<T> run(Operation<T> operation) {
    return openVidu.api().callAsync(operation, openVidu.asyncExecutor());
  }

  /** {@link Session#createConnection()}. */
  public CompletableFuture<Connection> createConnection() {
    return createConnection(Session.defaultConnectionProperties());
  }

  /** {@link Session#createConnection(ConnectionProperties)}. */
  public CompletableFuture<Connection> createConnection(ConnectionProperties properties) {
    return run(session.createConnectionOperation(properties));
  }

  /**
   * {@link Session#generateToken(TokenOptions)}.
   *
   * @deprecated as the blocking form: use {@link #createConnection(ConnectionProperties)}
   */
  @Deprecated
  public CompletableFuture<String> generateToken(TokenOptions tokenOptions) {
    return run(session.generateTokenOperation(tokenOptions));
  }

  /** {@link Session#close()}. */
  public CompletableFuture<Void> close() {
    return run(session.closeOperation());
  }

  /** {@link Session#fetch()}. */
  public CompletableFuture<Boolean> fetch() {
    return run(session.fetchOperation());
  }

  /** {@link Session#forceDisconnect(String)}. */
  public CompletableFuture<Void> forceDisconnect(String connectionId) {
    return run(session.forceDisconnectOperation(connectionId));
  }

  /** {@link Session#forceDisconnect(Connection)}. */
  public CompletableFuture<Void> forceDisconnect(Connection connection) {
    return forceDisconnect(connection.getConnectionId());
  }

  /** {@link Session#forceUnpublish(String)}. */
  public CompletableFuture<Void> forceUnpublish(String streamId) {
    return run(session.forceUnpublishOperation(streamId));
  }

  /** {@link Session#forceUnpublish(Publisher)}. */
  public CompletableFuture<Void> forceUnpublish(Publisher publisher) {
    return forceUnpublish(publisher.getStreamId());
  }

  /** {@link Session#updateConnection(String, ConnectionProperties)}. */
  public CompletableFuture<Connection> updateConnection(
      String connectionId, ConnectionProperties properties) {
    return run(session.updateConnectionOperation(connectionId, properties));
  }
}
