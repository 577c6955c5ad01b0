package io.openvidu.ha.server.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvidu.ha.server.api.ApiException;
import io.openvidu.ha.server.store.OutputMode;
import io.openvidu.ha.server.store.RecordingLayout;
import io.openvidu.ha.server.store.RecordingProperties;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StartRecordingRequestTest {

  private static final RecordingProperties COMPOSED_DEFAULTS = RecordingProperties.defaults();
  private static final RecordingProperties INDIVIDUAL_DEFAULTS =
      new RecordingProperties(
          "", true, true, OutputMode.INDIVIDUAL, null, null, null, null, null, false, null);

  @Test
  void jsonNullBodyIsRefusedAsEmpty() {
    assertRefused(() -> StartRecordingRequest.of("null"), 400, "Cannot be empty");
  }

  @Test
  void missingBodyIsTheFrameworksBadRequest() {
    assertRefused(() -> StartRecordingRequest.of(""), 400, "body is missing");
  }

  @Test
  void missingSessionIsRefused() {
    assertRefused(
        () -> StartRecordingRequest.of("{\"name\":\"x\"}").sessionId(),
        400,
        "\"session\" parameter is mandatory");
  }

  @Test
  void sessionThatIsNotAStringIsRefused() {
    assertRefused(
        () -> StartRecordingRequest.of("{\"session\":123}").sessionId(),
        400,
        "Type error in parameter \"session\"");
  }

  @Test
  void sessionIdIsTheSessionMember() {
    assertThat(StartRecordingRequest.of("{\"session\":\"TestSession\"}").sessionId())
        .isEqualTo("TestSession");
  }

  @Test
  void requestedValuesOverrideTheSessionDefaults() {
    RecordingProperties resolved =
        resolve(
            "{\"name\":\"rec\",\"outputMode\":\"COMPOSED\",\"resolution\":\"640x480\","
                + "\"frameRate\":30,\"recordingLayout\":\"PICTURE_IN_PICTURE\"}",
            INDIVIDUAL_DEFAULTS);

    assertThat(resolved)
        .isEqualTo(
            new RecordingProperties(
                "rec",
                true,
                true,
                OutputMode.COMPOSED,
                RecordingLayout.PICTURE_IN_PICTURE,
                "640x480",
                30,
                RecordingProperties.DEFAULT_SHM_SIZE,
                null,
                null,
                null));
  }

  @Test
  void absentValuesComeFromTheSessionDefaults() {
    RecordingProperties resolved = resolve("{}", INDIVIDUAL_DEFAULTS);

    assertThat(resolved.outputMode()).isEqualTo(OutputMode.INDIVIDUAL);
    assertThat(resolved.ignoreFailedStreams()).isFalse();
  }

  @Test
  void absentNameStaysEmptySoThatTheRecordingIdBecomesTheName() {
    assertThat(resolve("{}", COMPOSED_DEFAULTS).name()).isEmpty();
  }

  @Test
  void jsonNullMemberIsTreatedAsAbsent() {
    assertThat(
            resolve("{\"outputMode\":null,\"frameRate\":null}", INDIVIDUAL_DEFAULTS).outputMode())
        .isEqualTo(OutputMode.INDIVIDUAL);
  }

  @Test
  void composedRequestOnAQuickStartSessionIsRecordedQuickStart() {
    RecordingProperties quickStartDefaults =
        new RecordingProperties(
            "",
            true,
            true,
            OutputMode.COMPOSED_QUICK_START,
            RecordingLayout.BEST_FIT,
            "1280x720",
            25,
            536870912L,
            null,
            null,
            null);

    assertThat(resolve("{\"outputMode\":\"COMPOSED\"}", quickStartDefaults).outputMode())
        .isEqualTo(OutputMode.COMPOSED_QUICK_START);
  }

  @Test
  void quickStartRequestOnAComposedSessionIsRecordedComposed() {
    assertThat(resolve("{\"outputMode\":\"COMPOSED_QUICK_START\"}", COMPOSED_DEFAULTS).outputMode())
        .isEqualTo(OutputMode.COMPOSED);
  }

  @Test
  void individualRecordingDropsComposedOnlyPropertiesWithoutValidatingThem() {
    RecordingProperties resolved =
        resolve(
            "{\"outputMode\":\"INDIVIDUAL\",\"resolution\":\"1x1\",\"frameRate\":0,"
                + "\"recordingLayout\":\"NOPE\",\"shmSize\":1}",
            COMPOSED_DEFAULTS);

    assertThat(resolved)
        .isEqualTo(
            new RecordingProperties(
                "", true, true, OutputMode.INDIVIDUAL, null, null, null, null, null, false, null));
  }

  @Test
  void audioOnlyComposedRecordingHasNoVideoProperties() {
    RecordingProperties resolved = resolve("{\"hasVideo\":false}", COMPOSED_DEFAULTS);

    assertThat(resolved.isComposedWithVideo()).isFalse();
    assertThat(resolved.resolution()).isNull();
    assertThat(resolved.recordingLayout()).isNull();
  }

  @Test
  void customLayoutDefaultsToEmptyWithTheCustomLayout() {
    assertThat(resolve("{\"recordingLayout\":\"CUSTOM\"}", COMPOSED_DEFAULTS).customLayout())
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"name\":999}",
        "{\"hasAudio\":\"yes\"}",
        "{\"outputMode\":1}",
        "{\"resolution\":999}",
        "{\"frameRate\":true}",
        "{\"frameRate\":25.5}",
        "{\"shmSize\":\"abc\"}",
        "{\"recordingLayout\":[]}",
        "{\"ignoreFailedStreams\":1}",
        "{\"mediaNode\":12}"
      })
  void memberOfTheWrongTypeIsA400(String body) {
    assertRefused(() -> resolve(body, COMPOSED_DEFAULTS), 400, "Type error in some parameter");
  }

  @Test
  void typeErrorsAreReportedBeforeAnInvalidName() {
    assertRefused(
        () -> resolve("{\"name\":\"not valid!\",\"frameRate\":true}", COMPOSED_DEFAULTS),
        400,
        "frameRate");
  }

  @Test
  void nameWithForbiddenCharactersIsA400() {
    assertRefused(() -> resolve("{\"name\":\"not valid!\"}", COMPOSED_DEFAULTS), 400, "name");
  }

  @Test
  void bothTracksDisabledIsA422EvenWithAnUnknownOutputMode() {
    assertRefused(
        () ->
            resolve(
                "{\"hasAudio\":false,\"hasVideo\":false,\"outputMode\":\"NOPE\"}",
                COMPOSED_DEFAULTS),
        422,
        "hasAudio");
  }

  @Test
  void unknownOutputModeIsA400() {
    assertRefused(
        () -> resolve("{\"outputMode\":\"NOPE\"}", COMPOSED_DEFAULTS),
        400,
        "Parameter 'outputMode' NOPE is not one of");
  }

  @Test
  void unknownLayoutIsA400() {
    assertRefused(
        () -> resolve("{\"recordingLayout\":\"NOPE\"}", COMPOSED_DEFAULTS), 400, "recordingLayout");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1280X720", "99x720", "2000x720", "0640x480", "1280x", "abc"})
  void invalidResolutionIsA422(String resolution) {
    assertRefused(
        () -> resolve("{\"resolution\":\"" + resolution + "\"}", COMPOSED_DEFAULTS),
        422,
        "resolution");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 121})
  void frameRateOutsideOneTo120IsA422(int frameRate) {
    assertRefused(
        () -> resolve("{\"frameRate\":" + frameRate + "}", COMPOSED_DEFAULTS), 422, "frameRate");
  }

  @Test
  void shmSizeBelow128MegabytesIsA422() {
    assertRefused(() -> resolve("{\"shmSize\":134217727}", COMPOSED_DEFAULTS), 422, "shmSize");
  }

  @Test
  void limitsOfTheRangesAreAccepted() {
    RecordingProperties resolved =
        resolve(
            "{\"resolution\":\"1999x100\",\"frameRate\":120,\"shmSize\":134217728}",
            COMPOSED_DEFAULTS);

    assertThat(resolved.resolution()).isEqualTo("1999x100");
    assertThat(resolved.frameRate()).isEqualTo(120);
    assertThat(resolved.shmSize()).isEqualTo(134_217_728L);
  }

  private static RecordingProperties resolve(
      String properties, RecordingProperties sessionDefaults) {
    String body =
        properties.equals("{}")
            ? "{\"session\":\"s\"}"
            : "{\"session\":\"s\"," + properties.substring(1);
    return StartRecordingRequest.of(body).resolve(sessionDefaults);
  }

  private static void assertRefused(ThrowingCallable call, int status, String messagePart) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(status);
              assertThat(e.getMessage()).contains(messagePart);
            });
  }
}
