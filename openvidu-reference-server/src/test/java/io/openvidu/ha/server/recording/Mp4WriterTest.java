package io.openvidu.ha.server.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Mp4WriterTest {

  private static final MediaShape AUDIO_VIDEO_720P = new MediaShape(true, true, 1280, 720);

  @Test
  void topLevelBoxesAreFtypMoovMdatAndCoverTheWholeFile() throws IOException {
    byte[] file = bytes(Mp4Writer.write(AUDIO_VIDEO_720P, 8_600));

    List<Box> boxes = children(ByteBuffer.wrap(file));

    assertThat(boxes).extracting(Box::type).containsExactly("ftyp", "moov", "mdat");
    assertThat(boxes.stream().mapToInt(b -> b.content().remaining() + 8).sum())
        .isEqualTo(file.length);
  }

  @Test
  void declaredSizeIsTheNumberOfBytesWritten() throws IOException {
    SyntheticFile mp4 = Mp4Writer.write(AUDIO_VIDEO_720P, 3_250);

    assertThat(bytes(mp4)).hasSize((int) mp4.size());
  }

  @Test
  void movieHeaderCarriesTheDurationInMilliseconds() throws IOException {
    ByteBuffer mvhd = find(bytes(Mp4Writer.write(AUDIO_VIDEO_720P, 8_600)), "moov", "mvhd");

    assertThat(mvhd.getInt(12)).as("timescale").isEqualTo(1000);
    assertThat(mvhd.getInt(16)).as("duration").isEqualTo(8_600);
  }

  @Test
  void videoTrackHeaderCarriesThePictureSize() throws IOException {
    ByteBuffer tkhd = find(bytes(Mp4Writer.write(AUDIO_VIDEO_720P, 1_000)), "moov", "trak", "tkhd");

    assertThat(tkhd.getInt(76) >>> 16).as("width").isEqualTo(1280);
    assertThat(tkhd.getInt(80) >>> 16).as("height").isEqualTo(720);
  }

  @Test
  void videoSampleDescriptionIsH264WithThePictureSize() throws IOException {
    ByteBuffer stsd =
        find(
            bytes(Mp4Writer.write(AUDIO_VIDEO_720P, 1_000)),
            "moov",
            "trak",
            "mdia",
            "minf",
            "stbl",
            "stsd");

    assertThat(stsd.getInt(4)).as("entry count").isEqualTo(1);
    assertThat(fourCc(stsd, 12)).isEqualTo("avc1");
    assertThat(stsd.getShort(8 + 8 + 24) & 0xFFFF).as("width").isEqualTo(1280);
    assertThat(stsd.getShort(8 + 8 + 26) & 0xFFFF).as("height").isEqualTo(720);
  }

  @Test
  void audioOnlyFileHasOneSoundTrack() throws IOException {
    byte[] file = bytes(Mp4Writer.write(new MediaShape(true, false, 0, 0), 1_000));

    List<Box> tracks =
        children(find(file, "moov")).stream().filter(b -> b.type().equals("trak")).toList();

    assertThat(tracks).hasSize(1);
    ByteBuffer handler = find(children(tracks.get(0).content()), "mdia", "hdlr");
    assertThat(fourCc(handler, 8)).isEqualTo("soun");
  }

  @Test
  void longerRecordingsMakeLargerFiles() {
    assertThat(Mp4Writer.write(AUDIO_VIDEO_720P, 10_000).size())
        .isGreaterThan(Mp4Writer.write(AUDIO_VIDEO_720P, 1_000).size());
  }

  static byte[] bytes(SyntheticFile file) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    file.writeTo(out);
    return out.toByteArray();
  }

  private static ByteBuffer find(byte[] file, String... path) {
    return find(children(ByteBuffer.wrap(file)), path);
  }

  private static ByteBuffer find(List<Box> boxes, String... path) {
    ByteBuffer current = null;
    for (String type : path) {
      current =
          boxes.stream()
              .filter(b -> b.type().equals(type))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no box " + type))
              .content();
      boxes = children(current.duplicate());
    }
    return current;
  }

  private static List<Box> children(ByteBuffer buffer) {
    List<Box> boxes = new ArrayList<>();
    while (buffer.remaining() >= 8) {
      int size = buffer.getInt();
      String type = fourCc(buffer, buffer.position());
      buffer.position(buffer.position() + 4);
      if (size < 8 || size - 8 > buffer.remaining()) {
        return boxes; // not a container: the content is not made of boxes
      }
      ByteBuffer content = buffer.slice(buffer.position(), size - 8);
      buffer.position(buffer.position() + size - 8);
      boxes.add(new Box(type, content));
    }
    return boxes;
  }

  private static String fourCc(ByteBuffer buffer, int at) {
    byte[] code = new byte[4];
    buffer.get(at, code);
    return new String(code, StandardCharsets.US_ASCII);
  }

  private record Box(String type, ByteBuffer content) {
    @Override
    public ByteBuffer content() {
      return content.duplicate();
    }
  }
}
