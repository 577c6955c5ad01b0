package io.openvidu.examples.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvidu.examples.Deployment;
import io.openvidu.examples.EmbeddedClusters;
import io.openvidu.examples.Participants;
import io.openvidu.ha.server.testing.OpenViduClusterExtension;
import io.openvidu.ha.server.testing.SimulatedParticipant;
import io.openvidu.java.client.OpenVidu;
import io.openvidu.java.client.Recording;
import io.openvidu.java.client.Session;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class RecordingExampleTest {
  private static final Duration LENGTH = Duration.ofMillis(300);
  private static final Duration READY = Duration.ofSeconds(10);

  @RegisterExtension static OpenViduClusterExtension cluster = EmbeddedClusters.extension();

  @TempDir Path directory;

  private OpenVidu openVidu;
  private RecordingDownload download;
  private Session session;
  private SimulatedParticipant ana;
  private SimulatedParticipant ben;

  @BeforeEach
  void meetingOfTwoPublishers() throws Exception {
    openVidu = new OpenVidu(cluster.urls(), cluster.secret());
    download = new RecordingDownload(cluster.urlList(), cluster.secret());
    session = openVidu.createSession();
    ana = Participants.joinAndPublish(session, "ana", URI.create(cluster.urlList().get(0)), null);
    ben = Participants.joinAndPublish(session, "ben", URI.create(cluster.urlList().get(2)), null);
  }

  @AfterEach
  void endMeeting() throws Exception {
    cluster.master(0).start();
    session.close();
    ana.close();
    ben.close();
    openVidu.close();
  }

  @Test
  void composedRecordingIsOneMixedFileOfTheReportedSize() throws Exception {
    List<RecordingFile> files =
        RecordingExample.recordBothWays(openVidu, download, session, LENGTH, directory);

    RecordingFile composed = files.get(0);
    assertThat(composed.path()).hasFileName(session.getSessionId() + "-composed.mp4");
    assertThat(composed.streams()).isEmpty();
    assertThat(Files.size(composed.path())).isEqualTo(composed.size()).isPositive();
  }

  @Test
  void individualRecordingHasOneFilePerPublisher() throws Exception {
    List<RecordingFile> files =
        RecordingExample.recordBothWays(openVidu, download, session, LENGTH, directory);

    RecordingFile individual = files.get(1);
    assertThat(individual.path()).hasFileName(session.getSessionId() + "-individual.zip");
    assertThat(individual.streams())
        .extracting(RecordingFile.StreamFile::connectionId)
        .containsExactlyInAnyOrder(ana.connectionId(), ben.connectionId());
    assertThat(individual.streams())
        .allSatisfy(
            stream -> {
              assertThat(stream.size()).isPositive();
              assertThat(stream.hasVideo()).isTrue();
            });
  }

  @Test
  void runRecordsANewSessionBothWaysAndClosesIt() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    List<RecordingFile> files =
        RecordingExample.run(
            Deployment.of(cluster.cluster()),
            LENGTH,
            directory,
            new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(files).hasSize(2);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(files.get(0).path().toString(), files.get(1).path().toString());
    openVidu.fetch();
    assertThat(openVidu.getActiveSessions())
        .extracting(Session::getSessionId)
        .containsExactly(session.getSessionId());
  }

  @Test
  void downloadAsksAnotherMasterWhenTheOneInTheUrlIsDown() throws Exception {
    Recording ready = recordComposed();
    assertThat(ready.getUrl()).startsWith(cluster.urlList().get(0));

    cluster.master(0).stop();
    Path file = download.download(ready, directory);

    assertThat(RecordingFile.inspect(ready, file).size()).isEqualTo(ready.getSize());
  }

  @Test
  void downloadOfARecordingThatIsNotReadyIsRefused() throws Exception {
    Recording started =
        RecordingWorkflow.start(
            openVidu, session.getSessionId(), Recording.OutputMode.COMPOSED, "unfinished");
    try {
      assertThatThrownBy(() -> download.download(started, directory))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not ready");
    } finally {
      RecordingWorkflow.stopAndAwaitReady(openVidu, started.getId(), READY);
    }
  }

  @Test
  void downloadWithAWrongSecretFailsWithoutShowingIt() throws Exception {
    Recording ready = recordComposed();
    RecordingDownload withWrongSecret = new RecordingDownload(cluster.urlList(), "not-the-secret");

    assertThatThrownBy(() -> withWrongSecret.download(ready, directory))
        .hasMessageContaining("401")
        .hasMessageNotContaining("not-the-secret");
    assertThat(withWrongSecret.toString()).doesNotContain("not-the-secret");
  }

  @Test
  void inspectionRejectsAFileThatIsNotTheRecording() throws Exception {
    Recording ready = recordComposed();
    Path truncated = directory.resolve("truncated.mp4");
    Files.write(truncated, new byte[] {0, 0, 0, 8, 'f', 't', 'y', 'p'});

    assertThatThrownBy(() -> RecordingFile.inspect(ready, truncated))
        .hasMessageContaining("8 bytes")
        .hasMessageContaining(Long.toString(ready.getSize()));
  }

  private Recording recordComposed() throws Exception {
    Recording started =
        RecordingWorkflow.start(
            openVidu, session.getSessionId(), Recording.OutputMode.COMPOSED, "checked");
    Thread.sleep(LENGTH.toMillis());
    return RecordingWorkflow.stopAndAwaitReady(openVidu, started.getId(), READY);
  }
}
