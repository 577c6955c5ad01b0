package io.openvidu.java.client.webhook;

import static io.openvidu.java.client.webhook.EventExamples.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The receiver's checks, each in isolation: signature (valid, wrong secret, expired, from the
 * future, replayed, body or id tampered, missing), required headers, repeats.
 */
class WebhookReceiverTest {

  private static final String SECRET = "whsk-7f3a9c1e5b";
  private static final Instant NOW = Instant.parse("2026-12-07T06:00:00Z");

  private final TestClock clock = new TestClock(NOW);
  private final WebhookReceiver signed =
      WebhookReceiver.builder().signingSecret(SECRET).clock(clock).build();
  private final byte[] body = load("participant-joined");

  @Test
  void aCorrectlySignedPostIsAccepted() throws Exception {
    WebhookDelivery delivery = SignedPost.of(body, "evt_1", NOW, SECRET).sendTo(signed);

    assertThat(delivery.isRepeat()).isFalse();
    assertThat(delivery.eventId()).contains("evt_1");
    assertThat(delivery.event()).isInstanceOf(ParticipantJoinedEvent.class);
  }

  @Test
  void aPostSignedWithAnotherSecretIsRejected() {
    WebhookSignatureMismatchException e =
        catchThrowableOfType(
            () -> SignedPost.of(body, "evt_1", NOW, "another-secret").sendTo(signed),
            WebhookSignatureMismatchException.class);

    assertThat(e).isNotNull();
  }

  @Test
  void aTamperedBodyIsRejected() {
    byte[] tampered =
        EventExamples.utf8(
            new String(body, java.nio.charset.StandardCharsets.UTF_8).replace("Mike", "Eve"));

    assertThat(
            catchThrowableOfType(
                () -> SignedPost.of(body, "evt_1", NOW, SECRET).withBody(tampered).sendTo(signed),
                WebhookSignatureMismatchException.class))
        .isNotNull();
  }

  @Test
  void aChangedEventIdIsRejectedSoThatAReplayCannotPassAsANewEvent() {
    assertThat(
            catchThrowableOfType(
                () ->
                    SignedPost.of(body, "evt_1", NOW, SECRET)
                        .header(WebhookHeaders.ID, "evt_2")
                        .sendTo(signed),
                WebhookSignatureMismatchException.class))
        .isNotNull();
  }

  @Test
  void aSignatureOlderThanTheToleranceIsRejected() {
    clock.advance(Duration.ofMinutes(5).plusSeconds(1));

    WebhookTimestampException e =
        catchThrowableOfType(
            () -> SignedPost.of(body, "evt_1", NOW, SECRET).sendTo(signed),
            WebhookTimestampException.class);

    assertThat(e).hasMessageContaining("301 s ago");
    assertThat(e.signedAt()).contains(NOW);
  }

  @Test
  void aSignatureWithinTheToleranceIsAccepted() throws Exception {
    clock.advance(Duration.ofMinutes(5));

    assertThat(SignedPost.of(body, "evt_1", NOW, SECRET).sendTo(signed).isRepeat()).isFalse();
  }

  @Test
  void aSenderClockAheadWithinTheSkewIsAccepted() throws Exception {
    Instant senderNow = NOW.plus(Duration.ofSeconds(60));

    assertThat(SignedPost.of(body, "evt_1", senderNow, SECRET).sendTo(signed).isRepeat()).isFalse();
  }

  @Test
  void aSignatureFromBeyondTheSkewIsRejected() {
    Instant future = NOW.plus(Duration.ofSeconds(61));

    assertThat(
            catchThrowableOfType(
                () -> SignedPost.of(body, "evt_1", future, SECRET).sendTo(signed),
                WebhookTimestampException.class))
        .hasMessageContaining("in the future");
  }

  @Test
  void aTimestampThatIsNotSecondsIsRejected() {
    WebhookTimestampException e =
        catchThrowableOfType(
            () ->
                SignedPost.of(body, "evt_1", NOW, SECRET)
                    .header(WebhookHeaders.TIMESTAMP, "-1")
                    .sendTo(signed),
            WebhookTimestampException.class);

    assertThat(e.signedAt()).isEmpty();
  }

  @Test
  void aReplayedPostIsARepeat() throws Exception {
    SignedPost post = SignedPost.of(body, "evt_1", NOW, SECRET);
    post.sendTo(signed);
    clock.advance(Duration.ofSeconds(30));

    WebhookDelivery replayed = post.sendTo(signed);

    assertThat(replayed.isRepeat()).isTrue();
    assertThat(replayed.event()).isInstanceOf(ParticipantJoinedEvent.class);
  }

  @Test
  void aRetryOfTheSameEventSignedAgainIsARepeat() throws Exception {
    SignedPost.of(body, "evt_1", NOW, SECRET).sendTo(signed);
    clock.advance(Duration.ofSeconds(40));

    WebhookDelivery retry = SignedPost.of(body, "evt_1", clock.instant(), SECRET).sendTo(signed);

    assertThat(retry.isRepeat()).isTrue();
  }

  @Test
  void aForgottenEventIsAcceptedAgain() throws Exception {
    SignedPost.of(body, "evt_1", NOW, SECRET).sendTo(signed);

    signed.forget("evt_1");

    assertThat(SignedPost.of(body, "evt_1", NOW, SECRET).sendTo(signed).isRepeat()).isFalse();
  }

  @Test
  void anUnsignedPostIsRejectedWhenSignaturesAreVerified() {
    WebhookSignatureMissingException e =
        catchThrowableOfType(
            () ->
                SignedPost.of(body, "evt_1", NOW, SECRET)
                    .withoutHeader(WebhookHeaders.SIGNATURE)
                    .sendTo(signed),
            WebhookSignatureMissingException.class);

    assertThat(e).hasMessageContaining(WebhookHeaders.SIGNATURE);
  }

  @Test
  void aSignatureHeaderWithoutAV1SignatureIsRejected() {
    assertThat(
            catchThrowableOfType(
                () ->
                    SignedPost.of(body, "evt_1", NOW, SECRET)
                        .header(WebhookHeaders.SIGNATURE, "v0,abc v2,def")
                        .sendTo(signed),
                WebhookSignatureMissingException.class))
        .hasMessageContaining("no v1 signature");
  }

  @Test
  void anyOfSeveralSecretsVerifiesDuringARotation() throws Exception {
    WebhookReceiver rotating =
        WebhookReceiver.builder()
            .signingSecret("old-secret")
            .signingSecret(SECRET)
            .clock(clock)
            .build();

    assertThat(SignedPost.of(body, "evt_1", NOW, SECRET).sendTo(rotating).isRepeat()).isFalse();
  }

  @Test
  void oneMatchingSignatureAmongSeveralSuffices() throws Exception {
    assertThat(
            SignedPost.of(body, "evt_1", NOW, "retired-secret", SECRET).sendTo(signed).isRepeat())
        .isFalse();
  }

  @Test
  void theRequiredHeaderIsAccepted() throws Exception {
    WebhookReceiver receiver =
        WebhookReceiver.builder().requireHeader("Authorization", "Basic c2VjcmV0").build();

    WebhookDelivery delivery =
        SignedPost.unsigned(body).header("authorization", "Basic c2VjcmV0").sendTo(receiver);

    assertThat(delivery.event()).isInstanceOf(ParticipantJoinedEvent.class);
    assertThat(delivery.eventId()).isEmpty();
  }

  @Test
  void aWrongRequiredHeaderIsRejectedWithoutShowingItsValue() {
    WebhookReceiver receiver =
        WebhookReceiver.builder().requireHeader("Authorization", "Basic c2VjcmV0").build();

    WebhookHeaderMismatchException e =
        catchThrowableOfType(
            () ->
                SignedPost.unsigned(body)
                    .header("Authorization", "Basic Z3Vlc3M=")
                    .sendTo(receiver),
            WebhookHeaderMismatchException.class);

    assertThat(e.headerName()).isEqualTo("Authorization");
    assertThat(e)
        .hasMessageContaining("another value")
        .hasMessageNotContaining("c2VjcmV0")
        .hasMessageNotContaining("Z3Vlc3M=");
  }

  @Test
  void aMissingRequiredHeaderIsRejected() {
    WebhookReceiver receiver =
        WebhookReceiver.builder().requireHeader("X-Webhook-Token", "t0k3n").build();

    assertThat(
            catchThrowableOfType(
                () -> SignedPost.unsigned(body).sendTo(receiver),
                WebhookHeaderMismatchException.class))
        .hasMessageContaining("X-Webhook-Token")
        .hasMessageContaining("missing");
  }

  @Test
  void headersAndSignatureAreBothChecked() {
    WebhookReceiver receiver =
        WebhookReceiver.builder()
            .requireHeader("Authorization", "Basic c2VjcmV0")
            .signingSecret(SECRET)
            .clock(clock)
            .build();

    assertThat(
            catchThrowableOfType(
                () ->
                    SignedPost.of(body, "evt_1", NOW, "wrong")
                        .header("Authorization", "Basic c2VjcmV0")
                        .sendTo(receiver),
                WebhookSignatureMismatchException.class))
        .isNotNull();
  }

  @Test
  void aHeaderLookupFunctionWorksAsTheMap() throws Exception {
    SignedPost post = SignedPost.of(body, "evt_1", NOW, SECRET);
    Map<String, String> flat = new HashMap<>();
    post.headers.forEach((name, values) -> flat.put(name, values.get(0)));

    WebhookDelivery delivery = signed.receive(post.body, flat::get);

    assertThat(delivery.eventId()).contains("evt_1");
  }

  @Test
  void aMalformedBodyWithAValidSignatureIsMalformed() {
    byte[] notAnEvent = EventExamples.utf8("{\"event\":\"sessionCreated\"}");

    assertThat(
            catchThrowableOfType(
                () -> SignedPost.of(notAnEvent, "evt_1", NOW, SECRET).sendTo(signed),
                MalformedWebhookException.class))
        .isNotNull();
  }

  @Test
  void withoutDeduplicationEveryDeliveryIsNew() throws Exception {
    WebhookReceiver receiver =
        WebhookReceiver.builder().signingSecret(SECRET).clock(clock).withoutDeduplication().build();
    SignedPost post = SignedPost.of(body, "evt_1", NOW, SECRET);
    post.sendTo(receiver);

    assertThat(post.sendTo(receiver).isRepeat()).isFalse();
  }

  @Test
  void aSharedRecordOfIdsMakesARepeatAcrossReceivers() throws Exception {
    SeenEventIds shared = SeenEventIds.inMemory(10);
    WebhookReceiver first =
        WebhookReceiver.builder()
            .signingSecret(SECRET)
            .clock(clock)
            .deduplicateWith(shared, Duration.ofHours(1))
            .build();
    WebhookReceiver second =
        WebhookReceiver.builder()
            .signingSecret(SECRET)
            .clock(clock)
            .deduplicateWith(shared, Duration.ofHours(1))
            .build();
    SignedPost.of(body, "evt_1", NOW, SECRET).sendTo(first);

    assertThat(SignedPost.of(body, "evt_1", NOW, SECRET).sendTo(second).isRepeat()).isTrue();
  }

  @Test
  void aReceiverThatChecksNothingMustBeAskedFor() {
    assertThatThrownBy(() -> WebhookReceiver.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("acceptUnauthenticated");
  }

  @Test
  void anUnauthenticatedReceiverStillRecognisesRepeats() throws Exception {
    WebhookReceiver open = WebhookReceiver.builder().acceptUnauthenticated().build();
    SignedPost post = SignedPost.unsigned(body).header(WebhookHeaders.ID, "evt_9");
    post.sendTo(open);

    assertThat(post.sendTo(open).isRepeat()).isTrue();
  }

  @Test
  void aRetentionShorterThanTheReplayWindowIsRefused() {
    assertThatThrownBy(
            () ->
                WebhookReceiver.builder()
                    .signingSecret(SECRET)
                    .deduplicateWith(SeenEventIds.inMemory(10), Duration.ofMinutes(2))
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("replay");
  }

  @Test
  void toStringShowsNoSecretNorHeaderValue() {
    WebhookReceiver receiver =
        WebhookReceiver.builder()
            .requireHeader("Authorization", "Basic c2VjcmV0")
            .signingSecret(SECRET)
            .build();

    assertThat(receiver.toString())
        .contains("Authorization")
        .contains("signingSecrets=1")
        .doesNotContain(SECRET)
        .doesNotContain("c2VjcmV0");
  }

  @Test
  void rejectionsNeverShowTheSecretOrTheSignature() {
    SignedPost post = SignedPost.of(body, "evt_1", NOW, "wrong-secret");
    String signature = post.headers.get(WebhookHeaders.SIGNATURE).get(0);

    WebhookSignatureMismatchException e =
        catchThrowableOfType(() -> post.sendTo(signed), WebhookSignatureMismatchException.class);

    assertThat(e.getMessage() + e)
        .doesNotContain(SECRET)
        .doesNotContain("wrong-secret")
        .doesNotContain(signature.substring(3));
  }
}
