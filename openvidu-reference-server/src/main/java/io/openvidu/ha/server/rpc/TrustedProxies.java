package io.openvidu.ha.server.rpc;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose {@code X-Real-IP} and {@code X-Forwarded-For} headers a master believes
 * when it records a participant's {@code Connection.ip}. Anybody can send those headers, so from
 * any other peer they are ignored and the socket's remote address is the participant's address.
 *
 * <p>Written as a comma-separated list of addresses and CIDR blocks, e.g. {@code
 * 127.0.0.1,10.0.0.0/8,fd00::/8}. An empty list (the default) trusts nobody. Immutable and
 * thread-safe.
 */
public final class TrustedProxies {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV4_WITH_PORT =
      Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3}):\\d+");
  private static final Pattern BRACKETED_IPV6 = Pattern.compile("\\[([0-9A-Fa-f:.%]+)](?::\\d+)?");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private static final TrustedProxies NONE = new TrustedProxies(List.of(), "");

  private final List<Block> blocks;
  private final String text;

  private TrustedProxies(List<Block> blocks, String text) {
    this.blocks = blocks;
    this.text = text;
  }

  /** Trusts no proxy: the socket's remote address is always the participant's. */
  public static TrustedProxies none() {
    return NONE;
  }

  /**
   * @param list comma-separated IP addresses and CIDR blocks; blank means none
   * @throws IllegalArgumentException naming the first entry that is not an IP address or a CIDR
   *     block (host names are refused: resolving them would make trust depend on DNS)
   */
  public static TrustedProxies parse(String list) {
    if (list == null || list.isBlank()) {
      return NONE;
    }
    List<Block> blocks = new ArrayList<>();
    for (String entry : list.split(",")) {
      String trimmed = entry.strip();
      if (!trimmed.isEmpty()) {
        blocks.add(Block.parse(trimmed));
      }
    }
    return new TrustedProxies(
        List.copyOf(blocks), String.join(",", blocks.stream().map(Block::toString).toList()));
  }

  /**
   * The participant's address in OpenVidu's textual form (dotted IPv4, full IPv6): the first {@code
   * X-Real-IP} value if the peer is a trusted proxy and sent one, else the right-most {@code
   * X-Forwarded-For} entry that is not itself a trusted proxy, else the peer. Header values that
   * are not IP literals are ignored.
   *
   * @param peer the socket's remote address
   * @param xRealIp the {@code X-Real-IP} header or null
   * @param xForwardedFor the {@code X-Forwarded-For} header or null
   */
  public String clientAddress(InetAddress peer, String xRealIp, String xForwardedFor) {
    if (!trusts(peer)) {
      return peer.getHostAddress();
    }
    if (xRealIp != null) {
      Optional<InetAddress> real = literal(xRealIp.split(",")[0]);
      if (real.isPresent()) {
        return real.get().getHostAddress();
      }
    }
    if (xForwardedFor != null) {
      List<String> hops = Arrays.asList(xForwardedFor.split(","));
      for (int i = hops.size() - 1; i >= 0; i--) {
        Optional<InetAddress> hop = literal(hops.get(i));
        if (hop.isEmpty()) {
          break;
        }
        if (!trusts(hop.get())) {
          return hop.get().getHostAddress();
        }
      }
    }
    return peer.getHostAddress();
  }

  boolean trusts(InetAddress address) {
    for (Block block : blocks) {
      if (block.contains(address)) {
        return true;
      }
    }
    return false;
  }

  /** An IP literal, possibly with a port or brackets, parsed without any DNS lookup. */
  static Optional<InetAddress> literal(String value) {
    String candidate = value.strip();
    var withPort = IPV4_WITH_PORT.matcher(candidate);
    if (withPort.matches()) {
      candidate = withPort.group(1);
    }
    var bracketed = BRACKETED_IPV6.matcher(candidate);
    if (bracketed.matches()) {
      candidate = bracketed.group(1);
    }
    try {
      if (IPV4.matcher(candidate).matches()) {
        byte[] bytes = new byte[4];
        String[] octets = candidate.split("\\.");
        for (int i = 0; i < 4; i++) {
          int octet = Integer.parseInt(octets[i]);
          if (octet > 255) {
            return Optional.empty();
          }
          bytes[i] = (byte) octet;
        }
        return Optional.of(InetAddress.getByAddress(bytes));
      }
      if (IPV6.matcher(candidate).matches()) {
        // Brackets make InetAddress refuse anything but an IPv6 literal instead of asking DNS.
        return Optional.of(InetAddress.getByName("[" + candidate + "]"));
      }
      return Optional.empty();
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "TrustedProxies[" + text + "]";
  }

  private record Block(byte[] network, int prefixLength, String text) {

    static Block parse(String entry) {
      String[] parts = entry.split("/", 2);
      InetAddress address =
          literal(parts[0])
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "Trusted proxy '" + entry + "' is not an IP address or a CIDR block"));
      byte[] bytes = address.getAddress();
      int prefix = bytes.length * 8;
      if (parts.length == 2) {
        try {
          prefix = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
          prefix = -1;
        }
        if (prefix < 0 || prefix > bytes.length * 8) {
          throw new IllegalArgumentException(
              "Trusted proxy '" + entry + "' has a prefix length outside 0.." + bytes.length * 8);
        }
      }
      return new Block(bytes, prefix, entry);
    }

    boolean contains(InetAddress address) {
      byte[] candidate = address.getAddress();
      if (candidate.length != network.length) {
        return false;
      }
      int fullBytes = prefixLength / 8;
      for (int i = 0; i < fullBytes; i++) {
        if (candidate[i] != network[i]) {
          return false;
        }
      }
      int remainingBits = prefixLength % 8;
      if (remainingBits == 0) {
        return true;
      }
      int mask = (0xFF << (8 - remainingBits)) & 0xFF;
      return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
