package io.openvidu.ha.server.recording;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvidu.ha.server.api.ApiException;
import io.openvidu.ha.server.api.JsonRequestBody;
import io.openvidu.ha.server.api.RecordingPropertiesJson;
import io.openvidu.ha.server.store.OutputMode;
import io.openvidu.ha.server.store.RecordingLayout;
import io.openvidu.ha.server.store.RecordingProperties;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the body of {@code POST /openvidu/api/recordings/start} with OpenVidu's rules (rest-api.md
 * §5.7): the {@code session} member first, then, once the session is known to accept a recording,
 * the recording properties merged with the session's defaults (§6.2) and validated in OpenVidu's
 * order (type errors, name, tracks, output mode, then the composed-only layout, resolution, frame
 * rate and shared memory). Immutable.
 */
final class StartRecordingRequest {

  /**
   * The path OpenVidu reports in property errors, by a bug we reproduce (rest-api.md §5.7 rule 8).
   */
  static final String PROPERTY_ERROR_PATH = "/openvidu/api/sessions";

  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]+");
  private static final Pattern RESOLUTION =
      Pattern.compile("([1-9][0-9]{2}|1[0-9]{3})x([1-9][0-9]{2}|1[0-9]{3})");
  private static final long MIN_SHM_SIZE = 134_217_728L;

  private final JsonRequestBody body;

  private StartRecordingRequest(JsonRequestBody body) {
    this.body = body;
  }

  /**
   * Reads the body (rule 1; whether recording is enabled, rule 2, is checked next, before {@link
   * #sessionId()}).
   *
   * @param rawBody the request body as received
   * @throws ApiException 400: framework shape when the body is absent or not a JSON object;
   *     OpenVidu's shape when it is JSON {@code null}
   */
  static StartRecordingRequest of(String rawBody) {
    if (rawBody == null || rawBody.isBlank()) {
      JsonRequestBody.parse(rawBody); // the framework's 400 for a missing body
    }
    return new StartRecordingRequest(
        JsonRequestBody.optional(rawBody)
            .orElseThrow(
                () -> ApiException.json(400, "Error in body parameters. Cannot be empty")));
  }

  /**
   * The session to record (rule 3).
   *
   * @throws ApiException 400 (OpenVidu's shape) when {@code session} is missing or not a string
   */
  String sessionId() {
    JsonNode session =
        body.raw("session")
            .orElseThrow(() -> ApiException.json(400, "\"session\" parameter is mandatory"));
    if (!session.isTextual()) {
      throw ApiException.json(400, "Type error in parameter \"session\"");
    }
    return session.asText();
  }

  /**
   * The properties the recording will have: each one from the request, else from the session's
   * {@code defaultRecordingProperties}, else OpenVidu's default; the name stays empty when none was
   * given (the recording id becomes the name once allocated).
   *
   * @throws ApiException 400 or 422 (OpenVidu's JSON shape) for the first invalid property, to be
   *     reported with {@link #PROPERTY_ERROR_PATH}
   */
  RecordingProperties resolve(RecordingProperties sessionDefaults) {
    Optional<String> name = body.name("name");
    Optional<Boolean> hasAudio = body.bool("hasAudio");
    Optional<Boolean> hasVideo = body.bool("hasVideo");
    Optional<String> outputModeName = body.string("outputMode");
    Optional<String> layoutName = body.string("recordingLayout");
    Optional<String> resolution = body.string("resolution");
    Optional<Integer> frameRate = body.integer("frameRate");
    Optional<Long> shmSize = body.longInteger("shmSize");
    Optional<String> customLayout = body.string("customLayout");
    Optional<Boolean> ignoreFailedStreams = body.bool("ignoreFailedStreams");
    // Pro's mediaNode is only type-checked: a recording here always runs on the node hosting its
    // session.
    RecordingPropertiesJson.parseMediaNode(body.raw("mediaNode").orElse(null));

    if (name.isPresent() && !name.get().isEmpty() && !NAME.matcher(name.get()).matches()) {
      throw ApiException.json(
          400, "Parameter 'name' is wrong. Must be an alphanumeric string [a-zA-Z0-9_-]");
    }
    boolean audio = hasAudio.orElse(sessionDefaults.hasAudio());
    boolean video = hasVideo.orElse(sessionDefaults.hasVideo());
    if (!audio && !video) {
      throw ApiException.json(
          422, "Cannot start a recording with both \"hasAudio\" and \"hasVideo\" set to false");
    }
    OutputMode outputMode =
        outputModeName
            .map(
                v ->
                    reconcile(
                        RecordingPropertiesJson.parseEnum(OutputMode.class, v, "outputMode"),
                        sessionDefaults.outputMode()))
            .orElse(sessionDefaults.outputMode());
    String finalName = name.orElse(sessionDefaults.name() == null ? "" : sessionDefaults.name());
    // The name becomes a file name: one the session's defaults supplied is held to the same rules.
    if (!finalName.isEmpty()
        && (!NAME.matcher(finalName).matches()
            || finalName.length() > JsonRequestBody.MAX_NAME_CHARS)) {
      throw ApiException.json(
          400,
          "Parameter 'name' is wrong. Must be an alphanumeric string [a-zA-Z0-9_-] of at most "
              + JsonRequestBody.MAX_NAME_CHARS
              + " characters");
    }
    if (outputMode == OutputMode.INDIVIDUAL) {
      boolean ignore =
          ignoreFailedStreams.orElse(Boolean.TRUE.equals(sessionDefaults.ignoreFailedStreams()));
      return new RecordingProperties(
          finalName, audio, video, outputMode, null, null, null, null, null, ignore, null);
    }
    if (!video) {
      return new RecordingProperties(
          finalName, audio, false, outputMode, null, null, null, null, null, null, null);
    }
    // The session's composed values only count when its default is itself composed with video.
    Optional<RecordingProperties> composedDefaults =
        Optional.of(sessionDefaults).filter(RecordingProperties::isComposedWithVideo);
    RecordingLayout layout =
        layoutName
            .map(
                v -> RecordingPropertiesJson.parseEnum(RecordingLayout.class, v, "recordingLayout"))
            .or(() -> composedDefaults.map(RecordingProperties::recordingLayout))
            .orElse(RecordingLayout.BEST_FIT);
    String finalResolution =
        resolution
            .or(() -> composedDefaults.map(RecordingProperties::resolution))
            .orElse(RecordingProperties.DEFAULT_RESOLUTION);
    if (!RESOLUTION.matcher(finalResolution).matches()) {
      throw ApiException.json(
          422,
          "Wrong \"resolution\" parameter. Acceptable values from 100 to 1999 for"
              + " both width and height");
    }
    int finalFrameRate =
        frameRate
            .or(() -> composedDefaults.map(RecordingProperties::frameRate))
            .orElse(RecordingProperties.DEFAULT_FRAME_RATE);
    if (finalFrameRate < 1 || finalFrameRate > 120) {
      // OpenVidu's message wrongly names the resolution here; ours says what is wrong.
      throw ApiException.json(422, "Wrong \"frameRate\" parameter. Acceptable values are [1-120]");
    }
    long finalShmSize =
        shmSize
            .or(() -> composedDefaults.map(RecordingProperties::shmSize))
            .orElse(RecordingProperties.DEFAULT_SHM_SIZE);
    if (finalShmSize < MIN_SHM_SIZE) {
      throw ApiException.json(
          422, "Wrong \"shmSize\" parameter. Must be 134217728 (128 MB) minimum");
    }
    String finalCustomLayout =
        layout != RecordingLayout.CUSTOM
            ? null
            : customLayout
                .or(() -> composedDefaults.map(RecordingProperties::customLayout))
                .orElse("");
    return new RecordingProperties(
        finalName,
        audio,
        true,
        outputMode,
        layout,
        finalResolution,
        finalFrameRate,
        finalShmSize,
        finalCustomLayout,
        null,
        null);
  }

  /**
   * COMPOSED and COMPOSED_QUICK_START follow the session's default (rest-api.md §6.2): quick start
   * is only obtainable through the session, and a session that quick-starts keeps doing so.
   */
  private static OutputMode reconcile(OutputMode requested, OutputMode sessionDefault) {
    if (requested == OutputMode.COMPOSED && sessionDefault == OutputMode.COMPOSED_QUICK_START) {
      return OutputMode.COMPOSED_QUICK_START;
    }
    if (requested == OutputMode.COMPOSED_QUICK_START
        && sessionDefault != OutputMode.COMPOSED_QUICK_START) {
      return OutputMode.COMPOSED;
    }
    return requested;
  }
}
