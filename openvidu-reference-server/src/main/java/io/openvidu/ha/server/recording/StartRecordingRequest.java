package io.openvidu.ha.server.recording;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvidu.ha.server.store.OutputMode;
import io.openvidu.ha.server.store.RecordingLayout;
import io.openvidu.ha.server.store.RecordingProperties;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Reads the body of {@code POST /openvidu/api/recordings/start} with OpenVidu's rules (rest-api.md §5.7): the
 * {@code session} member first, then, once the session is known to accept a recording, the recording properties
 * merged with the session's defaults (§6.2) and validated in OpenVidu's order (type errors, name, tracks, output mode,
 * then the composed-only layout, resolution, frame rate and shared memory). Stateless.
 */
final class StartRecordingRequest {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]+");
    private static final Pattern RESOLUTION = Pattern.compile("([1-9][0-9]{2}|1[0-9]{3})x([1-9][0-9]{2}|1[0-9]{3})");
    private static final long MIN_SHM_SIZE = 134_217_728L;
    /** The path OpenVidu puts in these errors, by a bug we reproduce (rest-api.md §5.7 rule 8). */
    private static final String PROPERTY_ERROR_PATH = "/openvidu/api/sessions";

    private final JsonNode body;

    private StartRecordingRequest(JsonNode body) {
        this.body = body;
    }

    /**
     * Checks the parts of the body that come before any look-up (rules 1 and 3).
     *
     * @throws RecordingRequestException 400 when the body is {@code null} or not an object, or {@code session} is
     *                                   missing or not a string
     */
    static StartRecordingRequest of(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw RecordingRequestException.withMessage(400, "Error in body parameters. Cannot be empty");
        }
        if (!body.isObject()) {
            throw RecordingRequestException.withMessage(400, "Error in body parameters. It must be a JSON object");
        }
        JsonNode session = present(body, "session");
        if (session == null) {
            throw RecordingRequestException.withMessage(400, "\"session\" parameter is mandatory");
        }
        if (!session.isTextual()) {
            throw RecordingRequestException.withMessage(400, "Type error in parameter \"session\"");
        }
        return new StartRecordingRequest(body);
    }

    String sessionId() {
        return body.get("session").asText();
    }

    /**
     * The properties the recording will have: each one from the request, else from the session's
     * {@code defaultRecordingProperties}, else OpenVidu's default; the name stays empty when none was given (the
     * recording id becomes the name once allocated).
     *
     * @throws RecordingRequestException 400 or 422 with OpenVidu's message for the first invalid property
     */
    RecordingProperties resolve(RecordingProperties sessionDefaults) {
        String name = text("name");
        Boolean hasAudio = bool("hasAudio");
        Boolean hasVideo = bool("hasVideo");
        String outputModeName = text("outputMode");
        String layoutName = text("recordingLayout");
        String resolution = text("resolution");
        Integer frameRate = integer("frameRate");
        Long shmSize = longInteger("shmSize");
        String customLayout = text("customLayout");
        Boolean ignoreFailedStreams = bool("ignoreFailedStreams");
        checkMediaNode();

        if (name != null && !name.isEmpty() && !NAME.matcher(name).matches()) {
            throw propertyError(400, "Parameter 'name' is wrong. Must be an alphanumeric string [a-zA-Z0-9_-]");
        }
        boolean audio = hasAudio != null ? hasAudio : sessionDefaults.hasAudio();
        boolean video = hasVideo != null ? hasVideo : sessionDefaults.hasVideo();
        if (!audio && !video) {
            throw propertyError(422, "Cannot start a recording with both \"hasAudio\" and \"hasVideo\" set to false");
        }
        OutputMode outputMode = outputModeName == null
                ? sessionDefaults.outputMode()
                : reconcile(parse(OutputMode.class, outputModeName, "outputMode"), sessionDefaults.outputMode());
        String finalName = name != null ? name : sessionDefaults.name() == null ? "" : sessionDefaults.name();
        if (outputMode == OutputMode.INDIVIDUAL) {
            boolean ignore = ignoreFailedStreams != null ? ignoreFailedStreams
                    : Boolean.TRUE.equals(sessionDefaults.ignoreFailedStreams());
            return new RecordingProperties(finalName, audio, video, outputMode, null, null, null, null, null, ignore,
                    null);
        }
        if (!video) {
            return new RecordingProperties(finalName, audio, false, outputMode, null, null, null, null, null, null,
                    null);
        }
        boolean defaultsAreComposedVideo = sessionDefaults.isComposedWithVideo();
        RecordingLayout layout = layoutName != null ? parse(RecordingLayout.class, layoutName, "recordingLayout")
                : defaultsAreComposedVideo && sessionDefaults.recordingLayout() != null
                        ? sessionDefaults.recordingLayout() : RecordingLayout.BEST_FIT;
        String finalResolution = resolution != null ? resolution
                : defaultsAreComposedVideo && sessionDefaults.resolution() != null
                        ? sessionDefaults.resolution() : RecordingProperties.DEFAULT_RESOLUTION;
        if (!RESOLUTION.matcher(finalResolution).matches()) {
            throw propertyError(422, "Wrong \"resolution\" parameter. Acceptable values from 100 to 1999 for both"
                    + " width and height");
        }
        int finalFrameRate = frameRate != null ? frameRate
                : defaultsAreComposedVideo && sessionDefaults.frameRate() != null
                        ? sessionDefaults.frameRate() : RecordingProperties.DEFAULT_FRAME_RATE;
        if (finalFrameRate < 1 || finalFrameRate > 120) {
            // OpenVidu's message wrongly names the resolution here; we say what is wrong.
            throw propertyError(422, "Wrong \"frameRate\" parameter. Acceptable values are [1-120]");
        }
        long finalShmSize = shmSize != null ? shmSize
                : defaultsAreComposedVideo && sessionDefaults.shmSize() != null
                        ? sessionDefaults.shmSize() : RecordingProperties.DEFAULT_SHM_SIZE;
        if (finalShmSize < MIN_SHM_SIZE) {
            throw propertyError(422, "Wrong \"shmSize\" parameter. Must be 134217728 (128 MB) minimum");
        }
        String finalCustomLayout = null;
        if (layout == RecordingLayout.CUSTOM) {
            finalCustomLayout = customLayout != null ? customLayout
                    : defaultsAreComposedVideo && sessionDefaults.customLayout() != null
                            ? sessionDefaults.customLayout() : "";
        }
        return new RecordingProperties(finalName, audio, true, outputMode, layout, finalResolution, finalFrameRate,
                finalShmSize, finalCustomLayout, null, null);
    }

    /**
     * COMPOSED and COMPOSED_QUICK_START follow the session's default (rest-api.md §6.2): quick start is only
     * obtainable through the session, and a session that quick-starts keeps doing so.
     */
    private static OutputMode reconcile(OutputMode requested, OutputMode sessionDefault) {
        if (requested == OutputMode.COMPOSED && sessionDefault == OutputMode.COMPOSED_QUICK_START) {
            return OutputMode.COMPOSED_QUICK_START;
        }
        if (requested == OutputMode.COMPOSED_QUICK_START && sessionDefault != OutputMode.COMPOSED_QUICK_START) {
            return OutputMode.COMPOSED;
        }
        return requested;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String member) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(value)).findFirst()
                .orElseThrow(() -> propertyError(400, "Parameter '" + member + "' " + value + " is not defined"));
    }

    private String text(String member) {
        JsonNode node = present(body, member);
        if (node != null && !node.isTextual()) {
            throw typeError(member);
        }
        return node == null ? null : node.asText();
    }

    private Boolean bool(String member) {
        JsonNode node = present(body, member);
        if (node != null && !node.isBoolean()) {
            throw typeError(member);
        }
        return node == null ? null : node.asBoolean();
    }

    private Integer integer(String member) {
        JsonNode node = present(body, member);
        if (node != null && !(node.isIntegralNumber() && node.canConvertToInt())) {
            throw typeError(member);
        }
        return node == null ? null : node.asInt();
    }

    private Long longInteger(String member) {
        JsonNode node = present(body, member);
        if (node != null && !(node.isIntegralNumber() && node.canConvertToLong())) {
            throw typeError(member);
        }
        return node == null ? null : node.asLong();
    }

    /**
     * Pro's {@code mediaNode} is a string or {@code {"id": ...}}. Its value is not used: a recording here always runs
     * on the node that hosts its session.
     */
    private void checkMediaNode() {
        JsonNode node = present(body, "mediaNode");
        boolean valid = node == null || node.isTextual() || node.isObject() && node.path("id").isTextual();
        if (!valid) {
            throw typeError("mediaNode");
        }
    }

    /** The member's value, or null when it is absent or JSON {@code null} (which OpenVidu treats alike). */
    private static JsonNode present(JsonNode object, String member) {
        JsonNode node = object.get(member);
        return node == null || node.isNull() ? null : node;
    }

    private static RecordingRequestException typeError(String member) {
        return propertyError(400, "Type error in parameter '" + member + "'");
    }

    private static RecordingRequestException propertyError(int status, String message) {
        return RecordingRequestException.withMessageAndPath(status, message, PROPERTY_ERROR_PATH);
    }
}
