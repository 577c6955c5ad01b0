package io.openvidu.examples.recording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvidu.java.client.Recording;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a downloaded recording holds, checked against what OpenVidu reported about it.
 *
 * <ul>
 *   <li>COMPOSED: one MP4 (or a WebM when audio-only) of the recording's {@code size}.
 *   <li>INDIVIDUAL: a zip with one WebM per recorded stream and {@code <name>.json}, the
 *       synchronisation metadata naming each file's connection, stream, size and time offsets. The
 *       recording's {@code size} is the sum of the stream files'.
 * </ul>
 *
 * @param path the file
 * @param size its size in bytes
 * @param streams for INDIVIDUAL, one entry per stream file, in the metadata's order; empty for
 *     COMPOSED
 */
public record RecordingFile(Path path, long size, List<StreamFile> streams) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] WEBM_MAGIC = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};

  public RecordingFile {
    streams = List.copyOf(streams);
  }

  /**
   * One stream's file inside an INDIVIDUAL recording.
   *
   * @param name the file name inside the zip, e.g. {@code str_CAM_WyJt_con_HZPIDsWXBx.webm}
   * @param connectionId the publisher's connection
   * @param size its size in bytes
   * @param hasAudio whether it has audio
   * @param hasVideo whether it has video
   */
  public record StreamFile(
      String name, String connectionId, long size, boolean hasAudio, boolean hasVideo) {}

  /**
   * Reads a downloaded recording file and checks it against the recording.
   *
   * @throws IOException when the file is not what OpenVidu said it recorded (wrong container, size
   *     or contents)
   */
  public static RecordingFile inspect(Recording recording, Path path) throws IOException {
    long size = Files.size(path);
    if (recording.getOutputMode() == Recording.OutputMode.INDIVIDUAL) {
      return new RecordingFile(path, size, streamsOf(recording, path));
    }
    if (size != recording.getSize()) {
      throw new IOException(
          path.getFileName() + " has " + size + " bytes; OpenVidu reported " + recording.getSize());
    }
    String name = path.getFileName().toString();
    try (InputStream in = Files.newInputStream(path)) {
      byte[] head = in.readNBytes(8);
      boolean valid =
          name.endsWith(".webm")
              ? startsWith(head, WEBM_MAGIC)
              : head.length == 8
                  && new String(head, 4, 4, StandardCharsets.US_ASCII).equals("ftyp");
      if (!valid) {
        throw new IOException(
            name + " does not start like " + (name.endsWith(".webm") ? "a WebM" : "an MP4"));
      }
    }
    return new RecordingFile(path, size, List.of());
  }

  private static List<StreamFile> streamsOf(Recording recording, Path zip) throws IOException {
    try (ZipFile archive = new ZipFile(zip.toFile())) {
      ZipEntry metadataEntry = archive.getEntry(recording.getName() + ".json");
      if (metadataEntry == null) {
        throw new IOException(zip.getFileName() + " has no " + recording.getName() + ".json");
      }
      JsonNode metadata;
      try (InputStream in = archive.getInputStream(metadataEntry)) {
        metadata = JSON.readTree(in);
      }
      Map<String, Long> sizesInZip = new HashMap<>();
      archive.stream()
          .filter(e -> e.getName().endsWith(".webm"))
          .forEach(e -> sizesInZip.put(e.getName(), e.getSize()));
      List<StreamFile> streams = new ArrayList<>();
      long total = 0;
      for (JsonNode file : metadata.path("files")) {
        StreamFile stream =
            new StreamFile(
                file.path("name").asText(),
                file.path("connectionId").asText(),
                file.path("size").asLong(),
                file.path("hasAudio").asBoolean(),
                file.path("hasVideo").asBoolean());
        Long inZip = sizesInZip.remove(stream.name());
        if (inZip == null || inZip != stream.size()) {
          throw new IOException(
              stream.name()
                  + " is listed with "
                  + stream.size()
                  + " bytes but the zip holds "
                  + (inZip == null ? "no such file" : inZip + " bytes"));
        }
        try (InputStream in = archive.getInputStream(archive.getEntry(stream.name()))) {
          if (!startsWith(in.readNBytes(4), WEBM_MAGIC)) {
            throw new IOException(stream.name() + " does not start like a WebM");
          }
        }
        total += stream.size();
        streams.add(stream);
      }
      if (!sizesInZip.isEmpty()) {
        throw new IOException("the metadata does not list " + sizesInZip.keySet());
      }
      if (total != recording.getSize()) {
        throw new IOException(
            "the stream files add up to "
                + total
                + " bytes; OpenVidu reported "
                + recording.getSize());
      }
      return streams;
    }
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }
}
