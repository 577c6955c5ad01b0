package io.openvidu.examples.recording;

import io.openvidu.examples.Deployment;
import io.openvidu.examples.Participants;
import io.openvidu.ha.server.testing.SimulatedParticipant;
import io.openvidu.java.client.OpenVidu;
import io.openvidu.java.client.Recording;
import io.openvidu.java.client.Session;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Records one session twice, COMPOSED (one MP4 mixing everybody) then INDIVIDUAL (a zip with one
 * WebM per stream and a metadata JSON), downloads both files and checks them against what OpenVidu
 * reported.
 *
 * <pre>
 * mvn -B -q -Pdemo -pl openvidu-java-client-examples -am compile -Ddemo.main=io.openvidu.examples.recording.RecordingExample
 * </pre>
 *
 * writes the files into {@code openvidu-java-client-examples/target/recordings}.
 */
public final class RecordingExample {
  private RecordingExample() {}

  /**
   * Records {@code session} COMPOSED, then INDIVIDUAL, each for {@code length}, and downloads each
   * recording into {@code directory}.
   *
   * @return the downloaded files, checked, COMPOSED first
   */
  public static List<RecordingFile> recordBothWays(
      OpenVidu openVidu,
      RecordingDownload download,
      Session session,
      Duration length,
      Path directory)
      throws Exception {
    List<RecordingFile> files = new ArrayList<>();
    for (Recording.OutputMode mode :
        List.of(Recording.OutputMode.COMPOSED, Recording.OutputMode.INDIVIDUAL)) {
      Recording started =
          RecordingWorkflow.start(
              openVidu,
              session.getSessionId(),
              mode,
              session.getSessionId() + "-" + mode.name().toLowerCase());
      Thread.sleep(length.toMillis());
      Recording ready =
          RecordingWorkflow.stopAndAwaitReady(openVidu, started.getId(), Duration.ofSeconds(30));
      files.add(RecordingFile.inspect(ready, download.download(ready, directory)));
    }
    return files;
  }

  /**
   * Records a new session of {@code deployment}, joined by two participants on different masters,
   * both ways, and tells on {@code out} what was downloaded into {@code directory}.
   *
   * @return the downloaded files, checked, COMPOSED first
   */
  public static List<RecordingFile> run(
      Deployment deployment, Duration length, Path directory, PrintStream out) throws Exception {
    try (OpenVidu openVidu =
        new OpenVidu(String.join(",", deployment.urls()), deployment.secret())) {
      Session session = openVidu.createSession();
      List<URI> masters = deployment.urls().stream().map(URI::create).toList();
      List<RecordingFile> files;
      // Two participants, each on another master when there are several: recording works
      // cluster-wide.
      try (SimulatedParticipant ana =
              Participants.joinAndPublish(session, "ana", masters.get(0), null);
          SimulatedParticipant ben =
              Participants.joinAndPublish(session, "ben", masters.get(masters.size() - 1), null)) {
        RecordingDownload download = new RecordingDownload(deployment.urls(), deployment.secret());
        files = recordBothWays(openVidu, download, session, length, directory);
        // Closed while they are still in it: had they left first, OpenVidu would have closed it
        // already.
        session.close();
      }
      for (RecordingFile file : files) {
        out.println(file.path() + ": " + file.size() + " bytes");
        for (RecordingFile.StreamFile stream : file.streams()) {
          out.println(
              "  " + stream.name() + ": " + stream.size() + " bytes of " + stream.connectionId());
        }
      }
      return files;
    }
  }

  public static void main(String[] args) throws Exception {
    try (Deployment deployment = Deployment.fromEnvironment()) {
      run(deployment, Duration.ofSeconds(2), Path.of("target", "recordings"), System.out);
    }
  }
}
