package io.openvidu.ha.server.recording;

import java.time.Duration;
import java.util.Objects;

/**
 * How the emulated recording module behaves in time; OpenVidu's own recording configuration ({@code
 * OPENVIDU_RECORDING*}) lives in the cluster's runtime configuration instead. Immutable.
 *
 * <p>A start is {@code starting} for its launch time (recordings.md §6): a COMPOSED recording with
 * video launches its recording container ({@code containerLaunchTime}); a COMPOSED_QUICK_START one
 * finds its container launched when the session's first participant joined, and waits only for what
 * is left of that launch plus {@code recorderStartTime}; INDIVIDUAL and audio-only recordings wait
 * {@code recorderStartTime} for their recorders.
 *
 * @param processingTime how long a stopped recording stays {@code stopped} before it turns {@code
 *     ready}: the time a real media node spends encoding and packaging the files
 * @param sweepInterval how often every process checks recordings for work that is due (processing,
 *     automatic stop, {@code ALWAYS} starts, launches whose starter died, crashed media nodes); it
 *     bounds how late such work happens
 * @param startTimeout how long a start request waits, in real time, beyond its launch time before
 *     it fails the start (only a clock that does not move, a test's, makes it wait that long);
 *     OpenVidu waits up to 10 s for its recorders
 * @param containerLaunchTime how long a recording container takes to launch
 * @param recorderStartTime how long recording takes to begin once media reaches a recorder (or a
 *     launched container)
 */
public record RecordingSettings(
    Duration processingTime,
    Duration sweepInterval,
    Duration startTimeout,
    Duration containerLaunchTime,
    Duration recorderStartTime) {

  /** Default {@link #containerLaunchTime()}: short, so that tests that record stay fast. */
  public static final Duration DEFAULT_CONTAINER_LAUNCH_TIME = Duration.ofMillis(100);

  /** Default {@link #recorderStartTime()}. */
  public static final Duration DEFAULT_RECORDER_START_TIME = Duration.ofMillis(10);

  public RecordingSettings {
    Objects.requireNonNull(processingTime, "processingTime");
    Objects.requireNonNull(sweepInterval, "sweepInterval");
    Objects.requireNonNull(startTimeout, "startTimeout");
    Objects.requireNonNull(containerLaunchTime, "containerLaunchTime");
    Objects.requireNonNull(recorderStartTime, "recorderStartTime");
    if (processingTime.isNegative()
        || !isPositive(sweepInterval)
        || !isPositive(startTimeout)
        || containerLaunchTime.isNegative()
        || recorderStartTime.isNegative()) {
      throw new IllegalArgumentException(
          "processingTime, containerLaunchTime and recorderStartTime must not be negative,"
              + " sweepInterval and startTimeout must be positive");
    }
  }

  /** These timings with the default launch times. */
  public RecordingSettings(Duration processingTime, Duration sweepInterval, Duration startTimeout) {
    this(
        processingTime,
        sweepInterval,
        startTimeout,
        DEFAULT_CONTAINER_LAUNCH_TIME,
        DEFAULT_RECORDER_START_TIME);
  }

  private static boolean isPositive(Duration duration) {
    return !duration.isNegative() && !duration.isZero();
  }

  /**
   * One second of processing, a sweep every 250 ms, 10 s to start, containers launching in 100 ms
   * and recorders starting in 10 ms.
   */
  public static RecordingSettings defaults() {
    return new RecordingSettings(
        Duration.ofSeconds(1), Duration.ofMillis(250), Duration.ofSeconds(10));
  }

  /** These settings with another processing time. */
  public RecordingSettings withProcessingTime(Duration value) {
    return new RecordingSettings(
        value, sweepInterval, startTimeout, containerLaunchTime, recorderStartTime);
  }

  /** These settings with another sweep interval. */
  public RecordingSettings withSweepInterval(Duration value) {
    return new RecordingSettings(
        processingTime, value, startTimeout, containerLaunchTime, recorderStartTime);
  }

  /** These settings with another start timeout. */
  public RecordingSettings withStartTimeout(Duration value) {
    return new RecordingSettings(
        processingTime, sweepInterval, value, containerLaunchTime, recorderStartTime);
  }

  /** These settings with other launch times (both may be zero: starts then wait for nothing). */
  public RecordingSettings withLaunchTimes(Duration containerLaunch, Duration recorderStart) {
    return new RecordingSettings(
        processingTime, sweepInterval, startTimeout, containerLaunch, recorderStart);
  }
}
