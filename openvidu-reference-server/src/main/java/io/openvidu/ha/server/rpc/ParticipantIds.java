package io.openvidu.ha.server.rpc;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * The identifiers only the signaling plane mints (signaling.md §2.4); the REST ones are in {@link
 * io.openvidu.ha.server.store.Identifiers}.
 */
final class ParticipantIds {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  private ParticipantIds() {}

  /**
   * The private RPC session id: a 130-bit random number in base 32. It is the only credential of a
   * reconnection, so it comes from a cryptographic generator.
   */
  static String rpcSessionId() {
    return new BigInteger(130, RANDOM).toString(32);
  }

  /** The 16-character browser-instance id that OpenVidu takes from the HTTP session. */
  static String finalUserId() {
    return random(UPPER + "0123456789", 16);
  }

  /** The connection id embedded in a stream id: from the last {@code con_} (or {@code ipc_}) on. */
  static String ownerOfStream(String streamId) {
    int at = Math.max(streamId.lastIndexOf("con_"), streamId.lastIndexOf("ipc_"));
    return at < 0 ? null : streamId.substring(at);
  }

  private static String random(String alphabet, int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return s.toString();
  }
}
