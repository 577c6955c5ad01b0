package io.openvidu.ha.server.recording;

import java.time.Duration;
import java.util.Objects;

/**
 * How the emulated recording module behaves in time; OpenVidu's own recording configuration ({@code
 * OPENVIDU_RECORDING*}) lives in the cluster's runtime configuration instead. Immutable.
 *
 * @param processingTime how long a stopped recording stays {@code stopped} before it turns {@code
 *     ready}: the time a real media node spends encoding and packaging the files
 * @param sweepInterval how often every process checks recordings for work that is due (processing,
 *     automatic stop, {@code ALWAYS} starts, crashed media nodes); it bounds how late such work
 *     happens
 * @param startTimeout how long a recording may stay {@code starting} (its starter died) before it
 *     is {@code failed}; OpenVidu waits up to 10 s for its recorders
 */
public record RecordingSettings(
    Duration processingTime, Duration sweepInterval, Duration startTimeout) {

  public RecordingSettings {
    Objects.requireNonNull(processingTime, "processingTime");
    Objects.requireNonNull(sweepInterval, "sweepInterval");
    Objects.requireNonNull(startTimeout, "startTimeout");
    if (processingTime.isNegative() || !isPositive(sweepInterval) || !isPositive(startTimeout)) {
      throw new IllegalArgumentException(
          "processingTime must not be negative, sweepInterval and startTimeout"
              + " must be positive");
    }
  }

  private static boolean isPositive(Duration duration) {
    return !duration.isNegative() && !duration.isZero();
  }

  /** One second of processing, a sweep every 250 ms, 10 s to start. */
  public static RecordingSettings defaults() {
    return new RecordingSettings(
        Duration.ofSeconds(1), Duration.ofMillis(250), Duration.ofSeconds(10));
  }

  /** These settings with another processing time. */
  public RecordingSettings withProcessingTime(Duration value) {
    return new RecordingSettings(value, sweepInterval, startTimeout);
  }

  /** These settings with another sweep interval. */
  public RecordingSettings withSweepInterval(Duration value) {
    return new RecordingSettings(processingTime, value, startTimeout);
  }

  /** These settings with another start timeout. */
  public RecordingSettings withStartTimeout(Duration value) {
    return new RecordingSettings(processingTime, sweepInterval, value);
  }
}
