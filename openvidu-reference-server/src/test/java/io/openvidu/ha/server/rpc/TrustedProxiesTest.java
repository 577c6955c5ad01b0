package io.openvidu.ha.server.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

  private static InetAddress ip(String literal) {
    return TrustedProxies.literal(literal).orElseThrow();
  }

  @Test
  void headersFromAnUntrustedPeerAreIgnored() {
    TrustedProxies proxies = TrustedProxies.parse("10.0.0.1");

    assertThat(proxies.clientAddress(ip("127.0.0.1"), "1.2.3.4", "5.6.7.8")).isEqualTo("127.0.0.1");
  }

  @Test
  void noProxyIsTrustedByDefault() {
    assertThat(TrustedProxies.none().clientAddress(ip("10.0.0.1"), "1.2.3.4", null))
        .isEqualTo("10.0.0.1");
  }

  @Test
  void xRealIpFromATrustedPeerIsBelieved() {
    TrustedProxies proxies = TrustedProxies.parse("127.0.0.1");

    assertThat(proxies.clientAddress(ip("127.0.0.1"), "37.122.145.190", "5.6.7.8"))
        .isEqualTo("37.122.145.190");
  }

  @Test
  void forwardedForYieldsTheRightMostHopThatIsNotATrustedProxy() {
    TrustedProxies proxies = TrustedProxies.parse("127.0.0.1, 10.0.0.0/8");

    String address =
        proxies.clientAddress(ip("127.0.0.1"), null, "203.0.113.9, 198.51.100.7, 10.1.2.3");

    assertThat(address).isEqualTo("198.51.100.7");
  }

  @Test
  void cidrBlocksMatchOnlyTheirPrefix() {
    TrustedProxies proxies = TrustedProxies.parse("192.168.4.0/22");

    assertThat(proxies.trusts(ip("192.168.7.255"))).isTrue();
    assertThat(proxies.trusts(ip("192.168.8.0"))).isFalse();
  }

  @Test
  void headerValuesThatAreNotIpLiteralsAreIgnored() {
    TrustedProxies proxies = TrustedProxies.parse("127.0.0.1");

    assertThat(proxies.clientAddress(ip("127.0.0.1"), "evil.example.com", "999.1.1.1"))
        .isEqualTo("127.0.0.1");
  }

  @Test
  void forwardedEntriesMayCarryPortsAndBrackets() {
    TrustedProxies proxies = TrustedProxies.parse("::1");

    assertThat(proxies.clientAddress(ip("::1"), null, "[2001:db8::7]:4711"))
        .isEqualTo("2001:db8:0:0:0:0:0:7");
    assertThat(proxies.clientAddress(ip("::1"), null, "203.0.113.9:5000")).isEqualTo("203.0.113.9");
  }

  @Test
  void anEntryThatIsNotAnAddressIsRefusedWithItsName() {
    assertThatThrownBy(() -> TrustedProxies.parse("127.0.0.1,proxy.local"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'proxy.local'");
  }

  @Test
  void aPrefixLongerThanTheAddressIsRefused() {
    assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0..32");
  }
}
