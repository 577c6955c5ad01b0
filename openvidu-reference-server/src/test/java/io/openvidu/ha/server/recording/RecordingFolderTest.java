package io.openvidu.ha.server.recording;

import static io.openvidu.ha.server.recording.RecordingFixtures.composed;
import static io.openvidu.ha.server.recording.RecordingFixtures.stopped;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvidu.ha.server.store.RecordingState;
import io.openvidu.ha.server.store.RecordingStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingFolderTest {

  private static final String PUBLIC_URL = "https://my.openvidu.ip/";

  @TempDir Path root;

  @Test
  void startedComposedRecordingHasItsMetadataAndANonEmptyMediaFile() throws IOException {
    RecordingState started =
        RecordingState.starting("ses_A", "ses_A", composed("rec"), "media_1", 1L, null)
            .withStatus(RecordingStatus.STARTED);

    new RecordingFolder(root).writeStarted(started, RecordingJson.metadata(started, PUBLIC_URL));

    assertThat(names(root.resolve("ses_A")))
        .containsExactlyInAnyOrder(".recording.ses_A", "rec.mp4");
    assertThat(Files.size(root.resolve("ses_A/rec.mp4"))).isPositive();
  }

  @Test
  void finalComposedFolderHoldsMetadataMediaAndThumbnailOnly() throws IOException {
    RecordingState stopped = stopped(composed("rec"), 2_000, List.of());
    RecordingArtifacts artifacts = RecordingArtifacts.of(stopped);
    RecordingState ready =
        stopped.finished(RecordingStatus.READY, artifacts.size(), artifacts.duration(), null);
    RecordingFolder folder = new RecordingFolder(root);
    folder.writeStarted(stopped, RecordingJson.metadata(stopped, PUBLIC_URL));

    folder.writeFinal(ready, artifacts, RecordingJson.metadata(ready, PUBLIC_URL));

    assertThat(names(root.resolve("ses_A")))
        .containsExactlyInAnyOrder(".recording.ses_A", "rec.mp4", "ses_A.jpg");
    assertThat(Files.size(root.resolve("ses_A/rec.mp4"))).isEqualTo(artifacts.size());
  }

  @Test
  void metadataFileIsOneLineOfTheRecordingWithItsUniqueSessionId() throws IOException {
    RecordingState stopped = stopped(composed("rec"), 2_000, List.of());
    new RecordingFolder(root).writeMetadata(stopped, RecordingJson.metadata(stopped, PUBLIC_URL));

    List<String> lines = Files.readAllLines(root.resolve("ses_A/.recording.ses_A"));
    JsonNode metadata = RecordingJson.MAPPER.readTree(lines.get(0));

    assertThat(lines).hasSize(1);
    assertThat(metadata.get("status").asText()).isEqualTo("stopped");
    assertThat(metadata.get("uniqueSessionId").asText()).isEqualTo(stopped.uniqueSessionId());
  }

  @Test
  void metadataIsNotTakenBackToAnEarlierStatus() throws IOException {
    RecordingState stopped = stopped(composed("rec"), 2_000, List.of());
    RecordingState started = stopped.withStatus(RecordingStatus.STARTED);
    RecordingFolder folder = new RecordingFolder(root);
    folder.writeMetadata(stopped, RecordingJson.metadata(stopped, PUBLIC_URL));

    folder.writeMetadata(started, RecordingJson.metadata(started, PUBLIC_URL));

    assertThat(
            RecordingJson.MAPPER
                .readTree(root.resolve("ses_A/.recording.ses_A").toFile())
                .get("status")
                .asText())
        .isEqualTo("stopped");
  }

  @Test
  void fileOutsideTheRecordingFolderIsNotFound() throws IOException {
    Files.writeString(root.resolve("secret.txt"), "x");
    Files.createDirectories(root.resolve("ses_A"));

    RecordingFolder folder = new RecordingFolder(root);

    assertThat(folder.file("ses_A", "../secret.txt")).isEmpty();
    assertThat(folder.file("..", "secret.txt")).isEmpty();
    assertThat(folder.file("ses_A", "..")).isEmpty();
  }

  @Test
  void deletingRemovesTheWholeFolder() {
    RecordingState stopped = stopped(composed("rec"), 2_000, List.of());
    RecordingFolder folder = new RecordingFolder(root);
    folder.writeStarted(stopped, RecordingJson.metadata(stopped, PUBLIC_URL));

    folder.delete("ses_A");

    assertThat(root.resolve("ses_A")).doesNotExist();
  }

  @Test
  void deletingWhileAnotherMasterWritesTheFinalFilesNeverFails() throws Exception {
    RecordingState stopped = stopped(composed("rec"), 2_000, List.of());
    RecordingArtifacts artifacts = RecordingArtifacts.of(stopped);
    RecordingFolder folder = new RecordingFolder(root);
    AtomicBoolean writing = new AtomicBoolean(true);
    CompletableFuture<Void> writer =
        CompletableFuture.runAsync(
            () -> {
              while (writing.get()) {
                folder.writeFinal(stopped, artifacts, RecordingJson.metadata(stopped, PUBLIC_URL));
              }
            });

    try {
      for (int i = 0; i < 300 && !writer.isDone(); i++) {
        folder.delete("ses_A");
      }
    } finally {
      writing.set(false);
    }

    writer.get(10, TimeUnit.SECONDS);
    folder.delete("ses_A");
    assertThat(root.resolve("ses_A")).doesNotExist();
  }

  @Test
  void writeWhoseFolderIsDeletedMidFileEndsAsFolderRemovedAndLeavesNothing() {
    RecordingFolder folder = new RecordingFolder(root);
    RecordingArtifacts.FileContent deletedWhileWritten =
        out -> {
          out.write(1);
          folder.delete("ses_A");
        };

    RecordingFolder.WriteOutcome outcome = folder.write("ses_A", "rec.mp4", deletedWhileWritten);

    assertThat(outcome).isEqualTo(RecordingFolder.WriteOutcome.FOLDER_REMOVED);
    assertThat(root.resolve("ses_A")).doesNotExist();
  }

  /**
   * The interleaving of a fresh-clone CI failure: the folder exists when the writer creates it and
   * is gone right after ({@code Files.createDirectories} then threw {@code
   * FileAlreadyExistsException}). A second thread creates and removes the empty folder as fast as
   * it can while the writer writes.
   */
  @Test
  void folderAppearingAndVanishingWhileFilesAreWrittenNeverFailsAWrite() throws Exception {
    RecordingState stopped = stopped(composed("rec"), 2_000, List.of());
    RecordingFolder folder = new RecordingFolder(root);
    Path sessionFolder = root.resolve("ses_A");
    AtomicBoolean writing = new AtomicBoolean(true);
    CompletableFuture<Void> toggler =
        CompletableFuture.runAsync(
            () -> {
              while (writing.get()) {
                try {
                  Files.createDirectory(sessionFolder);
                  Files.delete(sessionFolder);
                } catch (IOException raced) {
                  // the writer created it, or put a file in it: try again
                }
              }
            });

    try {
      for (int i = 0; i < 3_000 && !toggler.isDone(); i++) {
        assertThat(folder.writeMetadata(stopped, RecordingJson.metadata(stopped, PUBLIC_URL)))
            .isIn(
                RecordingFolder.WriteOutcome.WRITTEN, RecordingFolder.WriteOutcome.FOLDER_REMOVED);
        folder.delete("ses_A");
      }
    } finally {
      writing.set(false);
    }

    toggler.get(10, TimeUnit.SECONDS);
  }

  @Test
  void noTemporaryFileIsLeftBehind() throws IOException {
    RecordingState stopped = stopped(composed("rec"), 2_000, List.of());
    RecordingArtifacts artifacts = RecordingArtifacts.of(stopped);

    new RecordingFolder(root)
        .writeFinal(stopped, artifacts, RecordingJson.metadata(stopped, PUBLIC_URL));

    assertThat(names(root.resolve("ses_A"))).noneMatch(name -> name.startsWith(".tmp-"));
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
