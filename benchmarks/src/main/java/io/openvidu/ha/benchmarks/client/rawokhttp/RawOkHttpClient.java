package io.openvidu.ha.benchmarks.client.rawokhttp;

import io.openvidu.ha.benchmarks.client.BackendClient;
import io.openvidu.ha.benchmarks.client.ClientSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The floor: the mix as byte-for-byte the same requests our SDK sends (method, path, JSON body,
 * preemptive Basic authentication, an {@code Idempotency-Key} on each POST, a session id chosen on
 * the client), hand-written on one shared {@link OkHttpClient} configured as the SDK configures its
 * own (a pool of 64 connections kept 25 s, no hidden retries). What it leaves out is what the SDK
 * is for: parsing answers into objects, typed errors, failover. It only reads each answer's body
 * and checks its status.
 *
 * <p>Several comma-separated URLs are called in turn (round robin), without failover. Thread-safe.
 */
public final class RawOkHttpClient implements BackendClient {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final String SESSIONS = "/openvidu/api/sessions";
  private static final String ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final OkHttpClient http;
  private final List<String> baseUrls;
  private final AtomicInteger next = new AtomicInteger();
  private final String authorization;

  public RawOkHttpClient(ClientSettings settings) {
    this.baseUrls = List.of(settings.urls().split(","));
    this.authorization =
        Credentials.basic("OPENVIDUAPP", settings.secret(), StandardCharsets.UTF_8);
    this.http =
        new OkHttpClient.Builder()
            .connectionPool(new ConnectionPool(64, 25, TimeUnit.SECONDS))
            .retryOnConnectionFailure(false)
            .followRedirects(false)
            .build();
  }

  @Override
  public Object createSession() throws IOException {
    String id = sessionId();
    String body =
        "{\"mediaMode\":\"ROUTED\",\"recordingMode\":\"MANUAL\",\"customSessionId\":\""
            + id
            + "\","
            + "\"defaultRecordingProperties\":{\"name\":\"\",\"hasAudio\":true,\"hasVideo\":true,"
            + "\"outputMode\":\"COMPOSED\",\"recordingLayout\":\"BEST_FIT\",\"resolution\":\"1280x720\","
            + "\"frameRate\":25,\"shmSize\":536870912},\"forcedVideoCodec\":\"VP8\",\"allowTranscoding\":false}";
    send(post(SESSIONS, body), 200);
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
    send(post(SESSIONS + "/" + session + "/connection", body), 200);
  }

  @Override
  public void fetchSession(Object session) throws IOException {
    send(request(SESSIONS + "/" + session + "?pendingConnections=true").get().build(), 200);
  }

  @Override
  public void closeSession(Object session) throws IOException {
    send(request(SESSIONS + "/" + session).delete().build(), 204);
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private Request post(String path, String json) {
    return request(path)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .post(RequestBody.create(json, JSON))
        .build();
  }

  private Request.Builder request(String path) {
    String base = baseUrls.get(Math.floorMod(next.getAndIncrement(), baseUrls.size()));
    return new Request.Builder().url(base + path).header("Authorization", authorization);
  }

  private void send(Request request, int expectedStatus) throws IOException {
    try (Response response = http.newCall(request).execute()) {
      response.body().string();
      if (response.code() != expectedStatus) {
        throw new IOException(
            request.method() + " " + request.url().encodedPath() + " answered " + response.code());
      }
    }
  }

  /** OpenVidu's own format, as the SDK generates it: {@code ses_} and ten alphanumerics. */
  private static String sessionId() {
    StringBuilder id = new StringBuilder("ses_");
    for (int i = 0; i < 10; i++) {
      id.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
    }
    return id.toString();
  }
}
