package io.openvidu.ha.benchmarks.percall;

import io.openvidu.ha.benchmarks.client.BackendClient;
import io.openvidu.ha.benchmarks.client.ClientSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The floor of the per-call benchmark: the calls written straight on JDK sockets, HTTP/1.1 with
 * keep-alive and preemptive Basic authentication, requests whose bytes are mostly prepared once,
 * answers framed by their {@code Content-Length} and checked by status, never parsed. What any Java
 * client must at least spend on the same requests; no timeouts, no failover, no JSON.
 *
 * <p>One base URL (plain HTTP). Connections are pooled (a caller takes one, uses it for one
 * exchange and puts it back), so each caller thread keeps one open. Thread-safe.
 */
public final class RawSocketClient implements BackendClient {
  private static final byte[] CONTENT_LENGTH =
      "content-length:".getBytes(StandardCharsets.US_ASCII);
  private static final String SESSIONS = "/openvidu/api/sessions";

  private final InetSocketAddress address;
  private final String fixedHeaders;
  private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();
  private final Deque<Connection> all = new ConcurrentLinkedDeque<>();

  /** Settings as the other clients take them; only the URL and the secret are used. */
  public RawSocketClient(ClientSettings settings) {
    URI url = URI.create(settings.urls());
    this.address = new InetSocketAddress(url.getHost(), url.getPort());
    String credentials =
        Base64.getEncoder()
            .encodeToString(("OPENVIDUAPP:" + settings.secret()).getBytes(StandardCharsets.UTF_8));
    this.fixedHeaders =
        "Host: "
            + url.getHost()
            + ":"
            + url.getPort()
            + "\r\nAuthorization: Basic "
            + credentials
            + "\r\n";
  }

  @Override
  public Object createSession() throws IOException {
    String id = "ses_" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 12, 36);
    String body =
        "{\"mediaMode\":\"ROUTED\",\"recordingMode\":\"MANUAL\",\"customSessionId\":\""
            + id
            + "\",\"defaultRecordingProperties\":{\"name\":\"\",\"hasAudio\":true,\"hasVideo\":true,"
            + "\"outputMode\":\"COMPOSED\",\"recordingLayout\":\"BEST_FIT\",\"resolution\":\"1280x720\","
            + "\"frameRate\":25,\"shmSize\":536870912},\"forcedVideoCodec\":\"VP8\",\"allowTranscoding\":false}";
    exchange(post(SESSIONS, body), 200);
    return id;
  }

  @Override
  public void createConnection(Object session) throws IOException {
    String body =
        "{\"session\":\""
            + session
            + "\",\"type\":\"WEBRTC\",\"data\":\"\",\"record\":true,"
            + "\"role\":\"PUBLISHER\",\"kurentoOptions\":null,\"rtspUri\":null,\"adaptativeBitrate\":null,"
            + "\"onlyPlayWithSubscribers\":null,\"networkCache\":null}";
    exchange(post(SESSIONS + "/" + session + "/connection", body), 200);
  }

  @Override
  public void fetchSession(Object session) throws IOException {
    exchange(
        head("GET", SESSIONS + "/" + session + "?pendingConnections=true")
            .append("\r\n")
            .toString()
            .getBytes(StandardCharsets.ISO_8859_1),
        200);
  }

  @Override
  public void closeSession(Object session) throws IOException {
    exchange(
        head("DELETE", SESSIONS + "/" + session)
            .append("\r\n")
            .toString()
            .getBytes(StandardCharsets.ISO_8859_1),
        204);
  }

  private StringBuilder head(String method, String target) {
    return new StringBuilder(256)
        .append(method)
        .append(' ')
        .append(target)
        .append(" HTTP/1.1\r\n")
        .append(fixedHeaders);
  }

  private byte[] post(String target, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    byte[] head =
        head("POST", target)
            .append("Idempotency-Key: ")
            .append(Long.toHexString(ThreadLocalRandom.current().nextLong()))
            .append(Long.toHexString(ThreadLocalRandom.current().nextLong()))
            .append("\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ")
            .append(body.length)
            .append("\r\n\r\n")
            .toString()
            .getBytes(StandardCharsets.ISO_8859_1);
    byte[] request = new byte[head.length + body.length];
    System.arraycopy(head, 0, request, 0, head.length);
    System.arraycopy(body, 0, request, head.length, body.length);
    return request;
  }

  private void exchange(byte[] request, int expectedStatus) throws IOException {
    Connection connection = idle.pollFirst();
    if (connection == null) {
      connection = new Connection(address);
      all.add(connection);
    }
    int status;
    try {
      connection.out.write(request);
      connection.out.flush();
      if (!connection.in.nextHead()) {
        throw new IOException("the server closed the connection");
      }
      status = connection.in.statusCode();
      connection.in.skip(connection.in.intHeader(CONTENT_LENGTH));
    } catch (IOException e) {
      all.remove(connection);
      connection.socket.close();
      throw e;
    }
    idle.addFirst(connection);
    if (status != expectedStatus) {
      throw new IOException("answered " + status + " instead of " + expectedStatus);
    }
  }

  @Override
  public void close() {
    for (Connection connection : all) {
      try {
        connection.socket.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close a connection", e);
      }
    }
    all.clear();
    idle.clear();
  }

  /** One keep-alive connection; used by one caller at a time. */
  private static final class Connection {
    final Socket socket;
    final OutputStream out;
    final Http1Reader in;

    Connection(InetSocketAddress address) throws IOException {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.connect(address);
      out = socket.getOutputStream();
      in = new Http1Reader(socket.getInputStream());
    }
  }
}
