package io.openvidu.ha.server.recording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvidu.ha.server.store.OutputMode;
import io.openvidu.ha.server.store.RecordedStreamState;
import io.openvidu.ha.server.store.RecordingProperties;
import io.openvidu.ha.server.store.RecordingState;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The final files of a stopped recording (recordings.md §3), derived from its stored state alone: a
 * composed recording with video is {@code <name>.mp4} lasting from start to stop plus the thumbnail
 * {@code <id>.jpg}; an audio-only composed one is {@code <name>.webm}; an {@code INDIVIDUAL} one is
 * {@code <name>.zip} holding one {@code .webm} per stream period and the synchronisation file
 * {@code <name>.json}. Because the result is a pure function of the state, any process can produce
 * it, and producing it twice gives the same bytes. Immutable.
 */
final class RecordingArtifacts {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final RecordingState recording;
  private final String fileName;
  private final long size;
  private final double duration;

  private RecordingArtifacts(
      RecordingState recording, String fileName, long size, double duration) {
    this.recording = recording;
    this.fileName = fileName;
    this.size = size;
    this.duration = duration;
  }

  /**
   * @throws IllegalArgumentException when the recording has not stopped yet
   */
  static RecordingArtifacts of(RecordingState recording) {
    if (recording.stoppedAt() == null) {
      throw new IllegalArgumentException("Recording " + recording.id() + " has not stopped");
    }
    RecordingProperties properties = recording.properties();
    if (properties.outputMode() == OutputMode.INDIVIDUAL) {
      long total = 0;
      long first = Long.MAX_VALUE;
      long last = Long.MIN_VALUE;
      for (RecordedStreamState period : recording.streams()) {
        total += streamFile(period).size();
        first = Math.min(first, period.startTime());
        last = Math.max(last, period.endTime());
      }
      double duration = recording.streams().isEmpty() ? 0 : (last - first) / 1000.0;
      return new RecordingArtifacts(
          recording, RecordingJson.mediaFileName(recording), total, duration);
    }
    long millis = composedMillis(recording);
    SyntheticFile media = composedFile(recording);
    return new RecordingArtifacts(
        recording, RecordingJson.mediaFileName(recording), media.size(), millis / 1000.0);
  }

  /** The name of the file the recording's {@code url} points at. */
  String fileName() {
    return fileName;
  }

  /**
   * The recording's {@code size}: the media file, or for INDIVIDUAL the sum of the stream files.
   */
  long size() {
    return size;
  }

  /** The recording's {@code duration} in seconds. */
  double duration() {
    return duration;
  }

  /**
   * The files to put in the recording's folder, by name; each writes its content to the stream it
   * is given. Content is only produced when written, so listing the names is cheap.
   */
  Map<String, FileContent> files() {
    Map<String, FileContent> files = new LinkedHashMap<>();
    RecordingProperties properties = recording.properties();
    if (properties.outputMode() == OutputMode.INDIVIDUAL) {
      files.put(fileName, this::writeZip);
    } else {
      files.put(fileName, composedFile(recording)::writeTo);
      if (properties.hasVideo()) {
        int[] size = resolution(properties.resolution());
        files.put(
            recording.id() + ".jpg", out -> out.write(ThumbnailWriter.write(size[0], size[1])));
      }
    }
    return files;
  }

  /**
   * The content of the media file while the recording runs: the same container, lasting no time
   * yet.
   */
  static SyntheticFile inProgress(RecordingState recording) {
    return composedFile(recording, 0);
  }

  private void writeZip(OutputStream out) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out);
    String name = recording.properties().name();
    zip.putNextEntry(entry(name + ".json"));
    zip.write(JSON.writeValueAsBytes(synchronisation()));
    zip.closeEntry();
    for (RecordedStreamState period : recording.streams()) {
      zip.putNextEntry(entry(period.fileName() + ".webm"));
      streamFile(period).writeTo(zip);
      zip.closeEntry();
    }
    zip.finish();
  }

  /**
   * An entry dated at the stop, not now: the zip must come out the same whoever writes it,
   * whenever.
   */
  private ZipEntry entry(String name) {
    ZipEntry entry = new ZipEntry(name);
    entry.setTime(recording.stoppedAt());
    return entry;
  }

  /** The {@code <name>.json} of an INDIVIDUAL recording (recordings.md §3.4). */
  ObjectNode synchronisation() {
    ObjectNode root = JSON.createObjectNode();
    root.put("createdAt", recording.createdAt());
    root.put("id", recording.id());
    root.put("name", recording.properties().name());
    root.put("sessionId", recording.sessionId());
    ArrayNode files = root.putArray("files");
    for (RecordedStreamState period : recording.streams()) {
      ObjectNode file = files.addObject();
      file.put("name", period.fileName() + ".webm");
      file.put("connectionId", period.connectionId());
      file.put("streamId", period.streamId());
      file.put("size", streamFile(period).size());
      file.put("clientData", period.clientData() == null ? "" : period.clientData());
      file.put("serverData", period.serverData() == null ? "" : period.serverData());
      file.put("hasAudio", period.hasAudio());
      file.put("hasVideo", period.hasVideo());
      if (period.hasVideo()) {
        file.put("typeOfVideo", period.typeOfVideo());
      }
      file.put("startTimeOffset", period.startTime() - recording.createdAt());
      file.put("endTimeOffset", period.endTime() - recording.createdAt());
    }
    return root;
  }

  private static SyntheticFile streamFile(RecordedStreamState period) {
    int[] size = dimensions(period.videoDimensions());
    MediaShape shape = new MediaShape(period.hasAudio(), period.hasVideo(), size[0], size[1]);
    return WebmWriter.write(shape, period.endTime() - period.startTime());
  }

  private static SyntheticFile composedFile(RecordingState recording) {
    return composedFile(recording, composedMillis(recording));
  }

  private static SyntheticFile composedFile(RecordingState recording, long millis) {
    RecordingProperties properties = recording.properties();
    if (!properties.hasVideo()) {
      return WebmWriter.write(new MediaShape(properties.hasAudio(), false, 0, 0), millis);
    }
    int[] size = resolution(properties.resolution());
    return Mp4Writer.write(new MediaShape(properties.hasAudio(), true, size[0], size[1]), millis);
  }

  /** A composed recording lasts the wall time from its start to its stop (recordings.md §9). */
  private static long composedMillis(RecordingState recording) {
    return Math.max(0, recording.stoppedAt() - recording.createdAt());
  }

  /**
   * The picture size of a {@code WxH} resolution; 1280x720 when it is not one (defaults are not
   * validated).
   */
  private static int[] resolution(String resolution) {
    String[] parts = resolution == null ? new String[0] : resolution.split("x");
    try {
      int width = Integer.parseInt(parts[0]);
      int height = Integer.parseInt(parts[1]);
      if (width > 0 && height > 0) {
        return new int[] {width, height};
      }
    } catch (RuntimeException e) {
      // not WxH: fall through to the default
    }
    return new int[] {1280, 720};
  }

  /**
   * A publisher's {@code videoDimensions} is a JSON string such as {@code
   * {"width":640,"height":480}}.
   */
  private static int[] dimensions(String videoDimensions) {
    int[] fallback = {MediaShape.DEFAULT_WIDTH, MediaShape.DEFAULT_HEIGHT};
    if (videoDimensions == null || videoDimensions.isBlank()) {
      return fallback;
    }
    try {
      JsonNode node = JSON.readTree(videoDimensions);
      int width = node.path("width").asInt();
      int height = node.path("height").asInt();
      return width > 0 && height > 0 ? new int[] {width, height} : fallback;
    } catch (IOException e) {
      return fallback;
    }
  }

  /** Something that writes one file's content. */
  @FunctionalInterface
  interface FileContent {
    void writeTo(OutputStream out) throws IOException;
  }
}
