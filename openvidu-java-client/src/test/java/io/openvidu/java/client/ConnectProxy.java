package io.openvidu.java.client;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny HTTP proxy that only tunnels (CONNECT), over real sockets, and asks for Basic credentials:
 * a CONNECT without the expected {@code Proxy-Authorization} is answered 407 and its connection
 * closed; one with them is answered 200 and its bytes relayed both ways to the target, untouched
 * (the TLS inside is between the client and the target). It records each CONNECT's head.
 */
final class ConnectProxy implements Closeable {

  private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  private final String expectedAuthorization;
  private final List<String> connects = new CopyOnWriteArrayList<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  /**
   * @param expectedAuthorization the {@code Proxy-Authorization} value the proxy accepts
   */
  ConnectProxy(String expectedAuthorization) throws IOException {
    this.expectedAuthorization = expectedAuthorization;
    daemon(
        () -> {
          while (!server.isClosed()) {
            try {
              Socket client = server.accept();
              sockets.add(client);
              daemon(() -> serve(client));
            } catch (IOException closed) {
              return;
            }
          }
        });
  }

  int port() {
    return server.getLocalPort();
  }

  /** The head (request line and headers) of each CONNECT received, in order. */
  List<String> connects() {
    return new ArrayList<>(connects);
  }

  private void serve(Socket client) {
    try {
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      String head = readHead(in);
      connects.add(head);
      String[] lines = head.split("\r\n");
      String[] requestLine = lines[0].split(" ");
      if (!"CONNECT".equals(requestLine[0])) {
        answer(out, "HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n");
        client.close();
        return;
      }
      if (!expectedAuthorization.equals(header(lines, "proxy-authorization"))) {
        answer(
            out,
            "HTTP/1.1 407 Proxy Authentication Required\r\n"
                + "Proxy-Authenticate: Basic realm=\"corporate\"\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n");
        client.close();
        return;
      }
      String[] target = requestLine[1].split(":");
      Socket upstream = new Socket(target[0], Integer.parseInt(target[1]));
      sockets.add(upstream);
      answer(out, "HTTP/1.1 200 Connection established\r\n\r\n");
      daemon(() -> relay(upstream, client));
      relay(client, upstream);
    } catch (IOException | RuntimeException gone) {
      close(client);
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < end.length) {
      int b = in.read();
      if (b == -1) {
        throw new IOException("closed before the end of the head");
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return new String(head.toByteArray(), StandardCharsets.ISO_8859_1).trim();
  }

  private static String header(String[] lines, String lowerCaseName) {
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0
          && lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(lowerCaseName)) {
        return lines[i].substring(colon + 1).trim();
      }
    }
    return null;
  }

  private static void answer(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private static void relay(Socket from, Socket to) {
    byte[] buffer = new byte[8192];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int n;
      while ((n = in.read(buffer)) != -1) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException closed) {
      // either side went
    }
    close(from);
    close(to);
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  private static void daemon(Runnable task) {
    Thread thread = new Thread(task, "connect-proxy");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      close(socket);
    }
  }
}
