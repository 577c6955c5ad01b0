package io.openvidu.ha.server.store;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Generates identifiers in OpenVidu's formats (rest-api.md §2.4). Random parts come from a {@link
 * SecureRandom} because token secrets are credentials. Thread-safe.
 */
public final class Identifiers {
  /** What a custom session id (and a recording name) may look like. */
  public static final Pattern CUSTOM_ID = Pattern.compile("[a-zA-Z0-9_-]+");

  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String ALPHANUMERIC = UPPER + "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Identifiers() {}

  /** {@code ses_} + one upper-case letter + 9 alphanumerics, e.g. {@code ses_YnDaGYNcd7}. */
  public static String sessionId() {
    return "ses_" + upperThenAlphanumeric(9);
  }

  /** {@code con_} + one upper-case letter + 9 alphanumerics. */
  public static String connectionId() {
    return "con_" + upperThenAlphanumeric(9);
  }

  /** The secret part of a token: {@code tok_} + one upper-case letter + 15 alphanumerics. */
  public static String tokenSecret() {
    return "tok_" + upperThenAlphanumeric(15);
  }

  /**
   * A stream id: {@code str_} + {@code CAM}/{@code SCR}/{@code CUS}/{@code IPC} (first three
   * letters of the video type) or {@code MIC} without video, {@code _}, one upper-case letter + 3
   * alphanumerics, {@code _}, the owner.
   *
   * @param typeOfVideo {@code CAMERA}, {@code SCREEN}, {@code CUSTOM}, {@code IPCAM}; null when
   *     there is no video
   */
  public static String streamId(String typeOfVideo, String connectionId) {
    String kind =
        typeOfVideo == null || typeOfVideo.length() < 3 ? "MIC" : typeOfVideo.substring(0, 3);
    return "str_" + kind + "_" + upperThenAlphanumeric(3) + "_" + connectionId;
  }

  /**
   * The connection id of an IP camera: {@code ipc_IPCAM_<protocol>_<4 upper-case
   * alphanumerics>_<host>[_<port>]<path>} with {@code /}, {@code .} and {@code :} turned into
   * {@code _} and {@code -} removed.
   */
  public static String ipCameraConnectionId(java.net.URI rtspUri) {
    String port = rtspUri.getPort() == -1 ? "" : "_" + rtspUri.getPort();
    String path = rtspUri.getRawPath() == null ? "" : rtspUri.getRawPath();
    String host = rtspUri.getHost() == null ? "" : rtspUri.getHost();
    String raw =
        "IPCAM_" + rtspUri.getScheme() + "_" + upperAlphanumeric(4) + "_" + host + port + path;
    return "ipc_" + raw.replace("-", "").replaceAll("[/.:]", "_");
  }

  /** {@code media_} + a random environment id. */
  public static String mediaNodeId() {
    return "media_" + upperThenAlphanumeric(11);
  }

  private static String upperAlphanumeric(int length) {
    String alphabet = UPPER + "0123456789";
    StringBuilder id = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return id.toString();
  }

  private static String upperThenAlphanumeric(int alphanumerics) {
    StringBuilder id = new StringBuilder(alphanumerics + 1);
    id.append(UPPER.charAt(RANDOM.nextInt(UPPER.length())));
    for (int i = 0; i < alphanumerics; i++) {
      id.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
    }
    return id.toString();
  }
}
