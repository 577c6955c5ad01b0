package io.openvidu.ha.server.rpc;

import static io.openvidu.ha.server.rpc.ParticipantTransitions.PARTICIPANT_LEASE;

import io.openvidu.ha.server.rpc.ParticipantSocket.Participant;
import io.openvidu.ha.server.store.LeaseState;
import io.openvidu.ha.server.store.StoreUnavailableException;
import io.openvidu.ha.server.store.Transaction;
import io.openvidu.ha.server.store.TransitionRejectedException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps participants' RPC sessions alive across master failures, with leases in the store rather
 * than timers in a process that may die.
 *
 * <ul>
 *   <li>Every joined participant has a lease {@code participant:<connectionId>} held by the master
 *       holding its socket, never expiring while the socket is open. Its attributes name the
 *       session and the private RPC session id.
 *   <li>When the socket closes without leaving, its master sets the lease to expire after the
 *       reconnection grace period. A {@code connect} with the RPC session id, on any master, takes
 *       the lease over before it expires.
 *   <li>Every master holds a liveness lease {@code master:<id>} that it renews. When one expires, a
 *       surviving master claims it and starts the grace period of every participant the dead master
 *       held.
 *   <li>Every master claims expired participant leases; exactly one claimer evicts the participant
 *       with reason {@code networkDisconnect}.
 * </ul>
 *
 * Thread-safe.
 */
final class ParticipantLeases {

  private static final Logger log = LoggerFactory.getLogger(ParticipantLeases.class);
  static final String MASTER_LEASE = "master:";

  /**
   * The expiry of the lease of a participant whose socket is open: its master's liveness stands for
   * it.
   */
  static final long WHILE_CONNECTED = Long.MAX_VALUE;

  private static final String SESSION = "sessionId";
  private static final String RPC_SESSION = "rpcSessionId";

  private final MasterContext master;
  private volatile boolean holdsMasterLease;

  ParticipantLeases(MasterContext master) {
    this.master = master;
  }

  // ---- inside the joining and reconnecting transactions

  /** Stages the lease of a participant that just joined through this master. */
  void joined(Transaction tx, Participant participant, long now) {
    tx.leases()
        .acquire(
            PARTICIPANT_LEASE + participant.connectionId(),
            master.masterId,
            WHILE_CONNECTED,
            Map.of(SESSION, participant.sessionId(), RPC_SESSION, participant.rpcSessionId()),
            now);
  }

  /**
   * The participant whose RPC session id this is, if its lease has not run out. Reads every lease:
   * run it in a transaction that writes nothing (it would conflict with every lease change), and
   * check the outcome with {@link #isResumable} where the reconnection commits.
   */
  Optional<Participant> findResumable(Transaction tx, String rpcSessionId, long now) {
    return tx.leases().list().stream()
        .filter(l -> l.id().startsWith(PARTICIPANT_LEASE) && !l.isExpired(now))
        .filter(l -> rpcSessionId.equals(l.attributes().get(RPC_SESSION)))
        .findFirst()
        .map(
            l ->
                new Participant(
                    rpcSessionId,
                    l.attributes().get(SESSION),
                    l.id().substring(PARTICIPANT_LEASE.length())));
  }

  /**
   * Whether {@code participant}'s lease still runs for its RPC session id: one read, so that a
   * reconnection conflicts only with changes to its own lease, not with other participants'.
   */
  boolean isResumable(Transaction tx, Participant participant, long now) {
    return tx.leases()
        .find(PARTICIPANT_LEASE + participant.connectionId())
        .filter(l -> !l.isExpired(now))
        .filter(l -> participant.rpcSessionId().equals(l.attributes().get(RPC_SESSION)))
        .isPresent();
  }

  /** Stages this master taking over a participant's lease, from whichever master held it. */
  void takeOver(Transaction tx, Participant participant, long now) {
    String leaseId = PARTICIPANT_LEASE + participant.connectionId();
    LeaseState current = tx.leases().find(leaseId).orElseThrow();
    tx.leases().release(leaseId, current.holder());
    tx.leases().acquire(leaseId, master.masterId, WHILE_CONNECTED, current.attributes(), now);
  }

  // ---- outside transactions

  /**
   * A participant's socket on this master closed without leaving: its grace period starts, unless
   * it has already reconnected through another master (the lease is no longer ours).
   */
  void socketLost(Participant participant) {
    long now = master.now();
    long until = now + master.settings.reconnectionGrace().toMillis();
    try {
      master.store.atomically(
          tx -> {
            String leaseId = PARTICIPANT_LEASE + participant.connectionId();
            tx.leases()
                .find(leaseId)
                .filter(l -> l.holder().equals(master.masterId))
                .filter(l -> participant.rpcSessionId().equals(l.attributes().get(RPC_SESSION)))
                .ifPresent(l -> tx.leases().renew(leaseId, master.masterId, until));
            return null;
          });
    } catch (StoreUnavailableException e) {
      // Our liveness lease will lapse as well if the store stays away; the participant is then
      // handled as a dead
      // master's.
      log.warn(
          "Could not start the reconnection grace period of {}: {}",
          participant.connectionId(),
          e.getMessage());
    }
  }

  /**
   * Takes (or renews) this master's liveness lease. If it had lapsed and another master claimed it
   * (a long pause, a store outage), the participants whose sockets are still open here get their
   * leases back.
   */
  void renewMasterLease() {
    long now = master.now();
    long until = now + master.settings.masterLeaseTtl().toMillis();
    String leaseId = MASTER_LEASE + master.masterId;
    boolean lapsed =
        master.store.atomically(
            tx -> {
              boolean absent = tx.leases().find(leaseId).isEmpty();
              tx.leases().acquire(leaseId, master.masterId, until, Map.of(), now);
              return absent;
            });
    if (lapsed && holdsMasterLease) {
      log.warn("This master's liveness lease lapsed; reclaiming the participants it still serves");
      reclaimOpenSockets();
    }
    holdsMasterLease = true;
  }

  private void reclaimOpenSockets() {
    for (ParticipantSocket socket : master.local.all()) {
      Participant participant = socket.participant();
      if (participant != null && socket.isOpen()) {
        master.store.atomically(
            tx -> {
              String leaseId = PARTICIPANT_LEASE + participant.connectionId();
              tx.leases()
                  .find(leaseId)
                  .filter(l -> l.holder().equals(master.masterId) && !l.isExpired(master.now()))
                  .ifPresent(l -> tx.leases().renew(leaseId, master.masterId, WHILE_CONNECTED));
              return null;
            });
      }
    }
  }

  /** Gives the liveness lease up on an orderly stop: nothing of ours is left to take over. */
  void releaseMasterLease() {
    master.store.atomically(
        tx -> {
          tx.leases().release(MASTER_LEASE + master.masterId, master.masterId);
          return null;
        });
  }

  /**
   * One round of the reaper: dead masters' participants enter their grace period; expired
   * participants go.
   */
  void reap() {
    long now = master.now();
    List<LeaseState> leases = master.store.atomically(tx -> tx.leases().list());
    for (LeaseState lease : leases) {
      if (!lease.isExpired(now)) {
        continue;
      }
      if (lease.id().equals(MASTER_LEASE + master.masterId)) {
        continue;
      }
      if (lease.id().startsWith(MASTER_LEASE)) {
        claimDeadMaster(lease.id(), now);
      } else if (lease.id().startsWith(PARTICIPANT_LEASE)) {
        claimLostParticipant(lease.id(), now);
      }
    }
  }

  private void claimDeadMaster(String leaseId, long now) {
    long until = now + master.settings.reconnectionGrace().toMillis();
    Optional<String> dead =
        master.store.atomically(
            tx ->
                tx.leases()
                    .claimExpired(leaseId, now)
                    .map(
                        claimed -> {
                          for (LeaseState participant : tx.leases().list()) {
                            if (participant.id().startsWith(PARTICIPANT_LEASE)
                                && participant.holder().equals(claimed.holder())
                                && participant.expiresAt() == WHILE_CONNECTED) {
                              tx.leases().renew(participant.id(), claimed.holder(), until);
                            }
                          }
                          return claimed.holder();
                        }));
    dead.ifPresent(
        id ->
            log.warn(
                "Master {} stopped renewing its lease; its participants may reconnect within {}",
                id,
                master.settings.reconnectionGrace()));
  }

  private void claimLostParticipant(String leaseId, long now) {
    try {
      Optional<Boolean> evicted =
          master.store.atomically(
              tx ->
                  tx.leases()
                      .claimExpired(leaseId, now)
                      .map(
                          claimed ->
                              ParticipantTransitions.removeParticipant(
                                  tx,
                                  claimed.attributes().get(SESSION),
                                  claimed.id().substring(PARTICIPANT_LEASE.length()),
                                  "networkDisconnect",
                                  now)));
      if (evicted.orElse(false)) {
        log.info(
            "Evicted {} after its reconnection grace period",
            leaseId.substring(PARTICIPANT_LEASE.length()));
      }
    } catch (TransitionRejectedException e) {
      log.warn("Could not evict {}: {}", leaseId, e.getMessage());
    }
  }
}
