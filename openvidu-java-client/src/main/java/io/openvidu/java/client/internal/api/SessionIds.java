package io.openvidu.java.client.internal.api;

import java.security.SecureRandom;

/**
 * Session ids chosen by the client in OpenVidu's own generated format ({@code ses_} + one uppercase
 * ASCII letter + nine ASCII alphanumerics). Choosing the id on the client makes session creation
 * repeatable: a repeat of a creation whose outcome was unknown is recognised by the server (409)
 * and reconciled by fetching.
 *
 * <p>Each character is uniform over its alphabet and drawn from a {@link SecureRandom}, as a server
 * would draw it. The random bytes are fetched in one call per id: the platform's generator takes a
 * global lock and, on Linux, may read {@code /dev/urandom} per call, so a call per character cost
 * several microseconds per session and serialised concurrent callers.
 *
 * <p>Thread-safe.
 */
public final class SessionIds {

  private static final String UPPERCASE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String ALPHANUMERIC = UPPERCASE + "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String PREFIX = "ses_";
  private static final int RANDOM_CHARACTERS = 10;
  // Each character takes one byte, and bytes outside the alphabet are skipped (so that no character
  // is
  // likelier than another); 16 bytes are nearly always enough for 10 characters, else more are
  // drawn.
  private static final int BYTES_PER_DRAW = 16;

  private SessionIds() {}

  /**
   * @return a fresh id such as {@code ses_YnDaGYNcd7}
   */
  public static String generate() {
    char[] id = new char[PREFIX.length() + RANDOM_CHARACTERS];
    PREFIX.getChars(0, PREFIX.length(), id, 0);
    byte[] random = new byte[BYTES_PER_DRAW];
    int next = random.length;
    int filled = PREFIX.length();
    while (filled < id.length) {
      if (next == random.length) {
        RANDOM.nextBytes(random);
        next = 0;
      }
      String alphabet = filled == PREFIX.length() ? UPPERCASE : ALPHANUMERIC;
      // The smallest power of two covering the alphabet: 32 for 26 letters, 64 for 62
      // alphanumerics.
      int candidate = random[next++] & (Integer.highestOneBit(alphabet.length()) * 2 - 1);
      if (candidate < alphabet.length()) {
        id[filled++] = alphabet.charAt(candidate);
      }
    }
    return new String(id);
  }
}
