package io.openvidu.ha.server.recording;

import java.time.Duration;

/** Recording timings for tests: processing and sweeps in tens of milliseconds. */
final class FastRecordings {

  static final RecordingSettings SETTINGS = new RecordingSettings(Duration.ofMillis(100), Duration.ofMillis(25),
      Duration.ofSeconds(2));

  private FastRecordings() {
  }
}
