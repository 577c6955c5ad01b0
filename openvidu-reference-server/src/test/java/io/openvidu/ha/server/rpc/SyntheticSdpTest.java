package io.openvidu.ha.server.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvidu.ha.server.rpc.SyntheticSdp.Offerer;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticSdpTest {

  private static final String PUBLISHER_OFFER =
      String.join(
          "\r\n",
          "v=0",
          "o=- 1 2 IN IP4 127.0.0.1",
          "s=-",
          "t=0 0",
          "a=group:BUNDLE 0 1",
          "m=audio 9 UDP/TLS/RTP/SAVPF 111 103",
          "c=IN IP4 0.0.0.0",
          "a=mid:0",
          "a=sendonly",
          "a=rtpmap:111 opus/48000/2",
          "a=fmtp:111 minptime=10",
          "a=rtpmap:103 ISAC/16000",
          "m=video 9 UDP/TLS/RTP/SAVPF 96 97",
          "c=IN IP4 0.0.0.0",
          "a=mid:1",
          "a=sendonly",
          "a=rtpmap:96 VP8/90000",
          "a=rtpmap:97 rtx/90000",
          "");

  private static List<String> lines(String sdp) {
    return List.of(sdp.split("\r\n"));
  }

  @Test
  void answersEveryMediaSectionWithItsFirstCodec() {
    List<String> answer = lines(SyntheticSdp.answer(PUBLISHER_OFFER, Offerer.PUBLISHER));

    assertThat(answer)
        .filteredOn(l -> l.startsWith("m="))
        .containsExactly("m=audio 9 UDP/TLS/RTP/SAVPF 111", "m=video 9 UDP/TLS/RTP/SAVPF 96");
    assertThat(answer)
        .contains("a=rtpmap:111 opus/48000/2", "a=fmtp:111 minptime=10", "a=rtpmap:96 VP8/90000")
        .doesNotContain("a=rtpmap:103 ISAC/16000", "a=rtpmap:97 rtx/90000");
  }

  @Test
  void receivesWhatAPublisherSends() {
    List<String> answer = lines(SyntheticSdp.answer(PUBLISHER_OFFER, Offerer.PUBLISHER));

    assertThat(answer)
        .filteredOn(l -> l.matches("a=(sendrecv|sendonly|recvonly|inactive)"))
        .containsExactly("a=recvonly", "a=recvonly");
  }

  @Test
  void sendsWhatASubscriberReceives() {
    String offer = PUBLISHER_OFFER.replace("a=sendonly", "a=recvonly");

    assertThat(lines(SyntheticSdp.answer(offer, Offerer.SUBSCRIBER)))
        .contains("a=sendonly")
        .doesNotContain("a=recvonly");
  }

  @Test
  void bundlesTheOfferedMidsAndCarriesIceAndDtlsAttributes() {
    String answer = SyntheticSdp.answer(PUBLISHER_OFFER, Offerer.PUBLISHER);

    assertThat(answer)
        .startsWith("v=0\r\n")
        .contains("a=group:BUNDLE 0 1\r\n", "a=mid:0\r\n", "a=mid:1\r\n", "a=setup:active\r\n");
    assertThat(answer)
        .containsPattern("a=ice-ufrag:\\S{4,}\r\n")
        .containsPattern("a=ice-pwd:\\S{22,}\r\n")
        .containsPattern("a=fingerprint:sha-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}\r\n");
  }

  @Test
  void keepsRejectedSectionsRejected() {
    String offer = PUBLISHER_OFFER.replace("m=video 9 ", "m=video 0 ");

    assertThat(lines(SyntheticSdp.answer(offer, Offerer.PUBLISHER)))
        .contains("m=video 0 UDP/TLS/RTP/SAVPF 96")
        .contains("a=group:BUNDLE 0");
  }

  @Test
  void refusesAnOfferThatIsNotSdpWithCode302() {
    assertThatThrownBy(() -> SyntheticSdp.answer("hello", Offerer.PUBLISHER))
        .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.error().code).isEqualTo(302));
  }

  @Test
  void refusesAnOfferWithoutMediaWithCode302() {
    assertThatThrownBy(() -> SyntheticSdp.answer("v=0\r\ns=-\r\n", Offerer.PUBLISHER))
        .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.error().code).isEqualTo(302));
  }
}
