package io.openvidu.java.client.internal.transport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLServerSocketFactory;
import okhttp3.HttpUrl;

/**
 * A master whose connections the tests control, which MockWebServer cannot do precisely enough: it
 * answers every request {@code 200 {}} (or 503 once told to) with keep-alive and, depending on its
 * mode, closes each connection right after its first answer, the way a server that restarts or
 * times idle connections out does. It says when it has closed them, so that a test sends its next
 * request only once the FIN is on the wire. It can also hold answers until several requests are in
 * flight (to fill the client's pool with several connections), and be killed: listening socket and
 * every connection closed at once. Plain HTTP or TLS.
 */
final class KeepAliveServer implements Closeable {

  private static final byte[] OK = answer("200 OK");
  private static final byte[] UNAVAILABLE = answer("503 Service Unavailable");

  private final ServerSocket server;
  private final String scheme;
  private final boolean closeAfterAnswer;
  private final List<Socket> connections = new CopyOnWriteArrayList<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger closedByServer = new AtomicInteger();
  private final AtomicInteger closedByClient = new AtomicInteger();
  private volatile CountDownLatch answerTogether = new CountDownLatch(0);
  private volatile boolean unavailable;
  private volatile boolean killed;

  private KeepAliveServer(ServerSocket server, String scheme, boolean closeAfterAnswer) {
    this.server = server;
    this.scheme = scheme;
    this.closeAfterAnswer = closeAfterAnswer;
    Thread acceptor = new Thread(this::accept, "keep-alive-server-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /**
   * A plain HTTP server; {@code closeAfterAnswer} closes each connection after its first answer.
   */
  static KeepAliveServer http(boolean closeAfterAnswer) throws IOException {
    return new KeepAliveServer(
        new ServerSocket(0, 64, InetAddress.getLoopbackAddress()), "http", closeAfterAnswer);
  }

  /** The same over TLS, with the certificate {@code factory} holds. */
  static KeepAliveServer https(SSLServerSocketFactory factory, boolean closeAfterAnswer)
      throws IOException {
    return new KeepAliveServer(
        factory.createServerSocket(0, 64, InetAddress.getLoopbackAddress()),
        "https",
        closeAfterAnswer);
  }

  HttpUrl url() {
    return HttpUrl.get(scheme + "://localhost:" + server.getLocalPort());
  }

  /**
   * Holds the next answers until {@code count} requests arrived, so that they all are in flight at
   * once.
   */
  void answerTogether(int count) {
    answerTogether = new CountDownLatch(count);
  }

  /** From now on, answers 503 instead of 200 (still with keep-alive). */
  void becomeUnavailable() {
    unavailable = true;
  }

  /** The request lines received, in order ("POST /path"). */
  List<String> requests() {
    return new ArrayList<>(requests);
  }

  int connectionCount() {
    return connections.size();
  }

  /** Waits until the server has closed {@code count} connections after answering. */
  void awaitClosedByServer(int count) throws InterruptedException {
    await(closedByServer, count, "closed by the server");
  }

  /**
   * Waits until the client has closed {@code count} connections (the server read end of stream).
   */
  void awaitClosedByClient(int count) throws InterruptedException {
    await(closedByClient, count, "closed by the client");
  }

  private static void await(AtomicInteger counter, int count, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (counter.get() < count) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(
            "expected " + count + " connections " + what + ", got " + counter.get());
      }
      Thread.sleep(5);
    }
  }

  /** As a SIGKILLed master: stops listening and closes every connection. */
  void kill() throws IOException {
    // Set first: a connection accepted while this runs (the client may have been opening a spare
    // one) is
    // either in the list closed below or sees the flag and closes itself.
    killed = true;
    int port = server.getLocalPort();
    server.close();
    for (Socket connection : connections) {
      connection.close();
    }
    awaitClosesReceived(port);
  }

  /**
   * Waits until the client's kernel has acknowledged the FIN of every connection of {@code port}: a
   * test that then sends a request knows the client could see the close. Closing returns once the
   * FIN is queued, and on a loaded machine loopback delivers it later (a POST then went out on a
   * connection the server had already closed, a race no client can win). Reads Linux's socket
   * table; elsewhere it returns at once.
   */
  private static void awaitClosesReceived(int port) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (hasUnacknowledgedClose(port) && System.nanoTime() < deadline) {
      Thread.yield();
    }
  }

  /** Whether a socket of local port {@code port} is still ESTABLISHED (01) or FIN_WAIT1 (04). */
  private static boolean hasUnacknowledgedClose(int port) throws IOException {
    String localPort = String.format(Locale.ROOT, ":%04X ", port);
    for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
      Path path = Paths.get(table);
      if (!Files.isReadable(path)) {
        continue;
      }
      for (String line : Files.readAllLines(path, StandardCharsets.US_ASCII)) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length > 3
            && (fields[1] + " ").endsWith(localPort)
            && (fields[3].equals("01") || fields[3].equals("04"))) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public void close() throws IOException {
    kill();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket connection = server.accept();
        connections.add(connection);
        if (killed) {
          connection.close();
          return;
        }
        Thread handler = new Thread(() -> serve(connection), "keep-alive-connection");
        handler.setDaemon(true);
        handler.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket connection) {
    try (Socket owned = connection) {
      InputStream in = new BufferedInputStream(connection.getInputStream());
      OutputStream out = connection.getOutputStream();
      while (true) {
        String request = readRequest(in);
        if (request == null) {
          closedByClient.incrementAndGet();
          return;
        }
        requests.add(request);
        CountDownLatch together = answerTogether;
        together.countDown();
        together.await(5, TimeUnit.SECONDS);
        out.write(unavailable ? UNAVAILABLE : OK);
        out.flush();
        if (closeAfterAnswer) {
          connection.close();
          closedByServer.incrementAndGet();
          return;
        }
      }
    } catch (IOException | InterruptedException e) {
      // killed, or the client went away mid-request
    }
  }

  private static byte[] answer(String status) {
    return ("HTTP/1.1 "
            + status
            + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * @return "METHOD /path" of the next request, its body read and dropped, or {@code null} at end
   *     of stream
   */
  private static String readRequest(InputStream in) throws IOException {
    String requestLine = readLine(in);
    if (requestLine == null) {
      return null;
    }
    int contentLength = 0;
    for (String header = readLine(in); header != null && !header.isEmpty(); header = readLine(in)) {
      if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        contentLength = Integer.parseInt(header.substring("content-length:".length()).trim());
      }
    }
    for (int i = 0; i < contentLength && in.read() >= 0; i++) {
      // the body is not needed
    }
    return requestLine.substring(0, requestLine.lastIndexOf(' '));
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        return null;
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return new String(line.toByteArray(), StandardCharsets.US_ASCII);
  }
}
