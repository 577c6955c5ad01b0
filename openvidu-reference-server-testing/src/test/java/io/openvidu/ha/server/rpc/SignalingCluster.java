package io.openvidu.ha.server.rpc;

import io.openvidu.ha.server.cluster.Master;
import io.openvidu.ha.server.cluster.OpenViduCluster;
import io.openvidu.ha.server.store.ClusterStore;
import io.openvidu.ha.server.store.ConnectionState;
import io.openvidu.ha.server.store.Identifiers;
import io.openvidu.ha.server.store.OpenViduRole;
import io.openvidu.ha.server.store.SessionState;
import io.openvidu.ha.server.testing.SimulatedParticipant;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A reference cluster for signaling tests, with short grace periods, and helpers that write
 * sessions and pending connections straight to the store. By default one node process with an
 * in-memory store; over Redis, several node processes (each an {@link OpenViduCluster}) share one
 * state, as separate JVMs would. Masters are numbered across processes. Started before each test
 * and stopped after it, with every participant it made.
 */
final class SignalingCluster implements BeforeEachCallback, AfterEachCallback {

  static final String SECRET = "MY_SECRET";

  private final int mastersPerProcess;
  private int processes = 1;
  private Supplier<String> storeUri = () -> "memory";
  private UnaryOperator<SignalingSettings.Builder> settingsChange = UnaryOperator.identity();
  private final List<OpenViduCluster> clusters = new ArrayList<>();
  private ClusterStore store;
  private final List<SimulatedParticipant> participants = new ArrayList<>();

  private SignalingCluster(int mastersPerProcess) {
    this.mastersPerProcess = mastersPerProcess;
  }

  static SignalingCluster withMasters(int count) {
    return new SignalingCluster(count);
  }

  /**
   * Runs {@code count} node processes over the Redis at {@code uri} (read when each test starts).
   */
  SignalingCluster processesOverRedis(int count, Supplier<String> uri) {
    this.processes = count;
    this.storeUri = uri;
    return this;
  }

  /**
   * Changes the masters' settings (the defaults here: 1 s grace, 200 ms socket close delay, 500 ms
   * master lease).
   */
  SignalingCluster settings(UnaryOperator<SignalingSettings.Builder> change) {
    this.settingsChange = change;
    return this;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    SignalingSettings settings =
        settingsChange
            .apply(
                SignalingSettings.builder()
                    .reconnectionGrace(Duration.ofSeconds(1))
                    .socketCloseDelay(Duration.ofMillis(200))
                    .masterLeaseTtl(Duration.ofMillis(500)))
            .build();
    for (int i = 0; i < processes; i++) {
      clusters.add(
          OpenViduCluster.builder()
              .masters(mastersPerProcess)
              .secret(SECRET)
              .store(storeUri.get())
              .signaling(settings)
              .start());
    }
    store = clusters.get(0).store();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    participants.forEach(SimulatedParticipant::close);
    clusters.forEach(OpenViduCluster::close);
    clusters.clear();
  }

  ClusterStore store() {
    return store;
  }

  URI master(int index) {
    return URI.create(masterAt(index).url());
  }

  String masterId(int index) {
    return masterAt(index).id();
  }

  /** Stops a master in order: its sockets close and their participants' grace periods start. */
  void stopMaster(int index) {
    masterAt(index).stop();
  }

  /** Kills a master: it stops serving and does nothing more, as after {@code kill -9}. */
  void killMaster(int index) {
    masterAt(index).kill();
  }

  private Master masterAt(int index) {
    return clusters.get(index / mastersPerProcess).master(index % mastersPerProcess);
  }

  String createSession() {
    String id = Identifiers.sessionId();
    store.atomically(
        tx -> tx.sessions().create(SessionState.builder().id(id).createdAt(now()).build()));
    return id;
  }

  /**
   * A pending connection, as REST {@code POST /sessions/{id}/connection} creates it; returns its
   * token.
   */
  String createToken(String sessionId, OpenViduRole role) {
    return createToken(sessionId, role, "");
  }

  String createToken(String sessionId, OpenViduRole role, String serverData) {
    String token =
        "ws://"
            + clusters.get(0).settings().publicHostAndPort()
            + "?sessionId="
            + sessionId
            + "&token="
            + Identifiers.tokenSecret();
    store.atomically(
        tx ->
            tx.sessions()
                .addConnection(
                    ConnectionState.builder()
                        .id(Identifiers.connectionId())
                        .sessionId(sessionId)
                        .createdAt(now())
                        .role(role)
                        .serverData(serverData)
                        .token(token)
                        .build()));
    return token;
  }

  Optional<SessionState> session(String sessionId) {
    return store.atomically(tx -> tx.sessions().find(sessionId));
  }

  Optional<ConnectionState> connection(String sessionId, String connectionId) {
    return session(sessionId).flatMap(s -> s.connection(connectionId));
  }

  /**
   * A participant of {@code sessionId} (a new PUBLISHER token) joined through master {@code
   * master}.
   */
  SimulatedParticipant joinSession(String sessionId, int master) {
    return joinWith(createToken(sessionId, OpenViduRole.PUBLISHER), master);
  }

  /** A participant joined with {@code token} through master {@code master}. */
  SimulatedParticipant joinWith(String token, int master) {
    return track(participant(token, master).join());
  }

  SimulatedParticipant.Builder participant(String token, int master) {
    // Generous: a wait only lasts this long when the behaviour is broken, and a CPU-starved CI
    // machine can take
    // seconds to notice a closed socket (3 s was seen to fail under load).
    return SimulatedParticipant.builder(token).via(master(master)).timeout(Duration.ofSeconds(10));
  }

  SimulatedParticipant track(SimulatedParticipant participant) {
    participants.add(participant);
    return participant;
  }

  private static long now() {
    return System.currentTimeMillis();
  }
}
