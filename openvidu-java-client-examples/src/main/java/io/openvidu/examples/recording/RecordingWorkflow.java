package io.openvidu.examples.recording;

import io.openvidu.java.client.OpenVidu;
import io.openvidu.java.client.OpenViduHttpException;
import io.openvidu.java.client.OpenViduJavaClientException;
import io.openvidu.java.client.Recording;
import io.openvidu.java.client.RecordingProperties;
import java.time.Duration;

/**
 * Recording a session from start to files: start it with an output mode, stop it, and wait until
 * OpenVidu has finished the files. OpenVidu Pro/Enterprise answer the stop with {@code stopped} and
 * turn the recording {@code ready} a moment later (CE answers {@code ready} at once); only a {@code
 * ready} recording has its files and its {@code url}.
 *
 * <p>Stateless; every method is safe to call from several threads.
 */
public final class RecordingWorkflow {
  private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

  private RecordingWorkflow() {}

  /**
   * Starts recording a session; somebody must be connected to it (OpenVidu answers 406 otherwise),
   * and for {@link Recording.OutputMode#INDIVIDUAL} somebody should publish, since each published
   * stream is one file.
   *
   * @param name the file name without extension: letters, digits, {@code -} and {@code _}
   */
  public static Recording start(
      OpenVidu openVidu, String sessionId, Recording.OutputMode mode, String name)
      throws OpenViduJavaClientException, OpenViduHttpException {
    return openVidu.startRecording(
        sessionId,
        new RecordingProperties.Builder()
            .outputMode(mode)
            .name(name)
            .hasAudio(true)
            .hasVideo(true)
            .build());
  }

  /**
   * Stops a recording and waits until its files are ready.
   *
   * @param timeout how long to wait for {@code ready} after the stop
   * @throws IllegalStateException when the recording failed or was not ready in time
   */
  public static Recording stopAndAwaitReady(OpenVidu openVidu, String recordingId, Duration timeout)
      throws OpenViduJavaClientException, OpenViduHttpException, InterruptedException {
    Recording stopped = openVidu.stopRecording(recordingId);
    return stopped.getStatus() == Recording.Status.ready
        ? stopped
        : awaitReady(openVidu, recordingId, timeout);
  }

  /**
   * Waits until a stopped recording is {@code ready}, asking OpenVidu every 100 ms. In production,
   * prefer OpenVidu's {@code recordingStatusChanged} webhook to polling.
   *
   * @throws IllegalStateException when the recording failed or was not ready in time
   */
  public static Recording awaitReady(OpenVidu openVidu, String recordingId, Duration timeout)
      throws OpenViduJavaClientException, OpenViduHttpException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Recording recording = openVidu.getRecording(recordingId);
      switch (recording.getStatus()) {
        case ready:
          return recording;
        case failed:
          throw new IllegalStateException("recording " + recordingId + " failed");
        default:
          if (System.nanoTime() - deadline > 0) {
            throw new IllegalStateException(
                "recording "
                    + recordingId
                    + " still "
                    + recording.getStatus()
                    + " after "
                    + timeout.toMillis()
                    + " ms");
          }
          Thread.sleep(POLL_INTERVAL.toMillis());
      }
    }
  }
}
