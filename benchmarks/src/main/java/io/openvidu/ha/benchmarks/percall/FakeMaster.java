package io.openvidu.ha.benchmarks.percall;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A trivial OpenVidu master for measuring what a client costs per call: it answers the REST calls
 * the per-call benchmark makes with canned, spec-shaped JSON (the session of {@code
 * /work/shared/spec/rest-api.md} §3.1 with one active and one pending connection, the pending
 * connection of §3.2), over HTTP/1.1 keep-alive, one thread per connection, on the loopback
 * interface. It keeps no state but the canned answer per session id, so that its own cost per call
 * is a few microseconds and the client's dominates.
 *
 * <p>As OpenVidu does, it answers a request without an {@code Authorization} header with 401 and a
 * {@code Basic} challenge (the official client authenticates only after one); it does not check the
 * credentials themselves. It never announces {@code Idempotency-Key-Honoured}, as real OpenVidu
 * 2.20 does not. Paths it does not know are answered 404 and counted ({@link #unknownRequests()}).
 *
 * <p>Thread-safe; {@link #close()} closes the listening socket and every connection.
 */
public final class FakeMaster implements AutoCloseable {
  private static final String API = "/openvidu/api/sessions";
  private static final Pattern CUSTOM_SESSION_ID =
      Pattern.compile("\"customSessionId\"\\s*:\\s*\"([^\"]+)\"");
  private static final byte[] UNAUTHORIZED =
      response(
          401,
          "Unauthorized",
          "WWW-Authenticate: Basic realm=\"Realm\"\r\n",
          "{\"timestamp\":0,\"status\":401,\"error\":\"Unauthorized\",\"message\":\"\",\"path\":\"\"}");
  private static final byte[] NO_CONTENT = response(204, "No Content", "", null);
  private static final byte[] NOT_FOUND = response(404, "Not Found", "", null);
  private static final byte[] CONTENT_LENGTH =
      "content-length:".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] AUTHORIZATION = "authorization:".getBytes(StandardCharsets.US_ASCII);

  private final ServerSocket server;
  private final Thread acceptor;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private final Map<String, byte[]> sessions = new ConcurrentHashMap<>();
  private final Map<String, byte[]> connectionAnswers = new ConcurrentHashMap<>();
  private final AtomicLong unknown = new AtomicLong();
  private final AtomicLong challenged = new AtomicLong();
  private final AtomicLong generatedIds = new AtomicLong();
  private final AtomicLong accepted = new AtomicLong();
  private volatile boolean closed;

  private FakeMaster(ServerSocket server) {
    this.server = server;
    this.acceptor = new Thread(this::accept, "fake-master-accept");
    this.acceptor.setDaemon(true);
  }

  /** Starts a fake master on an ephemeral port of the loopback interface. */
  public static FakeMaster start() throws IOException {
    FakeMaster master = new FakeMaster(new ServerSocket(0, 128, InetAddress.getLoopbackAddress()));
    master.acceptor.start();
    return master;
  }

  /** Its base URL, {@code http://127.0.0.1:<port>}. */
  public String url() {
    return "http://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
  }

  /** Requests answered 404 so far (a call the benchmark did not expect a client to make). */
  public long unknownRequests() {
    return unknown.get();
  }

  /** Connections accepted so far. */
  public long connectionsAccepted() {
    return accepted.get();
  }

  /** Requests answered 401 so far (sent without credentials). */
  public long challengedRequests() {
    return challenged.get();
  }

  private void accept() {
    while (!closed) {
      try {
        Socket socket = server.accept();
        socket.setTcpNoDelay(true);
        connections.add(socket);
        accepted.incrementAndGet();
        Thread handler = new Thread(() -> serve(socket), "fake-master-connection");
        handler.setDaemon(true);
        handler.start();
      } catch (IOException e) {
        if (!closed) {
          throw new IllegalStateException("the fake master stopped accepting", e);
        }
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      Http1Reader in = new Http1Reader(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      while (!closed && in.nextHead()) {
        out.write(answer(in));
        out.flush();
      }
    } catch (SocketException e) {
      // The client closed the connection, or close() did.
    } catch (IOException e) {
      if (!closed) {
        throw new IllegalStateException("the fake master failed on a connection", e);
      }
    } finally {
      connections.remove(socket);
    }
  }

  /** Answers the request whose head {@code in} has just read, reading or skipping its body. */
  private byte[] answer(Http1Reader in) throws IOException {
    int contentLength = in.intHeader(CONTENT_LENGTH);
    if (!in.hasHeader(AUTHORIZATION)) {
      in.skip(contentLength);
      challenged.incrementAndGet();
      return UNAUTHORIZED;
    }
    String line = in.firstLine();
    int space = line.indexOf(' ');
    String method = line.substring(0, space);
    String target = line.substring(space + 1, line.indexOf(' ', space + 1));
    int query = target.indexOf('?');
    String path = query < 0 ? target : target.substring(0, query);
    String rest = path.startsWith(API) ? path.substring(API.length()) : null;
    if (rest != null && rest.isEmpty() && method.equals("POST")) {
      Matcher custom = CUSTOM_SESSION_ID.matcher(in.body(contentLength));
      return session(custom.find() ? custom.group(1) : "ses_Fake" + generatedIds.incrementAndGet());
    }
    in.skip(contentLength);
    if (rest != null && rest.startsWith("/")) {
      String id = rest.substring(1);
      if (method.equals("GET") && id.indexOf('/') < 0) {
        return session(id);
      }
      if (method.equals("DELETE") && id.indexOf('/') < 0) {
        return NO_CONTENT;
      }
      if (method.equals("POST") && id.endsWith("/connection")) {
        String sessionId = id.substring(0, id.length() - "/connection".length());
        return connectionAnswers.computeIfAbsent(
            sessionId, key -> response(200, "OK", "", pendingConnection(key)));
      }
    }
    unknown.incrementAndGet();
    return NOT_FOUND;
  }

  private byte[] session(String id) {
    return sessions.computeIfAbsent(id, key -> response(200, "OK", "", sessionJson(key)));
  }

  private static byte[] response(int status, String reason, String headers, String json) {
    byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 "
            + status
            + " "
            + reason
            + "\r\n"
            + headers
            + (json == null ? "" : "Content-Type: application/json\r\n")
            + (status == 204 ? "" : "Content-Length: " + body.length + "\r\n")
            + "\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    System.arraycopy(body, 0, all, headBytes.length, body.length);
    return all;
  }

  /** The session object of the spec (§3.1), with one active and one pending connection. */
  static String sessionJson(String id) {
    return "{\"id\":\""
        + id
        + "\",\"object\":\"session\",\"sessionId\":\""
        + id
        + "\",\"createdAt\":1538481996019,\"mediaMode\":\"ROUTED\",\"recordingMode\":\"MANUAL\","
        + "\"defaultRecordingProperties\":{\"name\":\"\",\"hasAudio\":true,\"hasVideo\":true,"
        + "\"outputMode\":\"COMPOSED\",\"recordingLayout\":\"BEST_FIT\",\"resolution\":\"1280x720\","
        + "\"frameRate\":25,\"shmSize\":536870912},\"customSessionId\":\""
        + id
        + "\",\"connections\":{\"numberOfElements\":2,\"content\":["
        + activeConnection(id)
        + ","
        + pendingConnection(id)
        + "]},\"recording\":false,\"forcedVideoCodec\":\"VP8\",\"allowTranscoding\":false}";
  }

  /** A pending WEBRTC connection (§3.2), the exact shape of a {@code POST …/connection} answer. */
  static String pendingConnection(String sessionId) {
    return "{\"id\":\"con_Xnxg19tonh\",\"object\":\"connection\",\"status\":\"pending\","
        + "\"connectionId\":\"con_Xnxg19tonh\",\"sessionId\":\""
        + sessionId
        + "\",\"createdAt\":1538481999022,\"type\":\"WEBRTC\",\"record\":true,\"role\":\"PUBLISHER\","
        + "\"kurentoOptions\":null,\"rtspUri\":null,\"adaptativeBitrate\":null,"
        + "\"onlyPlayWithSubscribers\":null,\"networkCache\":null,\"serverData\":\"My Server Data\","
        + "\"token\":\"wss://localhost:4443?sessionId="
        + sessionId
        + "&token=tok_AVe8o7iltWqtijyl\",\"activeAt\":null,\"location\":null,\"ip\":null,"
        + "\"platform\":null,\"clientData\":null,\"publishers\":null,\"subscribers\":null}";
  }

  private static String activeConnection(String sessionId) {
    return "{\"id\":\"con_OV0CsFsykJ\",\"object\":\"connection\",\"status\":\"active\","
        + "\"connectionId\":\"con_OV0CsFsykJ\",\"sessionId\":\""
        + sessionId
        + "\",\"createdAt\":1538481999022,\"activeAt\":1538481999843,\"location\":\"unknown\","
        + "\"ip\":\"37.122.145.190\",\"platform\":\"Chrome 85.0.4183.102 on Linux 64-bit\","
        + "\"token\":\"wss://localhost:4443?sessionId="
        + sessionId
        + "&token=tok_BVe8o7iltWqtijyl\",\"type\":\"WEBRTC\",\"record\":true,\"role\":\"PUBLISHER\","
        + "\"kurentoOptions\":null,\"rtspUri\":null,\"adaptativeBitrate\":null,"
        + "\"onlyPlayWithSubscribers\":null,\"networkCache\":null,\"serverData\":\"My Server Data\","
        + "\"clientData\":\"My Client Data\",\"publishers\":[{\"createdAt\":1538481999710,"
        + "\"streamId\":\"str_CAM_NhxL_con_OV0CsFsykJ\",\"mediaOptions\":{\"hasAudio\":true,"
        + "\"audioActive\":true,\"hasVideo\":true,\"videoActive\":true,\"typeOfVideo\":\"CAMERA\","
        + "\"frameRate\":30,\"videoDimensions\":\"{\\\"width\\\":640,\\\"height\\\":480}\","
        + "\"filter\":{}}}],\"subscribers\":[{\"createdAt\":1538482000856,"
        + "\"streamId\":\"str_MIC_JSXs_con_Xnxg19tonh\"}]}";
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
    for (Socket socket : connections) {
      socket.close();
    }
  }
}
