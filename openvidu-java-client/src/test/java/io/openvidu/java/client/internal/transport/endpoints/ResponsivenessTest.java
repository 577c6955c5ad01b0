package io.openvidu.java.client.internal.transport.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When one endpoint counts as silent, on a clock the test sets. */
class ResponsivenessTest {

  private static final long THRESHOLD =
      Duration.ofMillis(Responsiveness.SILENCE_THRESHOLD_MILLIS).toNanos();
  private static final long MILLI = Duration.ofMillis(1).toNanos();

  private final Responsiveness responsiveness = new Responsiveness();

  @Test
  void anEndpointWithNothingInFlightIsNeverSilent() {
    responsiveness.answered(0);

    assertThat(responsiveness.isSilent(10 * THRESHOLD)).isFalse();
  }

  @Test
  void anAttemptUnansweredForTheThresholdMakesItsEndpointSilentOnlyOnceThresholdIsPassed() {
    responsiveness.started(0);

    assertThat(responsiveness.isSilent(THRESHOLD)).isFalse();
    assertThat(responsiveness.isSilent(THRESHOLD + MILLI)).isTrue();
  }

  @Test
  void anAnswerToAnotherAttemptVouchesForTheEndpointFromThenOn() {
    responsiveness.started(0);
    Responsiveness.Pending quick = responsiveness.started(100 * MILLI);
    responsiveness.ended(quick, true, 600 * MILLI);

    assertThat(responsiveness.isSilent(THRESHOLD + 100 * MILLI)).isFalse();
    assertThat(responsiveness.isSilent(THRESHOLD + 601 * MILLI)).isTrue();
  }

  @Test
  void anAttemptThatEndsWithoutAnAnswerNoLongerKeepsItsEndpointSilent() {
    Responsiveness.Pending hung = responsiveness.started(0);

    responsiveness.ended(hung, false, THRESHOLD + MILLI);

    assertThat(responsiveness.isSilent(THRESHOLD + 2 * MILLI)).isFalse();
  }

  @Test
  void aProbeAnswerEndsTheSilenceWhileTheSlowAttemptIsStillInFlight() {
    responsiveness.started(0);

    responsiveness.answered(THRESHOLD + MILLI);

    assertThat(responsiveness.isSilent(THRESHOLD + 2 * MILLI)).isFalse();
  }

  @Test
  void onlyOneProbeOfASilentEndpointIsInFlightAtATime() {
    assertThat(responsiveness.claimProbe()).isTrue();
    assertThat(responsiveness.claimProbe()).isFalse();

    responsiveness.probeEnded();

    assertThat(responsiveness.claimProbe()).isTrue();
  }

  @Test
  void anAttemptEndingUnansweredTellsWhetherItsEndpointWasSilent() {
    Responsiveness.Pending early = responsiveness.started(0);
    Responsiveness.Pending hung = responsiveness.started(0);

    assertThat(responsiveness.ended(early, false, THRESHOLD)).isFalse();
    assertThat(responsiveness.ended(hung, false, THRESHOLD + MILLI)).isTrue();
  }

  @Test
  void aNoticedSilenceKeepsItsEndpointAvoidedAfterItsAttemptsEndedUnansweredUntilAnAnswer() {
    Responsiveness.Pending hung = responsiveness.started(0);
    responsiveness.claimProbe();
    responsiveness.ended(hung, false, THRESHOLD + MILLI);
    assertThat(responsiveness.isAvoided(THRESHOLD + 2 * MILLI)).isTrue();

    responsiveness.answered(THRESHOLD + 3 * MILLI);

    assertThat(responsiveness.isAvoided(THRESHOLD + 4 * MILLI)).isFalse();
  }

  @Test
  void aNoticedSilenceNoLongerKeepsItsEndpointAvoidedOnceItsProbeEnded() {
    Responsiveness.Pending hung = responsiveness.started(0);
    responsiveness.claimProbe();
    responsiveness.ended(hung, false, THRESHOLD + MILLI);

    responsiveness.probeEnded();

    assertThat(responsiveness.isAvoided(THRESHOLD + 2 * MILLI)).isFalse();
  }
}
