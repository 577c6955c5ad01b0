package io.openvidu.ha.server.rpc;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Locale;

/** The identifiers the signaling plane mints, in OpenVidu's formats (rest-api.md §2.4, signaling.md §2.4). */
final class ParticipantIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String ALPHANUMERIC = UPPER + "abcdefghijklmnopqrstuvwxyz0123456789";

    private ParticipantIds() {
    }

    /**
     * The private RPC session id: a 130-bit random number in base 32. It is the only credential of a reconnection,
     * so it comes from a cryptographic generator.
     */
    static String rpcSessionId() {
        return new BigInteger(130, RANDOM).toString(32);
    }

    /**
     * {@code str_CAM_Abcd_con_...}: the first three letters of the video type ({@code MIC} without video), one upper
     * case letter and three alphanumerics, then the owner's connection id.
     */
    static String streamId(String typeOfVideo, boolean hasVideo, String connectionId) {
        String kind = hasVideo && typeOfVideo != null && typeOfVideo.length() >= 3
                ? typeOfVideo.substring(0, 3).toUpperCase(Locale.ROOT)
                : "MIC";
        return "str_" + kind + "_" + random(UPPER, 1) + random(ALPHANUMERIC, 3) + "_" + connectionId;
    }

    /** {@code con_} + one upper case letter + nine alphanumerics, for connections minted by a privileged join. */
    static String connectionId() {
        return "con_" + random(UPPER, 1) + random(ALPHANUMERIC, 9);
    }

    /** {@code tok_} + one upper case letter + fifteen alphanumerics. */
    static String tokenSecret() {
        return "tok_" + random(UPPER, 1) + random(ALPHANUMERIC, 15);
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
