package io.openvidu.ha.server.recording;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A synthetic media file as a container header followed by a run of zero bytes (the place of the
 * media the emulator does not have). Keeping the run implicit lets a long recording be sized
 * without being held in memory. Immutable.
 *
 * @param head the container structure, which already declares the full length of what follows
 * @param zeroTail how many zero bytes follow the head
 */
record SyntheticFile(byte[] head, long zeroTail) {

  private static final byte[] ZEROS = new byte[64 * 1024];

  SyntheticFile {
    head = head.clone();
    if (zeroTail < 0) {
      throw new IllegalArgumentException("zeroTail must not be negative");
    }
  }

  long size() {
    return head.length + zeroTail;
  }

  void writeTo(OutputStream out) throws IOException {
    out.write(head);
    long left = zeroTail;
    while (left > 0) {
      int chunk = (int) Math.min(left, ZEROS.length);
      out.write(ZEROS, 0, chunk);
      left -= chunk;
    }
  }

  @Override
  public byte[] head() {
    return head.clone();
  }
}
