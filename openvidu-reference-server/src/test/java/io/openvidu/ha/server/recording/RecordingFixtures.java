package io.openvidu.ha.server.recording;

import io.openvidu.ha.server.store.OutputMode;
import io.openvidu.ha.server.store.RecordedStreamState;
import io.openvidu.ha.server.store.RecordingProperties;
import io.openvidu.ha.server.store.RecordingState;
import io.openvidu.ha.server.store.RecordingStatus;
import java.util.List;

/** Recordings in given states, for tests of what is derived from a recording's state. */
final class RecordingFixtures {

  static final long CREATED_AT = 1_600_000_000_000L;

  private RecordingFixtures() {}

  static RecordingProperties individual(String name) {
    return new RecordingProperties(
        name, true, true, OutputMode.INDIVIDUAL, null, null, null, null, null, false, null);
  }

  static RecordingProperties composed(String name) {
    return RecordingProperties.defaults().withName(name);
  }

  static RecordingState stopped(
      RecordingProperties properties, long stoppedAfterMillis, List<RecordedStreamState> streams) {
    return RecordingState.starting("ses_A", "ses_A", properties, "media_1", CREATED_AT, null)
        .withUniqueSessionId("ses_A_" + (CREATED_AT - 5_000))
        .withStreams(streams)
        .withStatus(RecordingStatus.STARTED)
        .stopped("recordingStoppedByServer", CREATED_AT + stoppedAfterMillis);
  }

  static RecordedStreamState stream(
      String streamId, String connectionId, long fromMillis, long toMillis) {
    return new RecordedStreamState(
        streamId,
        streamId,
        connectionId,
        "client-" + connectionId,
        "server-" + connectionId,
        true,
        true,
        "CAMERA",
        "{\"width\":640,\"height\":480}",
        CREATED_AT + fromMillis,
        CREATED_AT + toMillis);
  }
}
