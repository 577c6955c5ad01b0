package io.openvidu.ha.benchmarks.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvidu.ha.benchmarks.load.Call;
import io.openvidu.ha.benchmarks.load.Operation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Times are in milliseconds here (multiplied into nanoseconds) so the calls read as a timeline. */
class FaultImpactTest {
  private static final long MS = 1_000_000;
  private static final long LOAD_START = 0;
  private static final FaultImpact.Window FAULT = new FaultImpact.Window(3_000 * MS, 3_010 * MS);
  private static final long STOP = 9_000 * MS;
  private static final long SETTLE = 1_000 * MS;

  private final List<Call> calls = new ArrayList<>(baseline());

  @Test
  void callsWithAFailedAttemptMetTheFaultyMasterAndPayTheirLatencyOverTheBaselineMedian() {
    calls.add(call(Operation.FETCH_SESSION, 3_100, 3_112, false, 1));
    calls.add(call(Operation.FETCH_SESSION, 3_200, 3_202, false, 0));

    FaultImpact impact = analyse(false);

    assertThat(impact.callsAfterFault()).isEqualTo(2);
    assertThat(impact.met()).isEqualTo(1);
    assertThat(impact.extraLatency().max()).isEqualTo(10 * MS);
    assertThat(impact.failedCount()).isZero();
  }

  @Test
  void failedCallsMetTheFaultyMasterAndAreCountedByOperation() {
    calls.add(call(Operation.CREATE_CONNECTION, 3_100, 3_101, true, 1));

    FaultImpact impact = analyse(false);

    assertThat(impact.failed()).containsEntry(Operation.CREATE_CONNECTION, 1L);
    assertThat(impact.met()).isEqualTo(1);
  }

  @Test
  void callsInFlightWhileTheMasterDiedAreNotCountedAsMadeAfterItDied() {
    calls.add(call(Operation.FETCH_SESSION, 2_999, 3_150, false, 1));
    calls.add(call(Operation.FETCH_SESSION, 3_020, 3_025, false, 1));

    FaultImpact impact = analyse(false);

    assertThat(impact.met()).isEqualTo(2);
    assertThat(impact.extraLatencyMadeAfter().count()).isEqualTo(1);
    assertThat(impact.extraLatencyMadeAfter().max()).isEqualTo(3 * MS);
  }

  @Test
  void slowedUntilIsTheEndOfTheLastCallThatMetTheFaultyMaster() {
    calls.add(call(Operation.FETCH_SESSION, 3_100, 5_100, false, 1));
    calls.add(call(Operation.FETCH_SESSION, 5_200, 5_202, false, 0));

    FaultImpact impact = analyse(false);

    assertThat(impact.slowedUntil()).hasValue(2_100 * MS);
  }

  @Test
  void noSlowedUntilWhileCallsStillMeetTheFaultyMasterAtTheEnd() {
    calls.add(call(Operation.FETCH_SESSION, 3_100, 3_102, false, 1));
    calls.add(call(Operation.FETCH_SESSION, 8_500, 8_502, true, 0));

    FaultImpact impact = analyse(false);

    assertThat(impact.slowedUntil()).isEmpty();
  }

  @Test
  void aCallStillWaitingWhenTheLoadStoppedIsBlockedAndKeepsTheFaultOpen() {
    calls.add(new Call(Operation.CREATE_SESSION, 3_100 * MS, 9_000 * MS, false, 0, true));

    FaultImpact impact = analyse(false);

    assertThat(impact.unfinished()).isEqualTo(1);
    assertThat(impact.met()).isEqualTo(1);
    assertThat(impact.slowedUntil()).isEmpty();
    assertThat(impact.metAfterFirstFailure()).isEmpty();
  }

  @Test
  void callsThatMeetTheFaultyMasterAfterItsFirstFailureShowedAreCounted() {
    calls.add(call(Operation.FETCH_SESSION, 3_100, 3_200, false, 1));
    calls.add(call(Operation.FETCH_SESSION, 3_150, 3_300, false, 1));
    calls.add(call(Operation.FETCH_SESSION, 3_400, 3_500, false, 1));

    FaultImpact impact = analyse(false);

    assertThat(impact.metAfterFirstFailure()).hasValue(1);
  }

  @Test
  void everyCallOfAClientThatKnowsOnlyTheFaultyMasterMeetsItOnceTheFaultBegan() {
    calls.add(call(Operation.FETCH_SESSION, 2_999, 3_001, false, 0));
    calls.add(call(Operation.FETCH_SESSION, 3_100, 3_102, false, 0));

    FaultImpact impact = analyse(true);

    assertThat(impact.callsAfterFault()).isEqualTo(2);
    assertThat(impact.met()).isEqualTo(1);
  }

  private FaultImpact analyse(boolean onlyFaultyMaster) {
    return FaultImpact.analyse(calls, LOAD_START, FAULT, STOP, onlyFaultyMaster, SETTLE);
  }

  /**
   * Before the fault, every fetch takes 2 ms (the first second is warm-up and slower, so it must
   * not count).
   */
  private static List<Call> baseline() {
    List<Call> calls = new ArrayList<>();
    for (long start = 0; start < 1_000; start += 100) {
      calls.add(call(Operation.FETCH_SESSION, start, start + 50, false, 0));
    }
    for (long start = 1_000; start < 2_900; start += 100) {
      calls.add(call(Operation.FETCH_SESSION, start, start + 2, false, 0));
    }
    return calls;
  }

  private static Call call(
      Operation operation, long startMs, long endMs, boolean failed, int failedAttempts) {
    return new Call(operation, startMs * MS, endMs * MS, failed, failedAttempts, false);
  }
}
