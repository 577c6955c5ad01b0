package io.openvidu.java.client;

/**
 * The call produced no usable answer from the server: every attempt failed to connect, timed out or was
 * cut off, or the answer could not be read.
 *
 * <p>Unlike the official 2.20 client, the cause is always kept, and the message names every endpoint that
 * was tried and why it failed (never the secret, the Authorization header or a token).
 */
public class OpenViduJavaClientException extends OpenViduException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong
     */
    public OpenViduJavaClientException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause   the underlying failure
     */
    public OpenViduJavaClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
