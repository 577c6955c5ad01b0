package io.openvidu.ha.server.testing;

import java.util.concurrent.ThreadLocalRandom;

/** The SDP offers a simulated participant sends: shaped like a browser's, with Opus and VP8. */
final class Sdp {

  private Sdp() {}

  /**
   * @param direction {@code sendonly} to publish, {@code recvonly} to subscribe
   */
  static String offer(boolean audio, boolean video, String direction) {
    StringBuilder sdp = new StringBuilder();
    sdp.append("v=0\r\n")
        .append("o=- ")
        .append(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE))
        .append(" 2 IN IP4 127.0.0.1\r\n")
        .append("s=-\r\n")
        .append("t=0 0\r\n");
    String bundle = (audio ? "0" : "") + (audio && video ? " " : "") + (video ? "1" : "");
    sdp.append("a=group:BUNDLE ").append(bundle).append("\r\n");
    if (audio) {
      section(sdp, "audio", "0", "111", "opus/48000/2", direction);
    }
    if (video) {
      section(sdp, "video", "1", "96", "VP8/90000", direction);
    }
    return sdp.toString();
  }

  private static void section(
      StringBuilder sdp, String media, String mid, String payload, String codec, String direction) {
    sdp.append("m=")
        .append(media)
        .append(" 9 UDP/TLS/RTP/SAVPF ")
        .append(payload)
        .append("\r\n")
        .append("c=IN IP4 0.0.0.0\r\n")
        .append("a=ice-ufrag:simu\r\n")
        .append("a=ice-pwd:simulatedparticipantpwd0\r\n")
        .append("a=fingerprint:sha-256 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:")
        .append("00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF\r\n")
        .append("a=setup:actpass\r\n")
        .append("a=mid:")
        .append(mid)
        .append("\r\n")
        .append("a=")
        .append(direction)
        .append("\r\n")
        .append("a=rtcp-mux\r\n")
        .append("a=rtpmap:")
        .append(payload)
        .append(' ')
        .append(codec)
        .append("\r\n");
  }
}
