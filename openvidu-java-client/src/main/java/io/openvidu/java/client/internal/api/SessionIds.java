package io.openvidu.java.client.internal.api;

import java.security.SecureRandom;

/**
 * Session ids chosen by the client in OpenVidu's own generated format ({@code ses_} + one uppercase ASCII letter
 * + nine ASCII alphanumerics). Choosing the id on the client makes session creation repeatable: a repeat of a
 * creation whose outcome was unknown is recognised by the server (409) and reconciled by fetching.
 *
 * <p>Thread-safe.
 */
public final class SessionIds {

    private static final String UPPERCASE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String ALPHANUMERIC = UPPERCASE + "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionIds() {
    }

    /** @return a fresh id such as {@code ses_YnDaGYNcd7} */
    public static String generate() {
        StringBuilder id = new StringBuilder("ses_");
        id.append(UPPERCASE.charAt(RANDOM.nextInt(UPPERCASE.length())));
        for (int i = 0; i < 9; i++) {
            id.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return id.toString();
    }
}
