package io.openvidu.ha.server.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebmWriterTest {

  private static final MediaShape CAMERA = new MediaShape(true, true, 640, 480);

  @Test
  void startsWithTheEbmlMagicAndTheWebmDocType() throws IOException {
    Map<Long, ByteBuffer> top =
        elements(ByteBuffer.wrap(Mp4WriterTest.bytes(WebmWriter.write(CAMERA, 1_000))));

    Map<Long, ByteBuffer> header = elements(top.get(0x1A45DFA3L));

    assertThat(StandardCharsets.US_ASCII.decode(header.get(0x4282L)).toString()).isEqualTo("webm");
  }

  @Test
  void headerAndSegmentCoverTheWholeFile() throws IOException {
    SyntheticFile webm = WebmWriter.write(CAMERA, 56_350);
    byte[] file = Mp4WriterTest.bytes(webm);

    Map<Long, ByteBuffer> top = elements(ByteBuffer.wrap(file));

    assertThat(top.keySet()).containsExactly(0x1A45DFA3L, 0x18538067L);
    assertThat(file).hasSize((int) webm.size());
  }

  @Test
  void segmentInfoCarriesTheDurationInMilliseconds() throws IOException {
    Map<Long, ByteBuffer> segment = segment(WebmWriter.write(CAMERA, 56_350));

    ByteBuffer duration = elements(segment.get(0x1549A966L)).get(0x4489L);

    assertThat(duration.getDouble()).isEqualTo(56_350.0);
  }

  @Test
  void audioOnlyStreamHasOneAudioTrack() throws IOException {
    Map<Long, ByteBuffer> tracks =
        elements(
            segment(WebmWriter.write(new MediaShape(true, false, 0, 0), 500)).get(0x1654AE6BL));

    Map<Long, ByteBuffer> entry = elements(tracks.get(0xAEL));

    assertThat(entry.get(0x83L).get()).as("track type").isEqualTo((byte) 2);
    assertThat(StandardCharsets.US_ASCII.decode(entry.get(0x86L)).toString()).isEqualTo("A_OPUS");
  }

  private static Map<Long, ByteBuffer> segment(SyntheticFile webm) throws IOException {
    return elements(elements(ByteBuffer.wrap(Mp4WriterTest.bytes(webm))).get(0x18538067L));
  }

  /** The elements directly inside {@code buffer}, by id (the first of each id). */
  private static Map<Long, ByteBuffer> elements(ByteBuffer buffer) {
    Map<Long, ByteBuffer> elements = new LinkedHashMap<>();
    while (buffer.hasRemaining()) {
      long id = vint(buffer, true);
      long size = vint(buffer, false);
      ByteBuffer content = buffer.slice(buffer.position(), Math.toIntExact(size));
      buffer.position(buffer.position() + (int) size);
      elements.putIfAbsent(id, content);
    }
    return elements;
  }

  private static long vint(ByteBuffer buffer, boolean keepMarker) {
    int first = buffer.get() & 0xFF;
    int length = Integer.numberOfLeadingZeros(first) - 23;
    long value = keepMarker ? first : first & (0xFF >>> length);
    for (int i = 1; i < length; i++) {
      value = (value << 8) | (buffer.get() & 0xFF);
    }
    return value;
  }
}
