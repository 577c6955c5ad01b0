package io.openvidu.ha.server.recording;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Produces a small but structurally valid WebM (Matroska) file: the EBML header with doc type
 * {@code webm}, a segment whose info carries the duration, the track entries (VP8 video, Opus
 * audio) and an empty cluster, then a Void element whose length grows with the duration. There are
 * no frames (the emulator has no media). The output is a pure function of the arguments: any
 * process can regenerate a lost file byte for byte.
 */
final class WebmWriter {

  private static final long EBML = 0x1A45DFA3L;
  private static final long SEGMENT = 0x18538067L;
  private static final long INFO = 0x1549A966L;
  private static final long TRACKS = 0x1654AE6BL;
  private static final long CLUSTER = 0x1F43B675L;
  private static final long VOID = 0xECL;

  /** Length of the size field of the elements that may be large: eight bytes hold any length. */
  private static final int WIDE_SIZE = 8;

  private WebmWriter() {}

  static SyntheticFile write(MediaShape shape, long durationMillis) {
    Element header =
        new Element(EBML)
            .uint(0x4286, 1) // EBMLVersion
            .uint(0x42F7, 1) // EBMLReadVersion
            .uint(0x42F2, 4) // EBMLMaxIDLength
            .uint(0x42F3, 8) // EBMLMaxSizeLength
            .string(0x4282, "webm")
            .uint(0x4287, 4) // DocTypeVersion
            .uint(0x4285, 2); // DocTypeReadVersion
    Element info =
        new Element(INFO)
            .uint(0x2AD7B1, 1_000_000) // timestamps in milliseconds
            .string(0x4D80, "openvidu-reference-server")
            .string(0x5741, "openvidu-reference-server")
            .float64(0x4489, Math.max(0, durationMillis));
    Element tracks = new Element(TRACKS);
    int number = 1;
    if (shape.hasVideo()) {
      tracks.child(
          new Element(0xAE)
              .uint(0xD7, number)
              .uint(0x73C5, number++)
              .uint(0x83, 1)
              .string(0x86, "V_VP8")
              .child(new Element(0xE0).uint(0xB0, shape.width()).uint(0xBA, shape.height())));
    }
    if (shape.hasAudio()) {
      tracks.child(
          new Element(0xAE)
              .uint(0xD7, number)
              .uint(0x73C5, number)
              .uint(0x83, 2)
              .string(0x86, "A_OPUS")
              .child(new Element(0xE1).float64(0xB5, 48_000).uint(0x9F, 2)));
    }
    Element cluster = new Element(CLUSTER).uint(0xE7, 0);

    long filler = Mp4Writer.payloadBytes(shape, durationMillis);
    ByteArrayOutputStream segmentBody = new ByteArrayOutputStream();
    segmentBody.writeBytes(info.bytes());
    segmentBody.writeBytes(tracks.bytes());
    segmentBody.writeBytes(cluster.bytes());
    segmentBody.writeBytes(id(VOID));
    segmentBody.writeBytes(size(filler, WIDE_SIZE));

    ByteArrayOutputStream head = new ByteArrayOutputStream();
    head.writeBytes(header.bytes());
    head.writeBytes(id(SEGMENT));
    head.writeBytes(size(segmentBody.size() + filler, WIDE_SIZE));
    head.writeBytes(segmentBody.toByteArray());
    return new SyntheticFile(head.toByteArray(), filler);
  }

  private static byte[] id(long id) {
    int length = id > 0xFFFFFF ? 4 : id > 0xFFFF ? 3 : id > 0xFF ? 2 : 1;
    return bigEndian(id, length);
  }

  /** An EBML variable-length size: a length marker bit in the first byte, then the value. */
  private static byte[] size(long value, int length) {
    byte[] bytes = bigEndian(value, length);
    bytes[0] |= (byte) (0x80 >>> (length - 1));
    return bytes;
  }

  private static int shortestSizeLength(long value) {
    int length = 1;
    // All-ones is reserved for "unknown size", hence the strict comparison.
    while (value >= (1L << (7 * length)) - 1) {
      length++;
    }
    return length;
  }

  private static byte[] bigEndian(long value, int length) {
    byte[] bytes = new byte[length];
    for (int i = length - 1; i >= 0; i--) {
      bytes[i] = (byte) value;
      value >>>= 8;
    }
    return bytes;
  }

  /** One EBML master element being built from its children. */
  private static final class Element {
    private final long id;
    private final ByteArrayOutputStream content = new ByteArrayOutputStream();

    Element(long id) {
      this.id = id;
    }

    Element uint(long childId, long value) {
      int length = 1;
      while (length < 8 && value >>> (8 * length) != 0) {
        length++;
      }
      return leaf(childId, bigEndian(value, length));
    }

    Element float64(long childId, double value) {
      return leaf(childId, ByteBuffer.allocate(8).putDouble(value).array());
    }

    Element string(long childId, String value) {
      return leaf(childId, value.getBytes(StandardCharsets.US_ASCII));
    }

    Element child(Element element) {
      content.writeBytes(element.bytes());
      return this;
    }

    private Element leaf(long childId, byte[] payload) {
      content.writeBytes(id(childId));
      content.writeBytes(size(payload.length, shortestSizeLength(payload.length)));
      content.writeBytes(payload);
      return this;
    }

    byte[] bytes() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(id(id));
      out.writeBytes(size(content.size(), shortestSizeLength(content.size())));
      out.writeBytes(content.toByteArray());
      return out.toByteArray();
    }
  }
}
