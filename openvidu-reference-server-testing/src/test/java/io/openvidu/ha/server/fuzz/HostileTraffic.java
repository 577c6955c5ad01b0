package io.openvidu.ha.server.fuzz;

import io.openvidu.ha.server.api.ApiClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A seeded generator of hostile requests for every REST endpoint and of hostile JSON-RPC frames for
 * every signalling method: mostly requests that are almost right (the right route and members with
 * wrong types, out-of-range values, strings over the limits, escapes and charsets a client would
 * not use), some broken at the transport level (cut-short bodies, bad chunk sizes, bad versions,
 * method overrides, HEAD, odd methods). Ids come from a pool that grows with what the cluster
 * answers (sessions, connections, tokens, recordings), so that the traffic reaches past "not found"
 * into the state machines. The same seed gives the same traffic against the same answers. Not
 * thread-safe.
 */
final class HostileTraffic {

  /** One HTTP request as bytes, and whether the client half-closes after sending it. */
  record HttpCase(String description, byte[] bytes, boolean halfClose, String method, String path) {
    boolean isHead() {
      return method.equals("HEAD");
    }
  }

  /** One WebSocket frame: text, or binary when {@code binary}. */
  record FrameCase(String text, boolean binary) {}

  private static final String API = "/openvidu/api";

  /** Routes of the REST API, as {@code METHOD path} with {@code {s} {c} {r} {m} {st} {f}} holes. */
  private static final List<String> ROUTES =
      List.of(
          "POST " + API + "/sessions",
          "GET " + API + "/sessions",
          "GET " + API + "/sessions/{s}",
          "DELETE " + API + "/sessions/{s}",
          "POST " + API + "/sessions/{s}/connection",
          "GET " + API + "/sessions/{s}/connection",
          "GET " + API + "/sessions/{s}/connection/{c}",
          "PATCH " + API + "/sessions/{s}/connection/{c}",
          "DELETE " + API + "/sessions/{s}/connection/{c}",
          "DELETE " + API + "/sessions/{s}/stream/{st}",
          "POST " + API + "/tokens",
          "POST " + API + "/signal",
          "POST " + API + "/recordings/start",
          "POST " + API + "/recordings/stop/{r}",
          "GET " + API + "/recordings",
          "GET " + API + "/recordings/{r}",
          "DELETE " + API + "/recordings/{r}",
          "GET /openvidu/recordings/{r}/{f}",
          "GET " + API + "/config",
          "GET " + API + "/config/openvidu-publicurl",
          "GET " + API + "/config/openvidu-version",
          "GET " + API + "/config/openvidu-recording",
          "GET " + API + "/config/openvidu-recording-path",
          "GET " + API + "/config/openvidu-cdr",
          "POST " + API + "/restart",
          "GET " + API + "/health",
          "GET /openvidu/health",
          "GET " + API + "/media-nodes",
          "GET " + API + "/media-nodes/{m}",
          "POST " + API + "/media-nodes",
          "PATCH " + API + "/media-nodes/{m}",
          "DELETE " + API + "/media-nodes/{m}",
          "PUT " + API + "/media-nodes",
          "GET /openvidu/api/unknown",
          "OPTIONS " + API + "/sessions");

  /** The members each body-taking route reads, so that generated bodies reach its validation. */
  private static final Map<String, List<String>> MEMBERS =
      Map.of(
          "/sessions",
          List.of(
              "mediaMode",
              "recordingMode",
              "customSessionId",
              "forcedVideoCodec",
              "allowTranscoding",
              "defaultRecordingProperties",
              "mediaNode"),
          "/connection",
          List.of(
              "type",
              "data",
              "record",
              "role",
              "kurentoOptions",
              "rtspUri",
              "adaptativeBitrate",
              "onlyPlayWithSubscribers",
              "networkCache",
              "customIceServers"),
          "/tokens",
          List.of("session", "role", "data", "record", "kurentoOptions"),
          "/signal",
          List.of("session", "to", "type", "data"),
          "/start",
          List.of(
              "session",
              "name",
              "hasAudio",
              "hasVideo",
              "outputMode",
              "recordingLayout",
              "resolution",
              "frameRate",
              "shmSize",
              "customLayout",
              "ignoreFailedStreams",
              "mediaNode"),
          "/restart",
          List.of(
              "OPENVIDU_CDR",
              "OPENVIDU_RECORDING_NOTIFICATION",
              "OPENVIDU_RECORDING_AUTOSTOP_TIMEOUT",
              "OPENVIDU_RECORDING_PATH",
              "OPENVIDU_WEBHOOK_HEADERS",
              "OPENVIDU_STREAMS_VIDEO_MAX_RECV_BANDWIDTH",
              "OPENVIDU_SECRET",
              "UNKNOWN_PROPERTY"),
          "/media-nodes",
          List.of("uri", "environmentId", "status"));

  /** Values that are right somewhere, so that a body gets past its first check now and then. */
  private static final List<String> WORDS =
      List.of(
          "ROUTED",
          "RELAYED",
          "MANUAL",
          "ALWAYS",
          "VP8",
          "H264",
          "NONE",
          "WEBRTC",
          "IPCAM",
          "PUBLISHER",
          "SUBSCRIBER",
          "MODERATOR",
          "COMPOSED",
          "INDIVIDUAL",
          "COMPOSED_QUICK_START",
          "BEST_FIT",
          "CUSTOM",
          "1280x720",
          "99999x1",
          "rtsp://camera.example/stream",
          "rtsp://10.0.0.1:554/a",
          "all",
          "none",
          "terminating",
          "running",
          "ws://127.0.0.1:9/kurento");

  /** Path segments no client should send. */
  private static final List<String> HOSTILE_SEGMENTS =
      List.of(
          "",
          "%u0041",
          "%",
          "%4",
          "%C0%AF",
          "%FF%FE",
          "..;",
          "..",
          "%2e%2e",
          "%2F",
          "%00",
          "a%20b",
          "%E2%82%AC",
          "x".repeat(201),
          "y".repeat(9000),
          "ses_ABCDEFGHIJ",
          "con_ABCDEFGHIJ",
          ";jsessionid=1",
          "a?b=c",
          "#frag");

  /** JSON-RPC methods of signaling.md §4, library methods and one that does not exist. */
  private static final List<String> RPC_METHODS =
      List.of(
          "joinRoom",
          "publishVideo",
          "unpublishVideo",
          "receiveVideoFrom",
          "prepareReceiveVideoFrom",
          "unsubscribeFromVideo",
          "onIceCandidate",
          "sendMessage",
          "streamPropertyChanged",
          "forceDisconnect",
          "forceUnpublish",
          "leaveRoom",
          "connect",
          "ping",
          "echo",
          "applyFilter",
          "videoData",
          "noSuchMethod");

  private static final List<String> RPC_PARAMS =
      List.of(
          "token",
          "session",
          "platform",
          "metadata",
          "secret",
          "recorder",
          "doLoopback",
          "hasAudio",
          "hasVideo",
          "audioActive",
          "videoActive",
          "typeOfVideo",
          "frameRate",
          "videoDimensions",
          "sdpOffer",
          "sender",
          "endpointName",
          "candidate",
          "sdpMid",
          "sdpMLineIndex",
          "message",
          "streamId",
          "property",
          "newValue",
          "reason",
          "connectionId",
          "sessionId",
          "stream",
          "interval");

  private final Random random;
  private final String secret;
  private final Set<String> protectedMediaNodes;
  final List<String> sessions = new CopyOnWriteArrayList<>();
  final List<String> connections = new CopyOnWriteArrayList<>();
  final List<String> tokens = new CopyOnWriteArrayList<>();
  final List<String> recordings = new CopyOnWriteArrayList<>();
  final List<String> streams = new CopyOnWriteArrayList<>();

  /**
   * @param protectedMediaNodes the cluster's own media nodes: the traffic never names them, so that
   *     it cannot legitimately take the cluster's capacity away (health must stay UP)
   */
  HostileTraffic(long seed, String secret, Set<String> protectedMediaNodes) {
    this.random = new Random(seed);
    this.secret = secret;
    this.protectedMediaNodes = Set.copyOf(protectedMediaNodes);
  }

  // ---- HTTP

  HttpCase nextHttp() {
    String route = pick(ROUTES);
    String method = route.substring(0, route.indexOf(' '));
    String path = fill(route.substring(route.indexOf(' ') + 1));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Host", "localhost");
    int auth = random.nextInt(20);
    if (auth > 1) {
      headers.put("Authorization", ApiClient.basic("OPENVIDUAPP", secret));
    } else if (auth == 1) {
      headers.put(
          "Authorization",
          pick(List.of("Basic %%%", "Bearer x", "Basic ", "Basic " + "A".repeat(5000))));
    }
    String body = method.equals("GET") || method.equals("DELETE") ? null : body(path);
    String contentType = "application/json";
    if (random.nextInt(8) == 0) {
      contentType =
          pick(
              List.of(
                  "application/json; charset=foo",
                  "application/json; charset=",
                  "application/json; charset=" + "x".repeat(2000),
                  "application/json; charset=UTF-16",
                  "application/json; charset=ISO-8859-1",
                  "application/json;charset=\"utf-8\"",
                  "text/html",
                  "multipart/form-data; boundary=x",
                  ";;;=",
                  ""));
    }
    byte[] bodyBytes = body == null ? new byte[0] : encodeBody(body);
    headers.put("Connection", "close");
    int twist = random.nextInt(14);
    String version = "HTTP/1.1";
    boolean halfClose = false;
    String description = method + " " + abbreviate(path);
    switch (twist) {
      case 0 -> {
        method = "HEAD";
        description = "HEAD " + abbreviate(path);
      }
      case 1 ->
          headers.put("X-HTTP-Method-Override", pick(List.of("DELETE", "POST", "PATCH", "GET")));
      case 2 -> {
        method = pick(List.of("TRACE", "CONNECT", "FOO", "PROPFIND", "get", "OPTIONS"));
        description = method + " " + abbreviate(path);
      }
      case 3 -> version = pick(List.of("HTTP/9.9", "HTTP/1.0", "HTTP/2.0", "HTTPS/1.1", ""));
      case 4 -> headers.put("Expect", pick(List.of("100-continue", "banana")));
      case 5 -> headers.put("X-Big", "h".repeat(random.nextInt(20_000)));
      case 6 ->
          headers.put(
              "Idempotency-Key",
              pick(List.of("", "k" + random.nextInt(5), "\u007f", "z".repeat(300))));
      default -> {}
    }
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(path);
    if (!version.isEmpty()) {
      head.append(' ').append(version);
    }
    head.append("\r\n");
    byte[] payload = bodyBytes;
    boolean chunked = twist == 7 || twist == 8;
    if (body != null || random.nextInt(10) == 0) {
      headers.put("Content-Type", contentType);
    }
    if (chunked) {
      headers.put("Transfer-Encoding", "chunked");
      String size =
          twist == 7
              ? Integer.toHexString(payload.length)
              : pick(List.of("zz", "-5", "FFFFFFFFFFFFFFFFFF", "1;ext=\"", ""));
      payload =
          concat(
              (size + "\r\n").getBytes(StandardCharsets.ISO_8859_1),
              payload,
              "\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      description += " chunked " + size;
    } else if (twist == 9 && payload.length > 0) {
      headers.put("Content-Length", Integer.toString(payload.length + 1 + random.nextInt(100)));
      halfClose = true;
      description += " cut short";
    } else if (twist == 10) {
      headers.put("Content-Length", pick(List.of("-1", "abc", "99999999999999999999", "1, 2")));
      description += " bad Content-Length";
    } else if (payload.length > 0 || !method.equals("GET")) {
      headers.put("Content-Length", Integer.toString(payload.length));
    }
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("\r\n");
    if (twist == 11) {
      description += " raw LF in path";
      return new HttpCase(
          description,
          head.toString().replaceFirst(" /", " /\n").getBytes(StandardCharsets.ISO_8859_1),
          false,
          method,
          path);
    }
    return new HttpCase(
        description,
        concat(head.toString().getBytes(StandardCharsets.ISO_8859_1), payload),
        halfClose,
        method,
        path);
  }

  private byte[] encodeBody(String body) {
    return switch (random.nextInt(12)) {
      case 0 -> body.getBytes(StandardCharsets.UTF_16);
      case 1 ->
          concat(body.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC0, (byte) 0xFF});
      default -> body.getBytes(StandardCharsets.UTF_8);
    };
  }

  private String body(String path) {
    int shape = random.nextInt(16);
    if (shape == 0) {
      return pick(
          List.of(
              "",
              "null",
              "[]",
              "42",
              "\"s\"",
              "{",
              "{}}",
              "{\"a\":1} x",
              "{\"a\":" + "[".repeat(3000)));
    }
    List<String> members = membersFor(path);
    StringBuilder json = new StringBuilder("{");
    int count = random.nextInt(members.isEmpty() ? 2 : members.size() + 1);
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        json.append(',');
      }
      String name = members.isEmpty() || random.nextInt(8) == 0 ? "m" + i : pick(members);
      json.append(quote(name)).append(':').append(value(name, 0));
    }
    json.append('}');
    return json.toString();
  }

  private List<String> membersFor(String path) {
    for (Map.Entry<String, List<String>> entry : MEMBERS.entrySet()) {
      if (path.endsWith(entry.getKey()) || path.contains(entry.getKey() + "/")) {
        return entry.getValue();
      }
    }
    return List.of();
  }

  /** A JSON value for member {@code name}: often plausible, often not. */
  private String value(String name, int depth) {
    int kind = random.nextInt(depth > 2 ? 9 : 12);
    return switch (kind) {
      case 0, 1, 2 -> quote(plausibleString(name));
      case 3 -> quote(hostileString());
      case 4 ->
          pick(
              List.of(
                  "0",
                  "-1",
                  "1",
                  "30",
                  "1e309",
                  "-1e309",
                  "1.5",
                  "9223372036854775808",
                  "-0",
                  "134217728"));
      case 5 -> random.nextBoolean() ? "true" : "false";
      case 6 -> "null";
      case 7 -> quote(pick(WORDS));
      case 8 ->
          name.equals("session") || name.equals("to")
              ? "[" + quote(pick(sessions, "s")) + "]"
              : "[]";
      default -> {
        StringBuilder object = new StringBuilder("{");
        int members = random.nextInt(4);
        for (int i = 0; i < members; i++) {
          if (i > 0) {
            object.append(',');
          }
          String member =
              pick(
                  List.of(
                      "name",
                      "hasAudio",
                      "outputMode",
                      "resolution",
                      "frameRate",
                      "allowedFilters",
                      "videoMaxRecvBandwidth",
                      "url",
                      "x"));
          object.append(quote(member)).append(':').append(value(member, depth + 1));
        }
        yield object.append('}').toString();
      }
    };
  }

  private String plausibleString(String name) {
    return switch (name) {
      case "session", "customSessionId" -> pick(sessions, "S" + random.nextInt(50));
      case "to" -> pick(connections, "con_X");
      case "name" -> "rec" + random.nextInt(10);
      case "data", "type" -> "d" + random.nextInt(10);
      case "token" -> pick(tokens, "ws://localhost?sessionId=x&token=tok_X");
      case "connectionId", "sender", "streamId", "stream" ->
          random.nextBoolean() ? pick(connections, "con_X") : pick(streams, "str_X");
      default -> pick(WORDS);
    };
  }

  private String hostileString() {
    return pick(
        List.of(
            "",
            " ",
            "x".repeat(201),
            "y".repeat(65_537),
            "a/../b",
            "..",
            "\u0000",
            "\u202e",
            "\ud83d\ude00",
            "%u0041",
            "\\",
            "<script>",
            "Infinity",
            "NaN",
            "ñ".repeat(150)));
  }

  private String fill(String template) {
    return template
        .replace("{s}", segment(sessions))
        .replace("{c}", segment(connections))
        .replace("{r}", segment(recordings))
        .replace("{st}", segment(streams))
        .replace(
            "{f}", pick(List.of("x.mp4", "..", "%2e%2e%2fetc", ".recording.x", "y".repeat(300))))
        .replace("{m}", mediaNodeSegment());
  }

  private String segment(List<String> known) {
    return random.nextInt(3) > 0 && !known.isEmpty() ? pick(known) : pick(HOSTILE_SEGMENTS);
  }

  private String mediaNodeSegment() {
    String node = random.nextBoolean() ? "media_fuzz-" + random.nextInt(3) : pick(HOSTILE_SEGMENTS);
    return protectedMediaNodes.contains(node) ? "media_other" : node;
  }

  // ---- WebSocket

  FrameCase nextFrame() {
    int shape = random.nextInt(20);
    if (shape == 0) {
      return new FrameCase("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", true);
    }
    if (shape == 1) {
      return new FrameCase(
          pick(List.of("", "hello", "[]", "null", "{", "{\"id\":1}{\"id\":2}", "\"x\"")), false);
    }
    StringBuilder frame = new StringBuilder("{\"jsonrpc\":\"2.0\"");
    if (random.nextInt(10) > 0) {
      frame
          .append(",\"id\":")
          .append(
              pick(
                  List.of(
                      Integer.toString(random.nextInt(1000)),
                      Integer.toString(random.nextInt(1000)),
                      Integer.toString(random.nextInt(1000)),
                      "\"s" + random.nextInt(100) + "\"",
                      "1e309",
                      "-1",
                      "1.5",
                      "null",
                      "{}",
                      "[1]",
                      "true",
                      "99999999999999999999999")));
    }
    String method = pick(RPC_METHODS);
    if (random.nextInt(15) > 0) {
      frame.append(",\"method\":").append(random.nextInt(20) == 0 ? "7" : quote(method));
    }
    if (random.nextInt(10) > 0) {
      frame.append(",\"params\":");
      if (random.nextInt(15) == 0) {
        frame.append(pick(List.of("[]", "\"p\"", "3", "null")));
      } else {
        frame.append(rpcParams(method));
      }
    }
    frame.append('}');
    if (random.nextInt(15) == 0) {
      frame.append(pick(List.of(" x", "}", "{\"id\":2}", " \n ")));
    }
    return new FrameCase(frame.toString(), false);
  }

  private String rpcParams(String method) {
    StringBuilder params = new StringBuilder("{");
    List<String> names = new ArrayList<>();
    if (method.equals("joinRoom") && random.nextInt(3) > 0) {
      names.addAll(List.of("token", "session", "platform", "metadata", "secret"));
    } else if (method.equals("publishVideo") && random.nextInt(3) > 0) {
      names.addAll(List.of("doLoopback", "hasAudio", "hasVideo", "sdpOffer"));
    }
    int extra = random.nextInt(4);
    for (int i = 0; i < extra; i++) {
      names.add(pick(RPC_PARAMS));
    }
    if (random.nextInt(6) == 0 && !names.isEmpty()) {
      names.remove(random.nextInt(names.size()));
    }
    boolean first = true;
    for (String name : names) {
      if (!first) {
        params.append(',');
      }
      first = false;
      params.append(quote(name)).append(':').append(rpcValue(name));
    }
    return params.append('}').toString();
  }

  private String rpcValue(String name) {
    if (random.nextInt(5) == 0) {
      return value(name, 1);
    }
    return switch (name) {
      case "token" -> quote(pick(tokens, ""));
      case "session" -> quote(pick(sessions, "S"));
      case "secret" -> quote(random.nextBoolean() ? "" : secret);
      case "doLoopback", "hasAudio", "hasVideo", "audioActive", "videoActive", "recorder" ->
          random.nextBoolean() ? "true" : "false";
      case "sdpOffer" ->
          quote(
              "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:0\r\n");
      case "sender", "streamId", "stream" -> quote(pick(streams, "str_X"));
      case "connectionId" -> quote(pick(connections, "con_X"));
      case "message" ->
          quote(pick(List.of("{\"to\":[],\"data\":\"d\",\"type\":\"t\"}", "not json", "{}")));
      case "frameRate", "sdpMLineIndex", "interval" -> pick(List.of("30", "-1", "1e309", "\"x\""));
      default -> quote(plausibleString(name));
    };
  }

  // ---- small parts

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private String pick(List<String> values, String fallback) {
    return values.isEmpty() ? fallback : values.get(random.nextInt(values.size()));
  }

  private static String quote(String value) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format("\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }

  private static String abbreviate(String text) {
    return text.length() > 80 ? text.substring(0, 80) + "...(" + text.length() + ")" : text;
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }
}
