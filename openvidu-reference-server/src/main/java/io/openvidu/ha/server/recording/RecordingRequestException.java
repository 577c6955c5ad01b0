package io.openvidu.ha.server.recording;

/**
 * A recording request the API refuses: the HTTP status to answer, and the message of the JSON error body, or none
 * when OpenVidu answers that status with an empty body (rest-api.md §2.2). Messages never carry a secret or token.
 */
final class RecordingRequestException extends RuntimeException {

    private final int status;
    private final boolean jsonBody;
    private final String errorPath;

    private RecordingRequestException(int status, String message, boolean jsonBody, String errorPath) {
        super(message, null, false, false);
        this.status = status;
        this.jsonBody = jsonBody;
        this.errorPath = errorPath;
    }

    /** A refusal answered with a JSON error body carrying {@code message}. */
    static RecordingRequestException withMessage(int status, String message) {
        return new RecordingRequestException(status, message, true, null);
    }

    /** As {@link #withMessage}, with {@code path} in the error body instead of the request's path. */
    static RecordingRequestException withMessageAndPath(int status, String message, String path) {
        return new RecordingRequestException(status, message, true, path);
    }

    /** A refusal answered with an empty body; {@code reason} is only for logs and tests. */
    static RecordingRequestException empty(int status, String reason) {
        return new RecordingRequestException(status, reason, false, null);
    }

    /** The path to report in the JSON error body, or null for the request's own path. */
    String errorPath() {
        return errorPath;
    }

    int status() {
        return status;
    }

    boolean hasJsonBody() {
        return jsonBody;
    }
}
