package io.openvidu.ha.server.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts one event once: the configured headers, {@code Content-Type: application/json} unless
 * configured, the event id and the signing time ({@code webhook-id}, {@code webhook-timestamp}),
 * and with a signing secret {@code webhook-signature: v1,<Base64 HMAC-SHA256 of
 * "id.timestamp.body">} (the layout of the Standard Webhooks specification). Thread-safe.
 */
final class WebhookPost {

  static final String ID = "webhook-id";
  static final String TIMESTAMP = "webhook-timestamp";
  static final String SIGNATURE = "webhook-signature";

  /** Headers the JDK's client sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final HttpClient client;
  private final Duration requestTimeout;
  private final SecretKeySpec signingKey;

  WebhookPost(HttpClient client, Duration requestTimeout, String signingSecret) {
    this.client = client;
    this.requestTimeout = requestTimeout;
    this.signingKey =
        signingSecret == null
            ? null
            : new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /**
   * @return the outcome; never throws for a failure of the receiver or the network
   * @throws InterruptedException when the thread is interrupted (the master stops)
   */
  Outcome send(WebhookTarget target, String eventId, byte[] body, long nowMillis)
      throws InterruptedException {
    HttpRequest.Builder request;
    try {
      request =
          HttpRequest.newBuilder(URI.create(target.endpoint()))
              .timeout(requestTimeout)
              .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    } catch (IllegalArgumentException e) {
      return Outcome.failed("the endpoint is not a valid URL");
    }
    boolean contentType = false;
    for (String[] header : target.headers()) {
      String name = header[0].toLowerCase(Locale.ROOT);
      if (RESTRICTED.contains(name)) {
        continue;
      }
      contentType |= name.equals("content-type");
      try {
        request.header(header[0], header[1]);
      } catch (IllegalArgumentException e) {
        // A header the JDK refuses (an invalid name or value) is left out; the receiver decides.
      }
    }
    if (!contentType) {
      request.header("Content-Type", "application/json");
    }
    String timestamp = Long.toString(nowMillis / 1000);
    request.header(ID, eventId).header(TIMESTAMP, timestamp);
    if (signingKey != null) {
      request.header(SIGNATURE, "v1," + sign(eventId, timestamp, body));
    }
    try {
      HttpResponse<Void> response =
          client.send(request.build(), HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      return status >= 200 && status < 300
          ? Outcome.DELIVERED
          : Outcome.failed("the receiver answered " + status);
    } catch (IOException e) {
      return Outcome.failed(e.getClass().getSimpleName());
    }
  }

  private String sign(String eventId, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(signingKey);
      mac.update((eventId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  /**
   * What one POST achieved.
   *
   * @param delivered whether the receiver answered 2xx
   * @param failure why not, for the log (no header value, no body)
   */
  record Outcome(boolean delivered, String failure) {
    static final Outcome DELIVERED = new Outcome(true, null);

    static Outcome failed(String failure) {
      return new Outcome(false, failure);
    }
  }
}
