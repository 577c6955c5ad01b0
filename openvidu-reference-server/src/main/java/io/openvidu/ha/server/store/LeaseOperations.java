package io.openvidu.ha.server.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Leases inside one {@link Transaction}. A lease does not vanish when it expires: it stays listed
 * until somebody {@linkplain #claimExpired claims} it, so that the work it guards (evicting a
 * participant) is done exactly once even if its holder died.
 */
public final class LeaseOperations {
  private final Transaction tx;
  private final Keys keys;

  LeaseOperations(Transaction tx, Keys keys) {
    this.tx = tx;
    this.keys = keys;
  }

  /** The lease with that id, expired or not. */
  public Optional<LeaseState> find(String leaseId) {
    return tx.read(keys.lease(leaseId), LeaseState.class);
  }

  /** Every lease, expired or not. */
  public List<LeaseState> list() {
    List<String> ids = new ArrayList<>(tx.members(keys.leases()));
    return tx.readAll(ids.stream().map(keys::lease).toList(), LeaseState.class);
  }

  /**
   * Takes a lease for {@code holder} until {@code expiresAt}: free, expired, or already held by
   * {@code holder}. Rejected with {@link Rejection#LEASE_HELD} while another holder's lease runs.
   */
  public LeaseState acquire(
      String leaseId, String holder, long expiresAt, Map<String, String> attributes, long now) {
    Optional<LeaseState> current = find(leaseId);
    if (current.isPresent()
        && !current.get().holder().equals(holder)
        && !current.get().isExpired(now)) {
      throw new TransitionRejectedException(
          Rejection.LEASE_HELD, "Lease " + leaseId + " is held by another master");
    }
    LeaseState lease = new LeaseState(leaseId, holder, expiresAt, attributes);
    tx.put(keys.lease(leaseId), lease, null);
    tx.addMember(keys.leases(), leaseId);
    return lease;
  }

  /**
   * Extends a lease its holder still has; rejected with {@link Rejection#LEASE_NOT_HELD} otherwise.
   */
  public LeaseState renew(String leaseId, String holder, long expiresAt) {
    LeaseState current =
        find(leaseId)
            .filter(l -> l.holder().equals(holder))
            .orElseThrow(
                () ->
                    new TransitionRejectedException(
                        Rejection.LEASE_NOT_HELD,
                        "Lease " + leaseId + " is not held by " + holder));
    LeaseState renewed = new LeaseState(leaseId, holder, expiresAt, current.attributes());
    tx.put(keys.lease(leaseId), renewed, null);
    return renewed;
  }

  /** Gives a lease up; does nothing when {@code holder} does not hold it. */
  public void release(String leaseId, String holder) {
    find(leaseId).filter(l -> l.holder().equals(holder)).ifPresent(l -> removeLease(leaseId));
  }

  /**
   * Removes and returns the lease if it has expired at {@code now}: of concurrent claimers exactly
   * one gets it.
   */
  public Optional<LeaseState> claimExpired(String leaseId, long now) {
    Optional<LeaseState> expired = find(leaseId).filter(l -> l.isExpired(now));
    expired.ifPresent(l -> removeLease(leaseId));
    return expired;
  }

  private void removeLease(String leaseId) {
    tx.delete(keys.lease(leaseId));
    tx.removeMember(keys.leases(), leaseId);
  }
}
