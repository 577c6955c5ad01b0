package io.openvidu.java.client.internal.transport.policy;

import io.openvidu.java.client.internal.transport.ApiRequest;
import io.openvidu.java.client.transport.AttemptFailure;
import io.openvidu.java.client.transport.RetryPolicy;

/**
 * The retry table: which failed attempt may be repeated. The failure decides, not the method alone.
 * Rules are checked in order; the first that refuses ends the call. Immutable and thread-safe.
 */
public final class RetryTable {

  private final RetryPolicy policy;
  private final StopReason maxAttemptsReached;

  public RetryTable(RetryPolicy policy) {
    this.policy = policy;
    this.maxAttemptsReached = StopReason.maxAttempts(policy.maxAttempts());
  }

  /**
   * @param attempt the failed attempt's number, from 1
   * @param keysHonoured whether the request's {@code Idempotency-Key} is trusted to be honoured
   *     where the attempt went ({@link #keysHonouredBy})
   */
  public RetryDecision afterFailure(
      ApiRequest request, AttemptFailure failure, int attempt, boolean keysHonoured) {
    // 1. A POST that may have reached the server runs twice if repeated, unless the operation is
    //    repeatable by itself (a client-chosen id) or the server replays it by its key. Requests
    //    never sent, and GET, PATCH and DELETE, may always be repeated.
    boolean repeatable =
        failure.kind() == AttemptFailure.Kind.NOT_SENT
            || request.method() != ApiRequest.Method.POST
            || request.isRepeatableWhenOutcomeUnknown();
    if (!repeatable && !keysHonoured) {
      return RetryDecision.refused(StopReason.NOT_REPEATABLE);
    }
    // 2. The policy bounds the attempts of one call, the first included.
    if (attempt >= policy.maxAttempts()) {
      return RetryDecision.refused(maxAttemptsReached);
    }
    // 3. A repeat that is safe only by the key goes only where the key is honoured.
    return repeatable ? RetryDecision.GO_ON : RetryDecision.GO_ON_RELYING_ON_KEY;
  }

  /**
   * @param announced whether the endpoint announced that it honours {@code Idempotency-Key}
   * @return whether the policy trusts that endpoint to honour keys: as it announced by default,
   *     always or never when the policy forces it
   */
  public boolean keysHonouredBy(boolean announced) {
    switch (policy.idempotencyKeyTrust()) {
      case ALWAYS:
        return true;
      case NEVER:
        return false;
      case ANNOUNCED:
      default:
        return announced;
    }
  }

  /** Whether a call may have another attempt after {@code attempt}: a hedge counts as one. */
  public boolean allowsAnotherAttempt(int attempt) {
    return attempt < policy.maxAttempts();
  }
}
