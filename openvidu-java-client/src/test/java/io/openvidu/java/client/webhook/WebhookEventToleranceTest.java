package io.openvidu.java.client.webhook;

import static io.openvidu.java.client.webhook.EventExamples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/**
 * What a newer server may send is read, not rejected (unknown types, reasons, statuses and
 * members); what breaks the contract is rejected with a message that names the member.
 */
class WebhookEventToleranceTest {

  @Test
  void anUnknownTypeIsKeptRawInsteadOfFailing() throws Exception {
    String body =
        "{\"event\":\"breakoutRoomOpened\",\"timestamp\":1700000000000,\"room\":{\"id\":\"r1\"}}";

    WebhookEvent event = WebhookEvent.parse(utf8(body));

    assertThat(event).isInstanceOf(UnknownEvent.class);
    assertThat(event.name()).isEqualTo("breakoutRoomOpened");
    assertThat(event.timestamp()).isEqualTo(1700000000000L);
    assertThat(event.json()).isEqualTo(body);
  }

  @Test
  void theCdrOnlyTypesAreUnknownEvents() throws Exception {
    WebhookEvent event =
        WebhookEvent.parse(
            utf8(
                "{\"event\":\"recordingStarted\",\"timestamp\":1,\"sessionId\":\"S\","
                    + "\"uniqueSessionId\":\"S_1\"}"));

    assertThat(event).isInstanceOf(UnknownEvent.class);
  }

  @Test
  void anUnknownReasonKeepsItsText() throws Exception {
    ParticipantLeftEvent left =
        (ParticipantLeftEvent)
            WebhookEvent.parse(
                utf8(
                    new String(EventExamples.load("participant-left"), "UTF-8")
                        .replace("\"disconnect\"", "\"kickedByBreakoutRoom\"")));

    assertThat(left.reason()).contains(EndReason.UNKNOWN_TO_SDK_VERSION);
    assertThat(left.reasonAsString()).contains("kickedByBreakoutRoom");
  }

  @Test
  void anUnknownStatusKeepsItsText() throws Exception {
    RecordingStatusChangedEvent changed =
        (RecordingStatusChangedEvent)
            WebhookEvent.parse(
                utf8(
                    new String(EventExamples.load("recording-status-changed"), "UTF-8")
                        .replace("\"ready\"", "\"uploading\"")));

    assertThat(changed.status()).isEqualTo(RecordingStatus.UNKNOWN_TO_SDK_VERSION);
    assertThat(changed.statusAsString()).isEqualTo("uploading");
  }

  @Test
  void unknownMembersAreIgnored() throws Exception {
    SessionCreatedEvent created =
        (SessionCreatedEvent)
            WebhookEvent.parse(
                utf8(
                    "{\"sessionId\":\"S\",\"uniqueSessionId\":\"S_1\",\"timestamp\":1,"
                        + "\"tenant\":{\"id\":7},\"event\":\"sessionCreated\"}"));

    assertThat(created.sessionId()).isEqualTo("S");
  }

  @Test
  void aMissingRequiredMemberIsNamed() {
    MalformedWebhookException e =
        catchThrowableOfType(
            () ->
                WebhookEvent.parse(
                    utf8(
                        "{\"uniqueSessionId\":\"S_1\",\"timestamp\":1,\"event\":\"sessionCreated\"}")),
            MalformedWebhookException.class);

    assertThat(e).hasMessageContaining("event.sessionId").hasMessageContaining("missing");
  }

  @Test
  void aMemberOfTheWrongTypeIsNamedWithoutQuotingIt() {
    MalformedWebhookException e =
        catchThrowableOfType(
            () ->
                WebhookEvent.parse(
                    utf8(
                        "{\"sessionId\":\"S\",\"uniqueSessionId\":\"S_1\","
                            + "\"timestamp\":\"yesterday\",\"event\":\"sessionCreated\"}")),
            MalformedWebhookException.class);

    assertThat(e).hasMessageContaining("event.timestamp").hasMessageNotContaining("yesterday");
  }

  @Test
  void aBodyWithoutEventNameIsMalformed() {
    MalformedWebhookException e =
        catchThrowableOfType(
            () -> WebhookEvent.parse(utf8("{\"timestamp\":1}")), MalformedWebhookException.class);

    assertThat(e).hasMessageContaining("event.event");
  }

  @Test
  void aBodyThatIsNotJsonIsMalformed() {
    MalformedWebhookException e =
        catchThrowableOfType(
            () -> WebhookEvent.parse(utf8("event=sessionCreated&secret=s3cr3t")),
            MalformedWebhookException.class);

    assertThat(e).hasMessageContaining("not valid JSON").hasMessageNotContaining("s3cr3t");
  }

  @Test
  void anEmptyBodyIsMalformed() {
    assertThat(
            catchThrowableOfType(
                () -> WebhookEvent.parse(new byte[0]), MalformedWebhookException.class))
        .hasMessageContaining("empty");
  }

  @Test
  void aBodyOfTwoDocumentsIsMalformed() {
    assertThat(
            catchThrowableOfType(
                () ->
                    WebhookEvent.parse(
                        utf8(
                            "{\"sessionId\":\"S\",\"uniqueSessionId\":\"S_1\",\"timestamp\":1,"
                                + "\"event\":\"sessionCreated\"} {}")),
                MalformedWebhookException.class))
        .isNotNull();
  }
}
