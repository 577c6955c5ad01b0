package io.openvidu.ha.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket, for requests an HTTP client would refuse to send or would repair: a
 * broken request line, a body shorter than its {@code Content-Length}, a malformed chunked body, a
 * raw LF in a path. One request per connection ({@code Connection: close} is not added: the bytes
 * go as given); the answer is read until its {@code Content-Length} or the end of the stream. A
 * server that does not answer within the timeout fails the read: no request may hang.
 */
public final class RawHttp {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String host;
  private final int port;
  private final Duration timeout;

  private RawHttp(String host, int port, Duration timeout) {
    this.host = host;
    this.port = port;
    this.timeout = timeout;
  }

  /** A raw client of the master at {@code baseUrl}. */
  public static RawHttp of(String baseUrl, Duration timeout) {
    URI uri = URI.create(baseUrl);
    return new RawHttp(uri.getHost(), uri.getPort(), timeout);
  }

  /** Sends {@code request} as is and reads the answer. */
  public Answer send(String request) {
    return send(request.getBytes(StandardCharsets.ISO_8859_1), false);
  }

  /**
   * Sends {@code request} as is, half-closes the connection when {@code halfClose} (the client
   * sends nothing more, as one whose body was cut short), and reads the answer.
   *
   * @throws NoAnswer when the server closed without an answer
   * @throws UncheckedIOException when the server did not answer within the timeout
   */
  public Answer send(byte[] request, boolean halfClose) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
        if (halfClose) {
          socket.shutdownOutput();
        }
      } catch (IOException e) {
        // The server answered and closed before reading everything (a request too large): its
        // answer may still be there to read.
        try {
          return read(socket.getInputStream(), false, request);
        } catch (IOException | RuntimeException unreadable) {
          throw new ClosedEarly(e);
        }
      }
      boolean head =
          new String(request, 0, Math.min(5, request.length), StandardCharsets.ISO_8859_1)
              .equals("HEAD ");
      return read(socket.getInputStream(), head, request);
    } catch (SocketTimeoutException e) {
      throw new UncheckedIOException("no answer within " + timeout, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A request line and headers (CRLF-separated) followed by {@code body}, with its length. */
  public static String request(String method, String target, Map<String, String> headers) {
    StringBuilder text =
        new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    headers.forEach((name, value) -> text.append(name).append(": ").append(value).append("\r\n"));
    return text.append("\r\n").toString();
  }

  private static Answer read(InputStream in, boolean headRequest, byte[] request)
      throws IOException {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int headerEnd = -1;
    long wanted = -1;
    int read;
    while ((read = in.read(buffer)) != -1) {
      received.write(buffer, 0, read);
      byte[] so = received.toByteArray();
      if (headerEnd < 0) {
        headerEnd = indexOf(so, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (headerEnd >= 0) {
          wanted =
              headRequest
                  ? 0
                  : contentLength(new String(so, 0, headerEnd, StandardCharsets.ISO_8859_1));
        }
      }
      if (headerEnd >= 0 && wanted >= 0 && so.length >= headerEnd + 4 + wanted) {
        break;
      }
    }
    byte[] all = received.toByteArray();
    if (headerEnd < 0) {
      if (all.length == 0) {
        throw new NoAnswer(requestLine(request));
      }
      throw new AssertionError(
          "not an HTTP answer: " + new String(all, StandardCharsets.ISO_8859_1));
    }
    String head = new String(all, 0, headerEnd, StandardCharsets.ISO_8859_1);
    String[] lines = head.split("\r\n");
    String[] statusLine = lines[0].split(" ", 3);
    if (statusLine.length < 2) {
      String text = new String(all, StandardCharsets.ISO_8859_1);
      throw new AssertionError(
          "not an HTTP status line: '"
              + lines[0]
              + "' in: "
              + text.substring(0, Math.min(300, text.length())).replace("\r\n", "\\r\\n"));
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
    }
    int bodyStart = headerEnd + 4;
    int bodyLength =
        wanted >= 0 ? (int) Math.min(wanted, all.length - bodyStart) : all.length - bodyStart;
    String body = new String(all, bodyStart, Math.max(0, bodyLength), StandardCharsets.UTF_8);
    return new Answer(Integer.parseInt(statusLine[1]), headers, body);
  }

  /** The request's first line, cut to a length a failure message can show. */
  private static String requestLine(byte[] request) {
    String text =
        new String(request, 0, Math.min(200, request.length), StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n");
    String line = end < 0 ? text : text.substring(0, end);
    return "'" + (line.length() > 80 ? line.substring(0, 80) + "..." : line) + "'";
  }

  private static long contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Long.parseLong(line.substring("content-length:".length()).trim());
      }
    }
    return -1;
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    outer:
    for (int i = 0; i + pattern.length <= data.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** The server closed the connection without answering. */
  public static final class NoAnswer extends RuntimeException {
    NoAnswer(String requestLine) {
      super("the server closed the connection without an answer to " + requestLine);
    }
  }

  /**
   * The server closed the connection while the request was still being sent, and its answer (if
   * any) was lost with the reset: what a server does to a request far over its limits.
   */
  public static final class ClosedEarly extends RuntimeException {
    ClosedEarly(IOException cause) {
      super("the server closed the connection while the request was sent: " + cause, cause);
    }
  }

  /** An answer: status, headers (names in lower case) and body. */
  public record Answer(int status, Map<String, String> headers, String body) {
    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The body as JSON; fails when it is not. */
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    /**
     * Whether this is an error in one of rest-api.md §2.2's shapes: a JSON object whose {@code
     * status} is the answer's, or an empty body without {@code Content-Type}.
     */
    public boolean isWellFormedError() {
      if (body.isEmpty()) {
        return header("Content-Type").isEmpty();
      }
      if (!header("Content-Type").orElse("").startsWith("application/json")) {
        return false;
      }
      try {
        JsonNode node = JSON.readTree(body);
        return node != null && node.isObject() && node.path("status").asInt() == status;
      } catch (IOException e) {
        return false;
      }
    }
  }
}
