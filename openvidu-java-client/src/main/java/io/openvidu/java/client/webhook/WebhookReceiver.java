package io.openvidu.java.client.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Receives OpenVidu's webhook POSTs: checks that a POST comes from the server, reads its event and
 * recognises repeats. Give it the raw body bytes, exactly as they arrived (a signature covers the
 * bytes; a body parsed and serialized again no longer matches), and the request's headers:
 *
 * <pre>{@code
 * WebhookReceiver receiver = WebhookReceiver.builder()
 *     .requireHeader("Authorization", "Basic T1BFTlZJRFVBUFA6TVlfU0VDUkVU")
 *     .signingSecret(System.getenv("WEBHOOK_SIGNING_SECRET"))
 *     .build();
 *
 * // in the HTTP handler:
 * try {
 *   WebhookDelivery delivery = receiver.receive(body, request::getHeader);
 *   if (!delivery.isRepeat()) {
 *     handle(delivery.event());
 *   }
 *   // answer 200
 * } catch (WebhookAuthenticationException e) {
 *   // answer 401
 * } catch (MalformedWebhookException e) {
 *   // answer 400
 * }
 * }</pre>
 *
 * <p>Each call checks, in order: every {@linkplain Builder#requireHeader(String, String) required
 * header} (compared in constant time); the {@linkplain Builder#signingSecret(String) signature},
 * when the receiver has signing secrets (see {@link WebhookHeaders} for the format); that the
 * signing time is within the {@linkplain Builder#tolerance(Duration) tolerance} and {@linkplain
 * Builder#clockSkew(Duration) clock skew}; the body, {@linkplain WebhookEvent#parse(byte[])
 * strictly}; and whether the event id was seen before. Each rejection is its own exception; none
 * carries a header value, a signature or a secret, and this class logs nothing.
 *
 * <p>Immutable and thread-safe: build one and share it.
 */
public final class WebhookReceiver {

  private final Map<String, byte[]> requiredHeaderDigests;
  private final List<SecretKeySpec> signingKeys;
  private final Duration tolerance;
  private final Duration clockSkew;
  private final Clock clock;
  private final SeenEventIds seenEventIds;
  private final Duration retention;

  private WebhookReceiver(Builder builder) {
    this.requiredHeaderDigests =
        Collections.unmodifiableMap(new LinkedHashMap<>(builder.requiredHeaderDigests));
    this.signingKeys = Collections.unmodifiableList(new ArrayList<>(builder.signingKeys));
    this.tolerance = builder.tolerance;
    this.clockSkew = builder.clockSkew;
    this.clock = builder.clock;
    this.retention = builder.retention;
    this.seenEventIds =
        !builder.deduplicate
            ? null
            : builder.seenEventIds != null
                ? builder.seenEventIds
                : new InMemorySeenEventIds(Builder.DEFAULT_MAX_IDS, builder.clock);
  }

  /**
   * @return a builder with the defaults: no required header, no signing secret (one of them, or
   *     {@link Builder#acceptUnauthenticated()}, must be set), a tolerance of 5 minutes, a clock
   *     skew of 1 minute, and repeats recognised in memory (the last 100,000 ids, each for 1 hour)
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Checks and reads one webhook POST.
   *
   * @param body the request's raw body
   * @param headers the request's headers as a lookup from a header's name to its (first) value or
   *     {@code null}; it must ignore case, as a servlet's {@code request::getHeader}, Spring's
   *     {@code httpHeaders::getFirst} and Javalin's {@code ctx::header} do
   * @return the event, its id and whether it is a repeat
   * @throws WebhookHeaderMismatchException a required header is missing or has another value
   * @throws WebhookSignatureMissingException signatures are verified and the POST has none
   * @throws WebhookSignatureMismatchException no signature matches (wrong secret, altered body)
   * @throws WebhookTimestampException the signature is too old or too far in the future
   * @throws MalformedWebhookException the body is not one webhook event
   */
  public WebhookDelivery receive(byte[] body, Function<String, String> headers)
      throws WebhookException {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(headers, "headers");
    checkRequiredHeaders(headers);
    String eventId = headers.apply(WebhookHeaders.ID);
    if (!signingKeys.isEmpty()) {
      checkSignature(body, eventId, headers);
    }
    WebhookEvent event = WebhookEvent.parse(body);
    boolean repeat =
        seenEventIds != null && eventId != null && !seenEventIds.add(eventId, retention);
    return new WebhookDelivery(event, eventId, repeat);
  }

  /**
   * Checks and reads one webhook POST whose headers come as a map (the JDK's {@code
   * HttpExchange.getRequestHeaders()}, Spring's {@code HttpHeaders}, OkHttp's {@code
   * Headers.toMultimap()}). Header names are matched ignoring case.
   *
   * @see #receive(byte[], Function)
   */
  public WebhookDelivery receive(byte[] body, Map<String, List<String>> headers)
      throws WebhookException {
    Objects.requireNonNull(headers, "headers");
    return receive(body, name -> firstValue(headers, name));
  }

  /**
   * Forgets an event id, so that the sender's next attempt to deliver that event is accepted as
   * new: call it when the application failed to handle an event it accepted, and answer the POST
   * with an error so that the sender retries.
   *
   * @param eventId the id, from {@link WebhookDelivery#eventId()}
   */
  public void forget(String eventId) {
    if (seenEventIds != null) {
      seenEventIds.remove(Objects.requireNonNull(eventId, "eventId"));
    }
  }

  private void checkRequiredHeaders(Function<String, String> headers)
      throws WebhookHeaderMismatchException {
    for (Map.Entry<String, byte[]> required : requiredHeaderDigests.entrySet()) {
      String value = headers.apply(required.getKey());
      if (value == null) {
        throw new WebhookHeaderMismatchException(required.getKey(), false);
      }
      // Digests have one length whatever the values': the comparison reveals neither content nor
      // length.
      if (!MessageDigest.isEqual(sha256(value), required.getValue())) {
        throw new WebhookHeaderMismatchException(required.getKey(), true);
      }
    }
  }

  private void checkSignature(byte[] body, String eventId, Function<String, String> headers)
      throws WebhookAuthenticationException {
    String timestamp = headers.apply(WebhookHeaders.TIMESTAMP);
    String signatures = headers.apply(WebhookHeaders.SIGNATURE);
    if (eventId == null || timestamp == null || signatures == null) {
      throw new WebhookSignatureMissingException(
          "the POST is not signed: header '"
              + (eventId == null
                  ? WebhookHeaders.ID
                  : timestamp == null ? WebhookHeaders.TIMESTAMP : WebhookHeaders.SIGNATURE)
              + "' is missing");
    }
    long signedAtSeconds = parseSeconds(timestamp);
    List<byte[]> candidates = v1Signatures(signatures);
    if (candidates.isEmpty()) {
      throw new WebhookSignatureMissingException(
          "header '" + WebhookHeaders.SIGNATURE + "' holds no v1 signature");
    }
    byte[] signed = signedContent(eventId, timestamp, body);
    if (!anyMatches(signed, candidates)) {
      throw new WebhookSignatureMismatchException(
          "no signature matches the POST under the "
              + signingKeys.size()
              + " signing secret(s): the secret differs or the id, timestamp or body was altered");
    }
    checkFreshness(Instant.ofEpochSecond(signedAtSeconds));
  }

  private void checkFreshness(Instant signedAt) throws WebhookTimestampException {
    Instant now = clock.instant();
    if (signedAt.isBefore(now.minus(tolerance))) {
      throw new WebhookTimestampException(
          "the POST was signed "
              + Duration.between(signedAt, now).getSeconds()
              + " s ago, longer than the tolerance of "
              + tolerance.getSeconds()
              + " s",
          signedAt);
    }
    if (signedAt.isAfter(now.plus(clockSkew))) {
      throw new WebhookTimestampException(
          "the POST claims to be signed "
              + Duration.between(now, signedAt).getSeconds()
              + " s in the future, beyond the clock skew of "
              + clockSkew.getSeconds()
              + " s",
          signedAt);
    }
  }

  private static long parseSeconds(String timestamp) throws WebhookTimestampException {
    // Digits only: Long.parseLong would also take a sign.
    if (timestamp.isEmpty() || timestamp.length() > 18 || !allDigits(timestamp)) {
      throw new WebhookTimestampException(
          "header '" + WebhookHeaders.TIMESTAMP + "' is not a number of seconds", null);
    }
    return Long.parseLong(timestamp);
  }

  private static boolean allDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static List<byte[]> v1Signatures(String header) {
    List<byte[]> signatures = new ArrayList<>(1);
    for (String entry : header.trim().split(" +")) {
      if (entry.startsWith("v1,")) {
        try {
          signatures.add(Base64.getDecoder().decode(entry.substring(3)));
        } catch (IllegalArgumentException notBase64) {
          // A damaged entry matches nothing; another entry may still match.
        }
      }
    }
    return signatures;
  }

  private boolean anyMatches(byte[] signed, List<byte[]> candidates) {
    boolean matched = false;
    for (SecretKeySpec key : signingKeys) {
      byte[] expected = hmac(key, signed);
      for (byte[] candidate : candidates) {
        // No early exit: the time taken does not depend on which pair matched.
        matched |= MessageDigest.isEqual(expected, candidate);
      }
    }
    return matched;
  }

  static byte[] signedContent(String eventId, String timestamp, byte[] body) {
    byte[] prefix = (eventId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
    byte[] content = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, content, 0, prefix.length);
    System.arraycopy(body, 0, content, prefix.length, body.length);
    return content;
  }

  private static byte[] hmac(SecretKeySpec key, byte[] content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(content);
    } catch (GeneralSecurityException e) {
      // Every Java platform must provide HmacSHA256.
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256.
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }

  private static String firstValue(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (header.getKey() != null
          && header.getKey().equalsIgnoreCase(name)
          && header.getValue() != null
          && !header.getValue().isEmpty()) {
        return header.getValue().get(0);
      }
    }
    return null;
  }

  /** Names the required headers and counts the secrets; never shows a value. */
  @Override
  public String toString() {
    return "WebhookReceiver{requiredHeaders="
        + requiredHeaderDigests.keySet()
        + ", signingSecrets="
        + signingKeys.size()
        + ", tolerance="
        + tolerance.getSeconds()
        + "s, clockSkew="
        + clockSkew.getSeconds()
        + "s, deduplication="
        + (seenEventIds == null ? "off" : seenEventIds + " for " + retention.getSeconds() + "s")
        + "}";
  }

  /** Builds a {@link WebhookReceiver}. Not thread-safe. */
  public static final class Builder {

    static final int DEFAULT_MAX_IDS = 100_000;

    private final Map<String, byte[]> requiredHeaderDigests = new LinkedHashMap<>();
    private final List<SecretKeySpec> signingKeys = new ArrayList<>();
    private boolean acceptUnauthenticated;
    private Duration tolerance = Duration.ofMinutes(5);
    private Duration clockSkew = Duration.ofMinutes(1);
    private Clock clock = Clock.systemUTC();
    private boolean deduplicate = true;
    private SeenEventIds seenEventIds;
    private Duration retention = Duration.ofHours(1);

    private Builder() {}

    /**
     * Requires a header with an exact value, for example the {@code Authorization} header set in
     * OpenVidu's {@code OPENVIDU_WEBHOOK_HEADERS}. May be called for several headers; all are
     * required.
     *
     * @param name the header's name (matched ignoring case)
     * @param value its exact value; kept only as a digest, compared in constant time
     * @return this builder
     */
    public Builder requireHeader(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (name.trim().isEmpty()) {
        throw new IllegalArgumentException("a required header needs a name");
      }
      requiredHeaderDigests.put(name.trim(), sha256(value));
      return this;
    }

    /**
     * Verifies signatures with this secret (the server's webhook signing secret). May be called
     * several times while a secret is rotated: a POST signed with any of them is accepted.
     *
     * @param secret the secret; its UTF-8 bytes are the HMAC-SHA256 key
     * @return this builder
     * @throws IllegalArgumentException if the secret is empty
     */
    public Builder signingSecret(String secret) {
      Objects.requireNonNull(secret, "secret");
      if (secret.isEmpty()) {
        throw new IllegalArgumentException("the signing secret is empty");
      }
      signingKeys.add(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return this;
    }

    /**
     * Accepts POSTs without checking where they come from: for a receiver reachable only by the
     * OpenVidu server (OpenVidu 2.20 without {@code OPENVIDU_WEBHOOK_HEADERS} signs nothing).
     * Without it, {@link #build()} requires a header or a signing secret.
     *
     * @return this builder
     */
    public Builder acceptUnauthenticated() {
      this.acceptUnauthenticated = true;
      return this;
    }

    /**
     * @param tolerance how old a signature may be; older POSTs are rejected as replays (default 5
     *     minutes). The sender signs each attempt anew, so this covers the transit, not the retries
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder tolerance(Duration tolerance) {
      this.tolerance = positive(tolerance, "tolerance");
      return this;
    }

    /**
     * @param clockSkew how far in the future a signature may claim to be, to allow for a sender's
     *     clock ahead of this one (default 1 minute)
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder clockSkew(Duration clockSkew) {
      Objects.requireNonNull(clockSkew, "clockSkew");
      if (clockSkew.isNegative()) {
        throw new IllegalArgumentException("clockSkew must not be negative");
      }
      this.clockSkew = clockSkew;
      return this;
    }

    /**
     * @param clock the clock signing times are checked against, and the in-memory record of event
     *     ids runs on (default: the system's UTC clock)
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Recognises repeats with a record shared by several instances of the application.
     *
     * @param seenEventIds the record
     * @param retention how long an id is remembered; at least the tolerance plus the clock skew
     *     when signatures are verified, so that a replay cannot outlive its id
     * @return this builder
     */
    public Builder deduplicateWith(SeenEventIds seenEventIds, Duration retention) {
      this.seenEventIds = Objects.requireNonNull(seenEventIds, "seenEventIds");
      this.retention = positive(retention, "retention");
      this.deduplicate = true;
      return this;
    }

    /**
     * Does not recognise repeats: every delivery is new. For an application whose handling is
     * idempotent anyway.
     *
     * @return this builder
     */
    public Builder withoutDeduplication() {
      this.deduplicate = false;
      this.seenEventIds = null;
      return this;
    }

    /**
     * @return the receiver
     * @throws IllegalStateException if neither a header nor a signing secret is required and {@link
     *     #acceptUnauthenticated()} was not called, or if the retention of event ids is shorter
     *     than the tolerance plus the clock skew while signatures are verified
     */
    public WebhookReceiver build() {
      if (requiredHeaderDigests.isEmpty() && signingKeys.isEmpty() && !acceptUnauthenticated) {
        throw new IllegalStateException(
            "the receiver would accept a POST from anyone: require a header, set a signing secret,"
                + " or call acceptUnauthenticated()");
      }
      if (deduplicate
          && !signingKeys.isEmpty()
          && retention.compareTo(tolerance.plus(clockSkew)) < 0) {
        throw new IllegalStateException(
            "event ids are remembered for "
                + retention.getSeconds()
                + " s, less than the tolerance plus the clock skew ("
                + tolerance.plus(clockSkew).getSeconds()
                + " s): a replay could outlive its id");
      }
      return new WebhookReceiver(this);
    }

    private static Duration positive(Duration duration, String name) {
      Objects.requireNonNull(duration, name);
      if (duration.isZero() || duration.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return duration;
    }
  }
}
