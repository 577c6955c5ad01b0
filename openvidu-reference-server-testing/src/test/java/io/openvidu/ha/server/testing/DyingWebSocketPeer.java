package io.openvidu.ha.server.testing;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * A WebSocket peer that accepts one socket, sends one notification and dies at once: the message
 * and the FIN leave together, as when a master is killed right after sending. Real TCP on loopback;
 * speaks only the few bytes of RFC 6455 this needs.
 */
final class DyingWebSocketPeer implements AutoCloseable {

  private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  /**
   * A notification big enough to reach the client in several reads, so the FIN is read while the
   * client still handles it.
   */
  private static final String LAST_WORDS =
      "{\"jsonrpc\":\"2.0\",\"method\":\"lastWords\",\"params\":{\"data\":\""
          + "x".repeat(512 * 1024)
          + "\"}}";

  private final ServerSocket server;

  DyingWebSocketPeer() throws IOException {
    server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    Thread thread = new Thread(this::sendAndDie, "dying-websocket-peer");
    thread.setDaemon(true);
    thread.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  String token() {
    return "ws://127.0.0.1:" + server.getLocalPort() + "?sessionId=ses_Dying&token=tok_Dying";
  }

  private void sendAndDie() {
    try (Socket socket = server.accept()) {
      socket.setSoTimeout(10_000);
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      out.write(switchingProtocols(readUpgradeKey(in)).getBytes(US_ASCII));
      out.write(textFrame(LAST_WORDS));
      out.flush();
      socket.shutdownOutput();
      // Read what the client still sends (its pings) until it closes: closing with unread bytes
      // would send a reset instead of the FIN this peer is about.
      while (in.read() >= 0) {}
    } catch (IOException e) {
      // The client never closed: the test that uses this peer reports it.
    }
  }

  private static byte[] textFrame(String text) {
    byte[] payload = text.getBytes(UTF_8);
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(0x81); // FIN + text
    frame.write(127); // unmasked, 8-byte length
    for (int shift = 56; shift >= 0; shift -= 8) {
      frame.write((int) ((long) payload.length >>> shift) & 0xFF);
    }
    frame.writeBytes(payload);
    return frame.toByteArray();
  }

  private static String readUpgradeKey(InputStream in) throws IOException {
    String key = null;
    for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
      if (line.toLowerCase(Locale.ROOT).startsWith("sec-websocket-key:")) {
        key = line.substring("sec-websocket-key:".length()).trim();
      }
    }
    return key;
  }

  private static String switchingProtocols(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1").digest((key + WEBSOCKET_GUID).getBytes(US_ASCII));
      return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Accept: "
          + Base64.getEncoder().encodeToString(digest)
          + "\r\n\r\n";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("The client closed before its upgrade request ended");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
