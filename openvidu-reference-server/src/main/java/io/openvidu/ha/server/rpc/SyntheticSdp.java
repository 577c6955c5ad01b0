package io.openvidu.ha.server.rpc;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Answers an SDP offer without a media server: a syntactically valid answer (RFC 8866 / JSEP) that
 * accepts every media section of the offer with its first codec, takes the server's side of the
 * direction (it receives what a publisher sends and sends what a subscriber receives) and carries
 * fresh ICE credentials and a DTLS fingerprint. No media will ever flow; the answer exists so that
 * WebRTC stacks accept it.
 */
final class SyntheticSdp {

  private static final String CRLF = "\r\n";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ICE_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  private SyntheticSdp() {}

  /** Which side of the media the offering participant is on. */
  enum Offerer {
    PUBLISHER("recvonly"),
    SUBSCRIBER("sendonly");

    final String serverDirection;

    Offerer(String serverDirection) {
      this.serverDirection = serverDirection;
    }
  }

  /**
   * @throws RpcException code 302 when the offer has no {@code v=} line or no media section
   */
  static String answer(String offer, Offerer offerer) {
    List<MediaSection> sections = parse(offer);
    StringBuilder sdp = new StringBuilder(512);
    line(sdp, "v=0");
    line(sdp, "o=- " + Math.abs(RANDOM.nextLong() >> 2) + " 2 IN IP4 127.0.0.1");
    line(sdp, "s=openvidu-reference-server");
    line(sdp, "t=0 0");
    List<String> mids =
        sections.stream().filter(s -> s.port != 0 && s.mid != null).map(s -> s.mid).toList();
    if (!mids.isEmpty()) {
      line(sdp, "a=group:BUNDLE " + String.join(" ", mids));
    }
    line(sdp, "a=msid-semantic: WMS");
    String ufrag = randomIceString(8);
    String pwd = randomIceString(24);
    String fingerprint = fingerprint();
    for (MediaSection section : sections) {
      section.appendAnswer(sdp, offerer, ufrag, pwd, fingerprint);
    }
    return sdp.toString();
  }

  private static List<MediaSection> parse(String offer) {
    String[] lines = offer.split("\r?\n");
    if (lines.length == 0 || !lines[0].startsWith("v=")) {
      throw RpcError.MEDIA_SDP_ERROR.exception(
          "SDP offer is not valid: it must start with a 'v=' line");
    }
    List<MediaSection> sections = new ArrayList<>();
    MediaSection current = null;
    for (String raw : lines) {
      String line = raw.strip();
      if (line.startsWith("m=")) {
        current = MediaSection.fromMediaLine(line);
        sections.add(current);
      } else if (current != null && line.startsWith("a=")) {
        current.attribute(line.substring(2));
      }
    }
    if (sections.isEmpty()) {
      throw RpcError.MEDIA_SDP_ERROR.exception("SDP offer is not valid: it has no media section");
    }
    return sections;
  }

  private static void line(StringBuilder sdp, String line) {
    sdp.append(line).append(CRLF);
  }

  private static String randomIceString(int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(ICE_CHARS.charAt(RANDOM.nextInt(ICE_CHARS.length())));
    }
    return s.toString();
  }

  private static String fingerprint() {
    byte[] digest = new byte[32];
    RANDOM.nextBytes(digest);
    return "sha-256 " + HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
  }

  /** One {@code m=} section of the offer and the attributes the answer needs from it. */
  private static final class MediaSection {
    final String media;
    final int port;
    final String protocol;
    final List<String> formats;
    String mid;
    String direction = "sendrecv";
    String sctpPort;
    final List<String> codecAttributes = new ArrayList<>();

    private MediaSection(String media, int port, String protocol, List<String> formats) {
      this.media = media;
      this.port = port;
      this.protocol = protocol;
      this.formats = formats;
    }

    static MediaSection fromMediaLine(String line) {
      String[] parts = line.substring(2).split(" ");
      if (parts.length < 4) {
        throw RpcError.MEDIA_SDP_ERROR.exception("SDP offer is not valid: malformed media line");
      }
      int port;
      try {
        port = Integer.parseInt(parts[1].split("/")[0]);
      } catch (NumberFormatException e) {
        throw RpcError.MEDIA_SDP_ERROR.exception("SDP offer is not valid: malformed media port");
      }
      return new MediaSection(parts[0], port, parts[2], List.of(parts).subList(3, parts.length));
    }

    void attribute(String attribute) {
      if (attribute.startsWith("mid:")) {
        mid = attribute.substring(4);
      } else if (List.of("sendrecv", "sendonly", "recvonly", "inactive").contains(attribute)) {
        direction = attribute;
      } else if (attribute.startsWith("sctp-port:")) {
        sctpPort = attribute.substring("sctp-port:".length());
      } else if (isAboutFirstFormat(attribute)) {
        codecAttributes.add(attribute);
      }
    }

    private boolean isAboutFirstFormat(String attribute) {
      String first = formats.get(0);
      return attribute.startsWith("rtpmap:" + first + " ")
          || attribute.startsWith("fmtp:" + first + " ")
          || attribute.startsWith("rtcp-fb:" + first + " ");
    }

    void appendAnswer(
        StringBuilder sdp, Offerer offerer, String ufrag, String pwd, String fingerprint) {
      if (port == 0) {
        line(sdp, "m=" + media + " 0 " + protocol + " " + formats.get(0));
        if (mid != null) {
          line(sdp, "a=mid:" + mid);
        }
        return;
      }
      line(sdp, "m=" + media + " 9 " + protocol + " " + formats.get(0));
      line(sdp, "c=IN IP4 0.0.0.0");
      line(sdp, "a=ice-ufrag:" + ufrag);
      line(sdp, "a=ice-pwd:" + pwd);
      line(sdp, "a=fingerprint:" + fingerprint);
      line(sdp, "a=setup:active");
      if (mid != null) {
        line(sdp, "a=mid:" + mid);
      }
      if (sctpPort != null) {
        line(sdp, "a=sctp-port:" + sctpPort);
        return;
      }
      line(sdp, "a=rtcp:9 IN IP4 0.0.0.0");
      line(sdp, "a=" + ("inactive".equals(direction) ? "inactive" : offerer.serverDirection));
      line(sdp, "a=rtcp-mux");
      for (String codec : codecAttributes) {
        line(sdp, "a=" + codec);
      }
    }
  }
}
