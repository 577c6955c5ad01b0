package io.openvidu.java.client.webhook;

/**
 * The headers the reference cluster adds to each webhook POST, beyond those configured in {@code
 * OPENVIDU_WEBHOOK_HEADERS}. Their layout and the signed content follow the Standard Webhooks
 * specification (standardwebhooks.com), so that receivers in other languages can verify them with
 * its libraries. OpenVidu 2.20 itself sends none of them.
 *
 * <p>Signed content: {@code <id>.<timestamp>.<raw body>}, that is the id header's value, a dot, the
 * timestamp header's value, a dot and the body's bytes. Signature: HMAC-SHA256 of that content
 * keyed by the UTF-8 bytes of the signing secret, Base64-encoded (standard alphabet, padded).
 */
public final class WebhookHeaders {

  /**
   * The event's unique id, the same on every attempt to deliver it: {@code webhook-id: evt_...}.
   * Sent on every POST, signed or not; receivers drop repeats by it.
   */
  public static final String ID = "webhook-id";

  /**
   * When this attempt was signed, in whole seconds since the epoch: {@code webhook-timestamp:
   * 1700000000}. Each attempt has its own.
   */
  public static final String TIMESTAMP = "webhook-timestamp";

  /**
   * The signatures, space-separated, each {@code v1,<Base64 HMAC-SHA256>}: {@code
   * webhook-signature: v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=}. Sent only when the cluster
   * has a signing secret. Several appear while a secret is rotated; one match suffices.
   */
  public static final String SIGNATURE = "webhook-signature";

  private WebhookHeaders() {}
}
