package io.openvidu.ha.server.recording;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvidu.ha.server.store.RecordingState;
import io.openvidu.ha.server.store.RecordingStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The recordings directory in OpenVidu's layout (recordings.md §3): one folder per recording
 * holding the hidden metadata file {@code .recording.<id>} and the media. Every file is written to
 * a temporary name and moved into place, so a reader (or a process dying mid-write) never leaves or
 * sees half a file, and two processes writing the same deterministic file just replace one another.
 * All processes of a cluster must see the same directory. Thread-safe.
 */
final class RecordingFolder {

  private static final String METADATA_PREFIX = ".recording.";

  /** How often a deletion walks a tree again when a writer added files during its walk. */
  private static final int DELETION_PASSES = 5;

  /**
   * How a write ended. A folder removed under a write means its recording was deleted (deletion is
   * the only thing that removes a recording's folder): the deletion wins and the write is
   * abandoned, never retried.
   */
  enum WriteOutcome {
    /** The file is in place. */
    WRITTEN,
    /** The metadata file already shows a later status; it was left as it is. */
    LATER_STATUS_KEPT,
    /**
     * The recording's folder was removed while the file was being written; nothing was left behind
     * by this write.
     */
    FOLDER_REMOVED
  }

  private final Path root;

  RecordingFolder(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  Path root() {
    return root;
  }

  /**
   * Writes the metadata file with the recording as it is now, unless the file already shows a later
   * status: a writer that read the recording before a transition another process made must not take
   * the file back.
   */
  WriteOutcome writeMetadata(RecordingState recording, ObjectNode metadata) {
    Path folder = folder(recording.id());
    Path file = folder.resolve(METADATA_PREFIX + recording.id());
    if (writtenStatus(file)
        .map(written -> written.ordinal() > recording.status().ordinal())
        .orElse(false)) {
      return WriteOutcome.LATER_STATUS_KEPT;
    }
    return write(
        recording.id(),
        file.getFileName().toString(),
        out -> out.write(RecordingJson.MAPPER.writeValueAsBytes(metadata)));
  }

  /** The status in a metadata file, if there is a readable one. */
  private static Optional<RecordingStatus> writtenStatus(Path metadataFile) {
    try {
      String status =
          RecordingJson.MAPPER.readTree(metadataFile.toFile()).path("status").asText("");
      return Arrays.stream(RecordingStatus.values())
          .filter(s -> s.wireName().equals(status))
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Writes the files of a recording that just started: its metadata and, for composed ones, the
   * growing media file.
   */
  WriteOutcome writeStarted(RecordingState recording, ObjectNode metadata) {
    WriteOutcome outcome = writeMetadata(recording, metadata);
    if (outcome == WriteOutcome.FOLDER_REMOVED
        || RecordingJson.mediaFileName(recording).endsWith(".zip")) {
      return outcome;
    }
    return write(
        recording.id(),
        RecordingJson.mediaFileName(recording),
        RecordingArtifacts.inProgress(recording)::writeTo);
  }

  /**
   * Writes the final media files, then the metadata (so the metadata never announces files that are
   * missing).
   */
  WriteOutcome writeFinal(
      RecordingState recording, RecordingArtifacts artifacts, ObjectNode metadata) {
    for (Map.Entry<String, RecordingArtifacts.FileContent> file : artifacts.files().entrySet()) {
      if (write(recording.id(), file.getKey(), file.getValue()) == WriteOutcome.FOLDER_REMOVED) {
        return WriteOutcome.FOLDER_REMOVED;
      }
    }
    return writeMetadata(recording, metadata);
  }

  /** Whether every one of these files of the recording is there. */
  boolean hasAll(String recordingId, Collection<String> fileNames) {
    return fileNames.stream().allMatch(name -> file(recordingId, name).isPresent());
  }

  /**
   * Removes the recording's folder and everything in it; nothing happens when there is none. A
   * writer of the same recording may run at the same time (the store turns {@code ready} before the
   * files are written, and any master may write them): files that vanish during the walk are
   * skipped, and files that appear are removed by another pass. A writer that started after every
   * pass removes its own files once it sees the recording deleted.
   */
  void delete(String recordingId) {
    removeTree(folder(recordingId));
  }

  /**
   * Removes the whole recordings directory, itself included: for a directory that was only ever
   * temporary.
   */
  void deleteAll() {
    removeTree(root);
  }

  private static void removeTree(Path tree) {
    for (int pass = 0;
        pass < DELETION_PASSES && Files.exists(tree, LinkOption.NOFOLLOW_LINKS);
        pass++) {
      try {
        Files.walkFileTree(tree, new TreeRemover());
      } catch (NoSuchFileException e) {
        return; // removed concurrently: done
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * The regular file {@code fileName} of the recording's folder, if it exists. Names that would
   * leave the folder ({@code ..}, separators) find nothing.
   */
  Optional<Path> file(String recordingId, String fileName) {
    if (!isPlainName(recordingId) || !isPlainName(fileName)) {
      return Optional.empty();
    }
    Path file = folder(recordingId).resolve(fileName).normalize();
    return file.startsWith(root) && Files.isRegularFile(file)
        ? Optional.of(file)
        : Optional.empty();
  }

  private Path folder(String recordingId) {
    if (!isPlainName(recordingId)) {
      throw new IllegalArgumentException("Not a recording id: " + recordingId);
    }
    return root.resolve(recordingId);
  }

  /** A single path element that stays where it is put. */
  static boolean isPlainName(String name) {
    return name != null
        && !name.isEmpty()
        && !name.equals(".")
        && !name.equals("..")
        && name.indexOf('/') < 0
        && name.indexOf('\\') < 0
        && name.indexOf('\0') < 0;
  }

  /** Writes one file of the recording's folder, creating the folder if needed. */
  WriteOutcome write(String recordingId, String fileName, RecordingArtifacts.FileContent content) {
    if (!isPlainName(fileName)) {
      throw new IllegalArgumentException("Not a file name: " + fileName);
    }
    Path folder = folder(recordingId);
    try {
      createFolder(folder);
      return writeInto(folder, fileName, content);
    } catch (NoSuchFileException removed) {
      return WriteOutcome.FOLDER_REMOVED;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Creates the folder unless it exists. Not {@code Files.createDirectories} for the folder itself:
   * it checks the folder again after finding it there, and a deletion between the two makes it
   * throw {@code FileAlreadyExistsException} for a folder that no longer exists.
   */
  private void createFolder(Path folder) throws IOException {
    Files.createDirectories(root);
    try {
      Files.createDirectory(folder);
    } catch (FileAlreadyExistsException exists) {
      // created by another writer, or a file in the way: opening the temporary file tells which
    }
  }

  private static WriteOutcome writeInto(
      Path folder, String fileName, RecordingArtifacts.FileContent content) throws IOException {
    Path temporary = folder.resolve(".tmp-" + UUID.randomUUID());
    try {
      try (OutputStream out = Files.newOutputStream(temporary)) {
        content.writeTo(out);
      }
      move(temporary, folder.resolve(fileName));
      return WriteOutcome.WRITTEN;
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Deletes a tree bottom-up, skipping what disappears under it and leaving a directory that gained
   * an entry.
   */
  private static final class TreeRemover extends SimpleFileVisitor<Path> {

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
      Files.deleteIfExists(file);
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
      if (e instanceof NoSuchFileException) {
        return FileVisitResult.CONTINUE;
      }
      throw e;
    }

    @Override
    public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
      if (e != null && !(e instanceof NoSuchFileException)) {
        throw e;
      }
      try {
        Files.deleteIfExists(directory);
      } catch (DirectoryNotEmptyException raced) {
        // a writer added a file after it was listed; the next pass removes it
      }
      return FileVisitResult.CONTINUE;
    }
  }
}
