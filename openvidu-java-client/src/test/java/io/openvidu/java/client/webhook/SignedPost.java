package io.openvidu.java.client.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook POST as a sender signs it, written from the documented format (Standard Webhooks:
 * HMAC-SHA256 over {@code id.timestamp.body}, {@code v1,<base64>}) independently of the receiver's
 * code, so that a test fails if the receiver drifts from the documentation.
 */
final class SignedPost {

  final byte[] body;
  final Map<String, List<String>> headers = new LinkedHashMap<>();

  private SignedPost(byte[] body) {
    this.body = body;
  }

  static SignedPost of(byte[] body, String eventId, Instant signedAt, String... secrets) {
    SignedPost post = new SignedPost(body);
    String timestamp = Long.toString(signedAt.getEpochSecond());
    post.header(WebhookHeaders.ID, eventId);
    post.header(WebhookHeaders.TIMESTAMP, timestamp);
    List<String> signatures = new ArrayList<>();
    for (String secret : secrets) {
      signatures.add("v1," + sign(secret, eventId + "." + timestamp + ".", body));
    }
    post.header(WebhookHeaders.SIGNATURE, String.join(" ", signatures));
    return post;
  }

  static SignedPost unsigned(byte[] body) {
    return new SignedPost(body);
  }

  SignedPost header(String name, String value) {
    headers.put(name, new ArrayList<>(Arrays.asList(value)));
    return this;
  }

  SignedPost withoutHeader(String name) {
    headers.remove(name);
    return this;
  }

  SignedPost withBody(byte[] otherBody) {
    SignedPost post = new SignedPost(otherBody);
    post.headers.putAll(headers);
    return post;
  }

  WebhookDelivery sendTo(WebhookReceiver receiver) throws WebhookException {
    return receiver.receive(body, headers);
  }

  private static String sign(String secret, String prefix, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(prefix.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
