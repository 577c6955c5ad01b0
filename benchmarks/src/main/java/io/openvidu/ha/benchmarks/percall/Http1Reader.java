package io.openvidu.ha.benchmarks.percall;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads HTTP/1.1 messages off one keep-alive connection with as little work as framing needs: it
 * finds the end of each head (request or status line and headers) in its own buffer, answers the
 * few questions the fake master and the raw-socket client ask of a head by scanning its bytes, and
 * reads or skips a body of a known length. No chunked encoding, no header objects. Confined to the
 * thread that owns the connection.
 */
final class Http1Reader {
  private final InputStream in;
  private byte[] buffer = new byte[16 * 1024];
  private int position;
  private int limit;
  private int headStart;
  private int headEnd;

  Http1Reader(InputStream in) {
    this.in = in;
  }

  /**
   * Reads up to the end of the next head.
   *
   * @return false when the peer closed the connection before a new message began
   * @throws EOFException when it closed it in the middle of a head
   */
  boolean nextHead() throws IOException {
    int scanned = 0;
    while (true) {
      for (int i = position + Math.max(scanned, 3); i < limit; i++) {
        if (buffer[i] == '\n'
            && buffer[i - 1] == '\r'
            && buffer[i - 2] == '\n'
            && buffer[i - 3] == '\r') {
          headStart = position;
          headEnd = i - 3;
          position = i + 1;
          return true;
        }
      }
      scanned = limit - position;
      if (!fill()) {
        if (scanned == 0) {
          return false;
        }
        throw new EOFException("connection closed in the middle of a message head");
      }
    }
  }

  /** The head's first line (request line or status line). */
  String firstLine() {
    int end = indexOfCrLf(headStart);
    return new String(
        buffer, headStart, (end < 0 ? headEnd : end) - headStart, StandardCharsets.ISO_8859_1);
  }

  /** The status code of a status line ({@code HTTP/1.1 200 OK}). */
  int statusCode() {
    int start = headStart + 9;
    return (buffer[start] - '0') * 100 + (buffer[start + 1] - '0') * 10 + (buffer[start + 2] - '0');
  }

  /**
   * Whether the head has a header of that name.
   *
   * @param lowerCaseName the name in lower case, followed by its colon: {@code "authorization:"}
   */
  boolean hasHeader(byte[] lowerCaseName) {
    return valueStart(lowerCaseName) >= 0;
  }

  /** The value of a numeric header ({@code content-length:}), or 0 when there is none. */
  int intHeader(byte[] lowerCaseName) {
    int i = valueStart(lowerCaseName);
    if (i < 0) {
      return 0;
    }
    while (buffer[i] == ' ') {
      i++;
    }
    int value = 0;
    while (i < headEnd && buffer[i] >= '0' && buffer[i] <= '9') {
      value = value * 10 + buffer[i++] - '0';
    }
    return value;
  }

  /** Reads a body of {@code length} bytes as UTF-8. */
  String body(int length) throws IOException {
    ensure(length);
    String body = new String(buffer, position, length, StandardCharsets.UTF_8);
    position += length;
    return body;
  }

  /** Skips a body of {@code length} bytes. */
  void skip(int length) throws IOException {
    int buffered = Math.min(length, limit - position);
    position += buffered;
    int left = length - buffered;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new EOFException("connection closed in the middle of a body");
        }
        skipped = 1;
      }
      left -= (int) skipped;
    }
  }

  private int valueStart(byte[] lowerCaseName) {
    for (int line = indexOfCrLf(headStart); line >= 0; line = indexOfCrLf(line + 2)) {
      int start = line + 2;
      if (start + lowerCaseName.length <= headEnd && startsWith(start, lowerCaseName)) {
        return start + lowerCaseName.length;
      }
    }
    return -1;
  }

  private boolean startsWith(int start, byte[] lowerCaseName) {
    for (int j = 0; j < lowerCaseName.length; j++) {
      int b = buffer[start + j];
      if (b >= 'A' && b <= 'Z') {
        b += 'a' - 'A';
      }
      if (b != lowerCaseName[j]) {
        return false;
      }
    }
    return true;
  }

  private int indexOfCrLf(int from) {
    for (int i = from; i + 1 < headEnd; i++) {
      if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Makes sure {@code length} bytes past the position are buffered. */
  private void ensure(int length) throws IOException {
    while (limit - position < length) {
      if (!fill()) {
        throw new EOFException("connection closed in the middle of a body");
      }
    }
  }

  /** Reads more bytes, first moving what is left to the front (growing the buffer if full). */
  private boolean fill() throws IOException {
    if (position > 0) {
      System.arraycopy(buffer, position, buffer, 0, limit - position);
      limit -= position;
      headStart -= position;
      headEnd -= position;
      position = 0;
    }
    if (limit == buffer.length) {
      byte[] larger = new byte[buffer.length * 2];
      System.arraycopy(buffer, 0, larger, 0, limit);
      buffer = larger;
    }
    int read = in.read(buffer, limit, buffer.length - limit);
    if (read < 0) {
      return false;
    }
    limit += read;
    return true;
  }
}
