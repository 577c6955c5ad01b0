package io.openvidu.ha.server.rpc;

import io.javalin.Javalin;
import io.openvidu.ha.server.store.ClusterStore;
import io.openvidu.ha.server.store.ConnectionState;
import io.openvidu.ha.server.store.Identifiers;
import io.openvidu.ha.server.store.MediaNodeState;
import io.openvidu.ha.server.store.MediaNodeStatus;
import io.openvidu.ha.server.store.OpenViduRole;
import io.openvidu.ha.server.store.SessionState;
import io.openvidu.ha.server.testing.SimulatedParticipant;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Masters that serve only participant signaling, over one in-memory store with one running media node: the
 * signaling plane alone, with sessions and connections written straight to the store. Started before each test,
 * stopped after it, with every participant it made.
 */
final class SignalingCluster implements BeforeEachCallback, AfterEachCallback {

  static final String SECRET = "MY_SECRET";

  private final int masterCount;
  private UnaryOperator<SignalingSettings> settingsChange = UnaryOperator.identity();
  private ClusterStore store;
  private final List<Master> masters = new ArrayList<>();
  private final List<SimulatedParticipant> participants = new ArrayList<>();

  private record Master(Javalin server, ParticipantSignaling signaling, URI url) {
  }

  private SignalingCluster(int masterCount) {
    this.masterCount = masterCount;
  }

  static SignalingCluster withMasters(int count) {
    return new SignalingCluster(count);
  }

  /** Changes the masters' settings (the defaults here have a 1 s grace period and a 300 ms master lease). */
  SignalingCluster settings(UnaryOperator<SignalingSettings> change) {
    this.settingsChange = change;
    return this;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    store = ClusterStore.inMemory();
    store.atomically(tx -> tx.mediaNodes().add(new MediaNodeState("media_test", "test", "127.0.0.1",
        "ws://127.0.0.1:8888/kurento", now(), true, now(), null, MediaNodeStatus.RUNNING, 0, List.of())));
    for (int i = 0; i < masterCount; i++) {
      SignalingSettings settings = settingsChange.apply(SignalingSettings.defaults("http://127.0.0.1:4443")
          .withReconnectionGrace(Duration.ofSeconds(1))
          .withSocketCloseDelay(Duration.ofMillis(200))
          .withMasterLeaseTtl(Duration.ofMillis(300)));
      ParticipantSignaling signaling = new ParticipantSignaling(store, "master-" + i, SECRET, settings);
      Javalin server = Javalin.create(config -> {
        config.startup.showJavalinBanner = false;
        signaling.addTo(config);
      }).start("127.0.0.1", 0);
      signaling.start();
      masters.add(new Master(server, signaling, URI.create("http://127.0.0.1:" + server.port())));
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    participants.forEach(SimulatedParticipant::close);
    for (Master master : masters) {
      master.signaling().close();
      master.server().stop();
    }
    store.close();
  }

  ClusterStore store() {
    return store;
  }

  URI master(int index) {
    return masters.get(index).url();
  }

  /** Stops a master in order: its sockets close and their participants' grace periods start. */
  void stopMaster(int index) {
    Master master = masters.get(index);
    master.server().stop();
    master.signaling().close();
  }

  /** Kills a master: it stops serving and does nothing more, as after {@code kill -9}. */
  void killMaster(int index) {
    Master master = masters.get(index);
    master.signaling().halt();
    master.server().stop();
  }

  String createSession() {
    String id = Identifiers.sessionId();
    store.atomically(tx -> tx.sessions().create(SessionState.builder().id(id).createdAt(now()).build()));
    return id;
  }

  /** A pending connection, as REST {@code POST /sessions/{id}/connection} creates it; returns its token. */
  String createToken(String sessionId, OpenViduRole role) {
    return createToken(sessionId, role, "");
  }

  String createToken(String sessionId, OpenViduRole role, String serverData) {
    String token = "ws://127.0.0.1:4443?sessionId=" + sessionId + "&token=" + Identifiers.tokenSecret();
    store.atomically(tx -> tx.sessions().addConnection(ConnectionState.builder().id(Identifiers.connectionId())
        .sessionId(sessionId).createdAt(now()).role(role).serverData(serverData).token(token).build()));
    return token;
  }

  Optional<SessionState> session(String sessionId) {
    return store.atomically(tx -> tx.sessions().find(sessionId));
  }

  Optional<ConnectionState> connection(String sessionId, String connectionId) {
    return session(sessionId).flatMap(s -> s.connection(connectionId));
  }

  /** A participant of {@code sessionId} (a new PUBLISHER token) joined through master {@code master}. */
  SimulatedParticipant joinSession(String sessionId, int master) {
    return joinWith(createToken(sessionId, OpenViduRole.PUBLISHER), master);
  }

  /** A participant joined with {@code token} through master {@code master}. */
  SimulatedParticipant joinWith(String token, int master) {
    return track(participant(token, master).join());
  }

  SimulatedParticipant.Builder participant(String token, int master) {
    return SimulatedParticipant.builder(token).via(master(master)).timeout(Duration.ofSeconds(3));
  }

  SimulatedParticipant track(SimulatedParticipant participant) {
    participants.add(participant);
    return participant;
  }

  private static long now() {
    return System.currentTimeMillis();
  }
}
