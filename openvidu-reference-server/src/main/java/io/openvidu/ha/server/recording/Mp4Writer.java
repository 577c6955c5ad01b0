package io.openvidu.ha.server.recording;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Produces a small but structurally valid ISO base media file (MP4): {@code ftyp}, a {@code moov}
 * whose movie and track headers carry the recording's duration and picture size, and an {@code
 * mdat} whose payload length grows with the duration. There are no samples (the emulator has no
 * media), so a probe reports the right duration and tracks but nothing plays. The output is a pure
 * function of the arguments: any process can regenerate a lost file byte for byte.
 */
final class Mp4Writer {

  /** Payload bytes per second of recording; small, so that long recordings stay cheap on disk. */
  static final int VIDEO_BYTES_PER_SECOND = 6_000;

  static final int AUDIO_BYTES_PER_SECOND = 2_000;

  private static final int TIMESCALE = 1000;
  private static final int[] IDENTITY_MATRIX = {
    0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000
  };

  private Mp4Writer() {}

  static SyntheticFile write(MediaShape shape, long durationMillis) {
    int trackCount = (shape.hasVideo() ? 1 : 0) + (shape.hasAudio() ? 1 : 0);
    Box moov = new Box("moov").child(movieHeader(durationMillis, trackCount + 1));
    int trackId = 1;
    if (shape.hasVideo()) {
      moov.child(track(trackId++, durationMillis, shape, true));
    }
    if (shape.hasAudio()) {
      moov.child(track(trackId, durationMillis, shape, false));
    }
    long payload = payloadBytes(shape, durationMillis);
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    head.writeBytes(fileType().bytes());
    head.writeBytes(moov.bytes());
    // The mdat box header declares the payload that the zero run supplies.
    head.writeBytes(
        ByteBuffer.allocate(8).putInt(Math.toIntExact(8 + payload)).put(ascii("mdat")).array());
    return new SyntheticFile(head.toByteArray(), payload);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  static long payloadBytes(MediaShape shape, long durationMillis) {
    long perSecond =
        (shape.hasVideo() ? VIDEO_BYTES_PER_SECOND : 0)
            + (shape.hasAudio() ? AUDIO_BYTES_PER_SECOND : 0);
    return perSecond * Math.max(0, durationMillis) / 1000;
  }

  private static Box fileType() {
    Box ftyp = new Box("ftyp").fourCc("isom").u32(0x200);
    for (String brand : new String[] {"isom", "iso2", "avc1", "mp41"}) {
      ftyp.fourCc(brand);
    }
    return ftyp;
  }

  private static Box movieHeader(long durationMillis, int nextTrackId) {
    return new Box("mvhd")
        .u32(0) // version 0, no flags
        .u32(0)
        .u32(0) // creation and modification time: unknown
        .u32(TIMESCALE)
        .u32(durationMillis)
        .u32(0x00010000) // rate 1.0
        .u16(0x0100)
        .u16(0) // volume 1.0, reserved
        .zeros(8)
        .matrix()
        .zeros(24)
        .u32(nextTrackId);
  }

  private static Box track(int trackId, long durationMillis, MediaShape shape, boolean video) {
    Box header =
        new Box("tkhd")
            .u32(0x000003) // version 0, flags: enabled | in movie
            .u32(0)
            .u32(0)
            .u32(trackId)
            .u32(0)
            .u32(durationMillis)
            .zeros(8)
            .u16(0)
            .u16(0) // layer, alternate group
            .u16(video ? 0 : 0x0100)
            .u16(0) // volume, reserved
            .matrix()
            .u32(video ? (long) shape.width() << 16 : 0)
            .u32(video ? (long) shape.height() << 16 : 0);
    Box mediaHeader =
        new Box("mdhd")
            .u32(0)
            .u32(0)
            .u32(0)
            .u32(TIMESCALE)
            .u32(durationMillis)
            .u16(0x55C4) // language "und"
            .u16(0);
    Box handler =
        new Box("hdlr")
            .u32(0)
            .u32(0)
            .fourCc(video ? "vide" : "soun")
            .zeros(12)
            .text(video ? "VideoHandler" : "SoundHandler");
    Box mediaHandlerHeader =
        video ? new Box("vmhd").u32(0x000001).zeros(8) : new Box("smhd").u32(0).zeros(4);
    Box dataInformation =
        new Box("dinf").child(new Box("dref").u32(0).u32(1).child(new Box("url ").u32(0x000001)));
    Box sampleTable =
        new Box("stbl")
            .child(new Box("stsd").u32(0).u32(1).child(video ? visualEntry(shape) : audioEntry()))
            .child(new Box("stts").u32(0).u32(0))
            .child(new Box("stsc").u32(0).u32(0))
            .child(new Box("stsz").u32(0).u32(0).u32(0))
            .child(new Box("stco").u32(0).u32(0));
    Box mediaInformation =
        new Box("minf").child(mediaHandlerHeader).child(dataInformation).child(sampleTable);
    Box media = new Box("mdia").child(mediaHeader).child(handler).child(mediaInformation);
    return new Box("trak").child(header).child(media);
  }

  /**
   * An H.264 sample description with the picture size. Its decoder configuration ({@code avcC}) is
   * left out: there are no samples to decode.
   */
  private static Box visualEntry(MediaShape shape) {
    return new Box("avc1")
        .zeros(6)
        .u16(1) // reserved, data reference index
        .zeros(16)
        .u16(shape.width())
        .u16(shape.height())
        .u32(0x00480000)
        .u32(0x00480000) // 72 dpi
        .u32(0)
        .u16(1) // reserved, frame count
        .zeros(32) // compressor name
        .u16(0x0018)
        .u16(0xFFFF); // depth, pre-defined
  }

  /**
   * An AAC sample description, stereo at 48 kHz, without its decoder configuration (no samples).
   */
  private static Box audioEntry() {
    return new Box("mp4a")
        .zeros(6)
        .u16(1)
        .zeros(8)
        .u16(2)
        .u16(16) // channels, sample size
        .u32(0)
        .u32(48_000L << 16);
  }

  /** One ISO BMFF box being built: a 32-bit size, a four-character type, then its content. */
  private static final class Box {
    private final String type;
    private final ByteArrayOutputStream content = new ByteArrayOutputStream();

    Box(String type) {
      this.type = type;
    }

    Box u16(int value) {
      content.write(value >>> 8);
      content.write(value);
      return this;
    }

    Box u32(long value) {
      content.writeBytes(ByteBuffer.allocate(4).putInt((int) value).array());
      return this;
    }

    Box fourCc(String code) {
      content.writeBytes(ascii(code));
      return this;
    }

    Box text(String value) {
      content.writeBytes(value.getBytes(StandardCharsets.UTF_8));
      content.write(0);
      return this;
    }

    Box zeros(int count) {
      content.writeBytes(new byte[count]);
      return this;
    }

    Box matrix() {
      for (int value : IDENTITY_MATRIX) {
        u32(value);
      }
      return this;
    }

    Box child(Box box) {
      content.writeBytes(box.bytes());
      return this;
    }

    byte[] bytes() {
      ByteBuffer buffer = ByteBuffer.allocate(8 + content.size());
      buffer.putInt(8 + content.size());
      buffer.put(ascii(type));
      buffer.put(content.toByteArray());
      return buffer.array();
    }
  }
}
